"""A status line that turns red for errors, in a shade readable on the current palette."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from .theme import state_colour


class StatusLabel(QLabel):
    """Word-wrapped, selectable status text; ``say(text, error=True)`` shows it as an error."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.is_error = False
        self._repainting = False

    def say(self, text: str, error: bool = False) -> None:
        self.set_error(error)
        self.setText(text)

    def set_error(self, error: bool) -> None:
        self.is_error = error
        if not error:
            self.setPalette(QPalette())  # the window's own text colour
            return
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, state_colour("error", palette))
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.is_error and not self._repainting:
            # the light/dark scheme changed: pick the red for the new palette (once)
            self._repainting = True
            try:
                self.set_error(True)
            finally:
                self._repainting = False
