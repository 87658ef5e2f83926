"""A 7 x 24 hour grid for week tables (recording schedules): click, drag, whole days or hours.

The grid is a :class:`QTableWidget` so that every cell is an accessible item ("Monday
13:00 to 14:00, on") and keyboard users can move with the arrows and toggle with Space.
Its value is the registry's wire text: 168 characters of ``0``/``1``, day by day from
Sunday (index ``day * 24 + hour``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ...registry.types import DAYS
from ..theme import is_dark

HOURS = 24
CELL = 22
#: High-contrast on/off fills (also distinct in grey scale for colour-blind users), on a
#: light palette and on a dark one (where a pale "off" would glare).
ON_COLOUR = QColor("#2e7d32")
OFF_COLOUR = QColor("#eef1f3")
ON_COLOUR_DARK = QColor("#66bb6a")
OFF_COLOUR_DARK = QColor("#3b4046")

#: The registry's days (:data:`DAYS`, Sunday first) as shown, full and short.
DAY_NAMES = (
    QT_TRANSLATE_NOOP("WeekGrid", "Sunday"), QT_TRANSLATE_NOOP("WeekGrid", "Monday"),
    QT_TRANSLATE_NOOP("WeekGrid", "Tuesday"), QT_TRANSLATE_NOOP("WeekGrid", "Wednesday"),
    QT_TRANSLATE_NOOP("WeekGrid", "Thursday"), QT_TRANSLATE_NOOP("WeekGrid", "Friday"),
    QT_TRANSLATE_NOOP("WeekGrid", "Saturday"),
)  # fmt: skip
DAY_SHORT = (
    QT_TRANSLATE_NOOP("WeekGrid", "Sun"), QT_TRANSLATE_NOOP("WeekGrid", "Mon"),
    QT_TRANSLATE_NOOP("WeekGrid", "Tue"), QT_TRANSLATE_NOOP("WeekGrid", "Wed"),
    QT_TRANSLATE_NOOP("WeekGrid", "Thu"), QT_TRANSLATE_NOOP("WeekGrid", "Fri"),
    QT_TRANSLATE_NOOP("WeekGrid", "Sat"),
)  # fmt: skip
assert DAY_NAMES == DAYS, "the week grid's days must be the registry's"


class WeekGrid(QTableWidget):
    """Rows Sunday..Saturday, columns hours 0-23; ``changed`` after every user change."""

    changed = Signal()

    def __init__(self, name: str | None = None, parent=None) -> None:
        super().__init__(len(DAYS), HOURS, parent)
        name = name if name is not None else self.tr("Week table")
        self._name = name
        # Translated once: every cell's text is made from these on each repaint.
        self._days = [self.tr(day) for day in DAY_NAMES]
        self._cell_text = {
            True: self.tr("{day} {start}:00 to {end}:00, on"),
            False: self.tr("{day} {start}:00 to {end}:00, off"),
        }
        self._fills = self._palette_fills()
        self._bits = [False] * (len(DAYS) * HOURS)
        self._painting: bool | None = None
        self._last: tuple[int, int] | None = None
        self._read_only = False
        self.setAccessibleName(name)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        self.setHorizontalHeaderLabels([str(h) for h in range(HOURS)])
        self.setVerticalHeaderLabels([self.tr(day) for day in DAY_SHORT])
        hh, vh = self.horizontalHeader(), self.verticalHeader()
        for header, size in ((hh, CELL), (vh, CELL)):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setMinimumSectionSize(size)
            header.setDefaultSectionSize(size)
            header.setSectionsClickable(True)
            header.setHighlightSections(False)
        vh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        tip = self.tr("{start}:00 to {end}:00: click to switch this hour on every day")
        for hour in range(HOURS):
            self.horizontalHeaderItem(hour).setToolTip(
                tip.format(start=f"{hour:02d}", end=f"{hour + 1:02d}")
            )
        tip = self.tr("{day}: click to switch the whole day")
        for day, day_name in enumerate(self._days):
            self.verticalHeaderItem(day).setToolTip(tip.format(day=day_name))
        hh.sectionClicked.connect(self._toggle_hour)
        vh.sectionClicked.connect(self._toggle_day)
        for day in range(len(DAYS)):
            for hour in range(HOURS):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.setItem(day, hour, item)
                self._paint_item(day, hour)
        width = vh.sizeHint().width() + HOURS * CELL + 2 * self.frameWidth()
        height = hh.sizeHint().height() + len(DAYS) * CELL + 2 * self.frameWidth()
        self.setFixedSize(QSize(width, height))

    # -- value -----------------------------------------------------------------------------

    def wire(self) -> str:
        """The 168-character 0/1 text."""
        return "".join("1" if b else "0" for b in self._bits)

    def set_bits(self, bits: list[bool]) -> None:
        """Show ``bits`` (168 booleans) without emitting ``changed``."""
        self._bits = list(bits[: len(self._bits)]) + [False] * (len(self._bits) - len(bits))
        for day in range(len(DAYS)):
            for hour in range(HOURS):
                self._paint_item(day, hour)

    def is_on(self, day: int, hour: int) -> bool:
        return self._bits[day * HOURS + hour]

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.horizontalHeader().setSectionsClickable(not read_only)
        self.verticalHeader().setSectionsClickable(not read_only)

    def set_all(self, on: bool) -> None:
        """Switch every hour on or off (as the user; emits ``changed`` if anything changed)."""
        self._set_cells([(d, h) for d in range(len(DAYS)) for h in range(HOURS)], on)

    def cell_center(self, day: int, hour: int) -> QPoint:
        """Viewport position of a cell's centre (for tests and tools)."""
        return self.visualRect(self.model().index(day, hour)).center()

    # -- drawing ---------------------------------------------------------------------------

    def _palette_fills(self) -> dict[bool, QBrush]:
        dark = is_dark(self.palette())
        return {
            True: QBrush(ON_COLOUR_DARK if dark else ON_COLOUR),
            False: QBrush(OFF_COLOUR_DARK if dark else OFF_COLOUR),
        }

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_fills"):
            self._fills = self._palette_fills()
            for day in range(len(DAYS)):
                for hour in range(HOURS):
                    item = self.item(day, hour)
                    if item is not None:
                        item.setBackground(self._fills[self.is_on(day, hour)])

    def _paint_item(self, day: int, hour: int) -> None:
        item = self.item(day, hour)
        on = self._bits[day * HOURS + hour]
        item.setBackground(self._fills[on])
        text = self._cell_text[on].format(
            day=self._days[day], start=f"{hour:02d}", end=f"{hour + 1:02d}"
        )
        item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        item.setToolTip(text)

    def _set_cells(self, cells: list[tuple[int, int]], on: bool) -> None:
        if self._read_only:
            return
        touched = False
        for day, hour in cells:
            if self._bits[day * HOURS + hour] != on:
                self._bits[day * HOURS + hour] = on
                self._paint_item(day, hour)
                touched = True
        if touched:
            self.changed.emit()

    def _toggle_day(self, day: int) -> None:
        cells = [(day, h) for h in range(HOURS)]
        self._set_cells(cells, not all(self.is_on(d, h) for d, h in cells))

    def _toggle_hour(self, hour: int) -> None:
        cells = [(d, hour) for d in range(len(DAYS))]
        self._set_cells(cells, not all(self.is_on(d, h) for d, h in cells))

    # -- mouse and keyboard: click toggles, drag paints the clicked cell's new state ----------

    def _cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        index: QModelIndex = self.indexAt(pos)
        return (index.row(), index.column()) if index.isValid() else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self._cell_at(event.position().toPoint())
        if event.button() != Qt.MouseButton.LeftButton or cell is None or self._read_only:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.setCurrentCell(*cell)
        self._painting = not self.is_on(*cell)
        self._last = cell
        self._set_cells([cell], self._painting)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._painting is None:
            super().mouseMoveEvent(event)
            return
        cell = self._cell_at(event.position().toPoint())
        if cell is not None and cell != self._last:
            self._set_cells(_line(self._last or cell, cell), self._painting)
            self._last = cell
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._painting is None:
            super().mouseReleaseEvent(event)
            return
        self._painting = None
        self._last = None
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if event.key() == Qt.Key.Key_Space and current.isValid() and not self._read_only:
            cell = (current.row(), current.column())
            self._set_cells([cell], not self.is_on(*cell))
            event.accept()
            return
        super().keyPressEvent(event)


def _line(start: tuple[int, int], end: tuple[int, int]) -> list[tuple[int, int]]:
    """Cells on the way from ``start`` to ``end``, so a fast drag leaves no gaps."""
    (r0, c0), (r1, c1) = start, end
    steps = max(abs(r1 - r0), abs(c1 - c0), 1)
    return [
        (r0 + round((r1 - r0) * s / steps), c0 + round((c1 - c0) * s / steps))
        for s in range(steps + 1)
    ]
