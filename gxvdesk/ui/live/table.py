"""The side table of an editor: each region's corners (and sensitivity or on/off), typed in."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from .geometry import normalise
from .regions import PALETTE, RegionSet

ROLE_RANGE = Qt.ItemDataRole.UserRole + 1


class _SpinDelegate(QStyledItemDelegate):
    """Edits a whole number within the range stored on the item."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:  # fmt: skip
        editor = QSpinBox(parent)
        low, high = index.data(ROLE_RANGE) or (0, 100000)
        editor.setRange(low, high)
        editor.setFrame(False)
        return editor


class RegionTable(QTableWidget):
    """Rows of ``regions`` by slot: label, [on], X1, Y1, X2, Y2, [sensitivity]."""

    def __init__(
        self,
        regions: RegionSet,
        enabled_column: bool = False,
        sensitivity_column: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Regions and their coordinates"))
        self.regions = regions
        self.columns = ["region"] + (["on"] if enabled_column else [])
        self.columns += ["x1", "y1", "x2", "y2"] + (["sensitivity"] if sensitivity_column else [])
        titles = {
            "region": self.tr("Region"),
            "on": self.tr("On"),
            "sensitivity": self.tr("Sensitivity"),
        }
        self.setColumnCount(len(self.columns))
        self.setHorizontalHeaderLabels([titles.get(c, c.upper()) for c in self.columns])
        self.setItemDelegate(_SpinDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)  # fmt: skip
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setMinimumSectionSize(36)
        for col, name in enumerate(self.columns):
            coordinate = name in ("x1", "y1", "x2", "y2")
            mode = (
                QHeaderView.ResizeMode.Stretch
                if coordinate
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(col, mode)
        self._slots: list[int] = []
        self._filling = False
        regions.changed.connect(self.refresh)
        regions.selection_changed.connect(self._select_slot)
        self.itemChanged.connect(self._item_changed)
        self.itemSelectionChanged.connect(self._row_selected)
        self.refresh()

    def slot_of_row(self, row: int) -> int:
        return self._slots[row]

    def row_of_slot(self, slot: int) -> int:
        return self._slots.index(slot)

    @Slot()
    def refresh(self) -> None:
        """Show the regions as they are now (cells being typed into are left alone)."""
        self._filling = True
        try:
            slots = [r.slot for r in self.regions]
            if slots != self._slots:
                self._slots = slots
                self.setRowCount(len(slots))
            gw, gh = self.regions.grid
            ranges = {"x1": (0, gw), "x2": (0, gw), "y1": (0, gh), "y2": (0, gh),
                      "sensitivity": (0, 100)}  # fmt: skip
            for row, region in enumerate(self.regions):
                values = dict(zip(("x1", "y1", "x2", "y2"), region.box, strict=True))
                values["sensitivity"] = region.sensitivity
                for col, name in enumerate(self.columns):
                    item = self.item(row, col)
                    if item is None:
                        item = QTableWidgetItem()
                        self.setItem(row, col, item)
                    if name == "region":
                        item.setText(self.regions.label(region.slot))
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                        colour = QColor(PALETTE[region.slot % len(PALETTE)])
                        item.setBackground(colour)
                        item.setForeground(QColor("black"))
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    elif name == "on":
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                                      | Qt.ItemFlag.ItemIsUserCheckable)  # fmt: skip
                        state = Qt.CheckState.Checked if region.enabled else Qt.CheckState.Unchecked
                        item.setCheckState(state)
                    else:
                        item.setData(ROLE_RANGE, ranges[name])
                        if item.data(Qt.ItemDataRole.EditRole) != values[name]:
                            item.setData(Qt.ItemDataRole.EditRole, values[name])
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)  # fmt: skip
            self._select_slot(-1 if self.regions.selected is None else self.regions.selected)
        finally:
            self._filling = False

    @Slot(QTableWidgetItem)
    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row, name = item.row(), self.columns[item.column()]
        slot = self._slots[row]
        region = self.regions.get(slot)
        if region is None:
            return
        if name == "on":
            self.regions.update(slot, enabled=item.checkState() == Qt.CheckState.Checked)
            return
        try:
            value = int(item.data(Qt.ItemDataRole.EditRole))
        except (TypeError, ValueError):
            self.refresh()
            return
        if name == "sensitivity":
            self.regions.update(slot, sensitivity=value)
        else:
            box = list(region.box)
            box[("x1", "y1", "x2", "y2").index(name)] = value
            self.regions.update(slot, normalise(*box))
        self.refresh()  # shows the clamped value when the typed one was out of range

    @Slot(int)
    def _select_slot(self, slot: int) -> None:
        was = self._filling
        self._filling = True
        try:
            if slot in self._slots:
                row = self._slots.index(slot)
                if self.currentRow() != row or not self.selectionModel().hasSelection():
                    self.selectRow(row)
            else:
                self.clearSelection()
        finally:
            self._filling = was

    @Slot()
    def _row_selected(self) -> None:
        if self._filling:
            return
        rows = {i.row() for i in self.selectedIndexes()}
        self.regions.select(self._slots[min(rows)] if rows else None)
