"""The preset list: numbers with local names; Go to, Save here, Clear; auto pan."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...registry import module
from ...registry.types import InvalidValueError
from ...services.ptz import PRESETS
from ...services.ptz_presets import MAX_NAME, PresetNames
from ..theme import state_colour

NUMBER = Qt.ItemDataRole.UserRole


def preset_numbers(model: str | None) -> list[int]:
    """Preset numbers this model's ``ptzparam`` accepts.

    :data:`gxvdesk.services.ptz.PRESETS` says 1-128 but the document gives ptzparam 0-127
    for preset positions, so the registry's type decides (1-127).
    """
    kind = module("ptz").param("ptzparam").type_for(model)
    out = []
    for n in PRESETS:
        try:
            kind.parse(n)
        except InvalidValueError:
            continue
        out.append(n)
    return out


class PresetList(QWidget):
    """Presets of one camera channel. Emits requests; the panel sends them to the camera."""

    goto_requested = Signal(int)
    save_requested = Signal(int)
    clear_requested = Signal(int)
    #: True to start the head's auto pan, False to stop it.
    auto_pan_requested = Signal(bool)

    def __init__(self, numbers: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ptzPresets")
        self._store: PresetNames | None = None
        self._key: str | None = None
        self._channel = 0

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Presets"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setToolTip(self.tr("Double-click a preset to go there"))
        # fixed digits so the numbers and names line up
        self.list.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        for n in numbers:
            item = QListWidgetItem(self.list)
            item.setData(NUMBER, n)
        self.list.currentItemChanged.connect(self._selected)
        self.list.itemDoubleClicked.connect(lambda it: self.goto_requested.emit(it.data(NUMBER)))

        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Name, kept on this computer"))
        self.name.setMaxLength(MAX_NAME)
        self.name.setAccessibleName(self.tr("Preset name"))
        self.name.setClearButtonEnabled(True)
        self.name.editingFinished.connect(self._rename)

        self.goto_button = QPushButton(self.tr("Go to"), self)
        self.goto_button.setToolTip(self.tr("Turn the head to the selected preset"))
        self.save_button = QPushButton(self.tr("Save here"), self)
        self.save_button.setToolTip(
            self.tr("Store the head's current position as the selected preset")
        )
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setToolTip(self.tr("Delete the selected preset on the camera"))
        self.goto_button.clicked.connect(lambda: self._emit(self.goto_requested))
        self.save_button.clicked.connect(lambda: self._emit(self.save_requested))
        self.clear_button.clicked.connect(lambda: self._emit(self.clear_requested))

        self.auto_pan_start = QPushButton(self.tr("Start"), self)
        self.auto_pan_start.setToolTip(self.tr("Start the head's auto pan (it runs until stopped)"))
        self.auto_pan_stop = QPushButton(self.tr("Stop"), self)
        self.auto_pan_stop.setToolTip(self.tr("Stop the head's auto pan"))
        self.auto_pan_start.clicked.connect(lambda: self.auto_pan_requested.emit(True))
        self.auto_pan_stop.clicked.connect(lambda: self.auto_pan_requested.emit(False))

        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Name"), self), 0, 0)
        form.addWidget(self.name, 0, 1, 1, 3)
        form.addWidget(self.goto_button, 1, 1)
        form.addWidget(self.save_button, 1, 2)
        form.addWidget(self.clear_button, 1, 3)
        for col in (1, 2, 3):
            form.setColumnStretch(col, 1)
        pan = QHBoxLayout()
        pan.addWidget(QLabel(self.tr("Auto pan"), self))
        pan.addStretch(1)
        pan.addWidget(self.auto_pan_start)
        pan.addWidget(self.auto_pan_stop)

        self.legend = QLabel(self.tr("● saved from this computer"), self)
        self._colour_legend()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.legend)
        layout.addLayout(form)
        layout.addLayout(pan)
        self.list.setCurrentRow(0)
        self._refresh()

    def _colour_legend(self) -> None:
        # Grey like a side note, yet readable (disabled-grey text is hard to read at night).
        palette = self.legend.palette()
        palette.setColor(QPalette.ColorRole.WindowText, state_colour("muted", self.palette()))
        self.legend.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "legend"):
            self._colour_legend()

    # which camera ------------------------------------------------------------------------

    def set_store(self, store: PresetNames | None, key: str | None, channel: int) -> None:
        """Show the names kept for camera ``key`` (None: not known yet) on ``channel``."""
        self._store, self._key, self._channel = store, key, channel
        self.name.setEnabled(store is not None and key is not None)
        self._refresh()

    @property
    def key(self) -> str | None:
        return self._key

    def current(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(NUMBER))

    def select(self, number: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(NUMBER) == number:
                self.list.setCurrentRow(row)
                return
        raise KeyError(number)

    def item_text(self, number: int) -> str:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(NUMBER) == number:
                return item.text()
        raise KeyError(number)

    # names ------------------------------------------------------------------------------

    def _label(self, number: int) -> str:
        name = saved = None
        if self._store is not None and self._key is not None:
            name = self._store.name(self._key, self._channel, number)
            saved = self._store.saved(self._key, self._channel, number)
        mark = "●" if saved else "  "
        return f"{mark} {number:>3}   {name or ''}".rstrip()

    def _refresh(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setText(self._label(item.data(NUMBER)))
        self._selected(self.list.currentItem())

    def refresh_number(self, number: int) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(NUMBER) == number:
                item.setText(self._label(number))

    def _selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        has = item is not None
        for button in (self.goto_button, self.save_button, self.clear_button):
            button.setEnabled(has)
        text = ""
        if has and self._store is not None and self._key is not None:
            text = self._store.name(self._key, self._channel, int(item.data(NUMBER)))
        self.name.blockSignals(True)
        self.name.setText(text)
        self.name.blockSignals(False)

    def _rename(self) -> None:
        number = self.current()
        if number is None or self._store is None or self._key is None:
            return
        self._store.set_name(self._key, self._channel, number, self.name.text())
        self.refresh_number(number)

    def _emit(self, signal: Signal) -> None:
        number = self.current()
        if number is not None:
            self._rename()  # a name typed and not yet confirmed is kept
            signal.emit(number)  # type: ignore[attr-defined]
