"""A window that shows the end of gxvdesk's log file (secrets are redacted when written)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ..logs import log_file

TAIL_BYTES = 200_000


class LogWindow(QWidget):
    """Shows the log and follows it while open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("gxvdesk log"))
        self.resize(900, 500)
        self.path = Path(log_file())
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Log"))
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(str(self.path)))
        layout.addWidget(self.text)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(2000)
        self.refresh()

    def refresh(self) -> None:
        try:
            with self.path.open("rb") as f:
                f.seek(max(0, self.path.stat().st_size - TAIL_BYTES))
                content = f.read().decode("utf-8", errors="replace")
        except OSError:
            content = self.tr("No log yet.")
        if content != self.text.toPlainText():
            self.text.setPlainText(content)
            self.text.verticalScrollBar().setValue(self.text.verticalScrollBar().maximum())
