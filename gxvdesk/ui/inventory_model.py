"""The camera list as a Qt table model: name, model, address, MAC, firmware, state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ..services.inventory import CameraEntry, State
from . import theme

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Name", "State", "Model", "Address", "MAC", "Firmware")
NAME, STATE, MODEL, ADDRESS, MAC, FIRMWARE = range(len(COLUMNS))

#: The theme colour (see theme.STATE_COLOURS) each camera state is shown in.
STATE_TONES = {
    State.ONLINE: "ok",
    State.AUTH: "error",
    State.UNREACHABLE: "error",
    State.NEEDS_REBOOT: "warning",
    State.REBOOTING: "warning",
    State.MOVED: "warning",
    State.CHECKING: "muted",
    State.UNKNOWN: "muted",
}


def state_colour_of(state: State) -> QColor:
    """The colour of a camera state, readable on the current (light or dark) palette."""
    return theme.state_colour(STATE_TONES.get(state, "muted"))


def format_mac(mac: str) -> str:
    """``000B821EA32F`` -> ``00:0B:82:1E:A3:2F``."""
    raw = mac.replace(":", "").replace("-", "").upper()
    return ":".join(raw[i : i + 2] for i in range(0, len(raw), 2)) if len(raw) == 12 else mac


class InventoryModel(QAbstractTableModel):
    """Holds :class:`CameraEntry` objects; renaming in the Name column is allowed."""

    #: The list changed in a way worth saving (added, removed, renamed, identity learned).
    changed = Signal()

    def __init__(self, entries: list[CameraEntry] | None = None) -> None:
        super().__init__()
        self.entries: list[CameraEntry] = list(entries or [])

    # -- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME:
                return entry.display_name if role == Qt.ItemDataRole.DisplayRole else entry.name
            return (
                entry.state.value,
                entry.model or "—",
                entry.address.hostport,
                format_mac(entry.mac) or "—",
                entry.firmware or "—",
            )[column - 1]
        if role == Qt.ItemDataRole.ToolTipRole and column == STATE:
            return entry.detail or entry.state.value
        if role == Qt.ItemDataRole.ForegroundRole and column == STATE:
            return QBrush(state_colour_of(entry.state))
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == NAME else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != NAME:
            return False
        self.entries[index.row()].name = str(value).strip()
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True

    # -- entries -----------------------------------------------------------------------

    def add(self, entry: CameraEntry) -> CameraEntry:
        """Add ``entry`` unless the same camera (URL or MAC) is there; return the kept one."""
        for existing in self.entries:
            if existing.url == entry.url or (entry.mac and existing.mac == entry.mac):
                return existing
        row = len(self.entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self.entries.append(entry)
        self.endInsertRows()
        self.changed.emit()
        return entry

    def remove(self, entry_id: str) -> None:
        for row, entry in enumerate(self.entries):
            if entry.id == entry_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.entries[row]
                self.endRemoveRows()
                self.changed.emit()
                return

    def find(self, entry_id: str) -> CameraEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def row_of(self, entry_id: str) -> int:
        return next((r for r, e in enumerate(self.entries) if e.id == entry_id), -1)

    def refresh(self, entry: CameraEntry, save: bool = False) -> None:
        """Repaint a row after its entry changed (state, model, URL...)."""
        row = self.row_of(entry.id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        if save:
            self.changed.emit()
