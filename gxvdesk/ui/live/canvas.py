"""Rectangles drawn on the live picture: draw, move, resize by 8 handles, delete, nudge.

Shared by the motion-region and privacy-mask editors. Everything is stored in device units
(``RegionSet.grid``); the widget's :class:`~.mapping.ViewMapping` converts mouse positions.
Edges snap to the picture border and to other regions' edges within ``SNAP_PIXELS``; hold
Alt or Ctrl to place them freely.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QWidget

from .geometry import (
    Box,
    clamp_box,
    handle_points,
    move_box,
    normalise,
    resize_box,
    snap,
    snap_shift,
    snap_targets,
)
from .mapping import ViewMapping
from .regions import PALETTE, RegionSet
from .source import FrameSource
from .view import FrameView

#: Snap distance and handle grab size, in widget pixels.
SNAP_PIXELS = 6
HANDLE_PIXELS = 6
#: A press-and-release shorter than this (widget pixels) draws nothing.
DRAW_THRESHOLD = 4
NO_SNAP = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier

CURSORS = {
    "nw": Qt.CursorShape.SizeFDiagCursor, "se": Qt.CursorShape.SizeFDiagCursor,
    "ne": Qt.CursorShape.SizeBDiagCursor, "sw": Qt.CursorShape.SizeBDiagCursor,
    "n": Qt.CursorShape.SizeVerCursor, "s": Qt.CursorShape.SizeVerCursor,
    "e": Qt.CursorShape.SizeHorCursor, "w": Qt.CursorShape.SizeHorCursor,
}  # fmt: skip


@dataclass
class _Drag:
    mode: str  # "draw", "move" or "resize"
    start: tuple[float, float]  # press position in device units
    start_box: Box
    slot: int | None = None
    handle: str = ""
    press_pos: QPointF | None = None


class RegionCanvas(FrameView):
    """The live picture with editable rectangles (``masks=True`` draws them as masks)."""

    has_overlay = True

    #: A sentence for the technician (e.g. all slots are used).
    message = Signal(str)

    def __init__(self, regions: RegionSet, source: FrameSource | None = None, title: str = "",
                 masks: bool = False, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(source, title, regions.grid, parent)
        self.regions = regions
        self.masks = masks
        self._drag: _Drag | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        regions.changed.connect(self.update)
        regions.selection_changed.connect(self.update)

    # -- hit testing --------------------------------------------------------------------

    def handle_at(self, pos: QPointF) -> str | None:
        """The selected region's handle under ``pos``, if any."""
        selected = self.regions.selected
        region = None if selected is None else self.regions.get(selected)
        if region is None:
            return None
        m = self.mapping
        for name, (dx, dy) in handle_points(region.box).items():
            wx, wy = m.to_widget(dx, dy)
            if abs(wx - pos.x()) <= HANDLE_PIXELS and abs(wy - pos.y()) <= HANDLE_PIXELS:
                return name
        return None

    def region_at(self, pos: QPointF) -> int | None:
        """The slot of the region under ``pos`` (the selected one first, then the newest)."""
        dx, dy = self.mapping.to_device(pos.x(), pos.y())
        order = sorted(self.regions.regions, reverse=True)
        if self.regions.selected is not None:
            order.insert(0, self.regions.selected)
        for slot in order:
            x1, y1, x2, y2 = self.regions.regions[slot].box
            if x1 <= dx <= x2 and y1 <= dy <= y2:
                return slot
        return None

    # -- mouse --------------------------------------------------------------------------

    def _device(self, pos: QPointF) -> tuple[float, float]:
        dx, dy = self.mapping.to_device(pos.x(), pos.y())
        gw, gh = self.grid
        return max(0.0, min(float(gw), dx)), max(0.0, min(float(gh), dy))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        start = self._device(pos)
        handle = self.handle_at(pos)
        if handle is not None and self.regions.selected is not None:
            box = self.regions.regions[self.regions.selected].box
            self._drag = _Drag("resize", start, box, self.regions.selected, handle)
            return
        slot = self.region_at(pos)
        if slot is not None:
            self.regions.select(slot)
            self._drag = _Drag("move", start, self.regions.regions[slot].box, slot)
            return
        self.regions.select(None)
        if not self.mapping.contains(pos.x(), pos.y()):
            return
        if self.regions.free_slot() is None:
            full = self.tr("All {slots} regions are in use; delete one first.")
            self.message.emit(full.format(slots=self.regions.slots))
            return
        anchor = self._snap_point(start, None, event.modifiers())
        self._drag = _Drag("draw", anchor, (*anchor, *anchor), press_pos=QPointF(pos))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            handle = self.handle_at(event.position())
            if handle is not None:
                self.setCursor(CURSORS[handle])
            elif self.region_at(event.position()) is not None:
                self.setCursor(Qt.CursorShape.SizeAllCursor)
            else:
                self.setCursor(Qt.CursorShape.CrossCursor)
            return
        self._drag_to(event.position(), event.modifiers())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        self._drag_to(event.position(), event.modifiers())
        self._drag = None

    def _drag_to(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        drag = self._drag
        assert drag is not None
        point = self._device(pos)
        if drag.mode == "draw":
            assert drag.press_pos is not None
            if drag.slot is None:
                moved = pos - drag.press_pos
                if max(abs(moved.x()), abs(moved.y())) < DRAW_THRESHOLD:
                    return
                region = self.regions.add(drag.start_box)
                if region is None:
                    self._drag = None
                    return
                drag.slot = region.slot
                self.regions.select(region.slot)
            corner = self._snap_point(point, drag.slot, modifiers)
            ax, ay = drag.start_box[:2]
            self.regions.update(drag.slot, clamp_box(normalise(ax, ay, *corner), self.grid))
        elif drag.mode == "move":
            assert drag.slot is not None
            self.regions.update(drag.slot, self._moved(drag, point, modifiers))
        else:
            assert drag.slot is not None
            self.regions.update(drag.slot, self._resized(drag, point, modifiers))

    def _tolerance(self) -> float:
        ux, uy = self.mapping.units_per_pixel
        return SNAP_PIXELS * max(ux, uy)

    def _snap_point(self, point: tuple[float, float], slot: int | None,
                    modifiers: Qt.KeyboardModifier) -> tuple[int, int]:  # fmt: skip
        x, y = round(point[0]), round(point[1])
        if modifiers & NO_SNAP:
            return x, y
        xs, ys = snap_targets(self.grid, self.regions.others(slot))
        tolerance = self._tolerance()
        return snap(x, xs, tolerance), snap(y, ys, tolerance)

    def _moved(self, drag: _Drag, point: tuple[float, float],
               modifiers: Qt.KeyboardModifier) -> Box:  # fmt: skip
        dx = round(point[0] - drag.start[0])
        dy = round(point[1] - drag.start[1])
        x1, y1, x2, y2 = drag.start_box
        if not modifiers & NO_SNAP:
            xs, ys = snap_targets(self.grid, self.regions.others(drag.slot))
            tolerance = self._tolerance()
            dx = snap_shift((x1, x2), dx, xs, tolerance)
            dy = snap_shift((y1, y2), dy, ys, tolerance)
        return move_box(drag.start_box, dx, dy, self.grid)

    def _resized(self, drag: _Drag, point: tuple[float, float],
                 modifiers: Qt.KeyboardModifier) -> Box:  # fmt: skip
        # Keep the grab offset: the edge moves with the cursor, it does not jump to it.
        hx, hy = handle_points(drag.start_box)[drag.handle]
        x = round(point[0] + hx - drag.start[0])
        y = round(point[1] + hy - drag.start[1])
        if not modifiers & NO_SNAP:
            xs, ys = snap_targets(self.grid, self.regions.others(drag.slot))
            tolerance = self._tolerance()
            x, y = snap(x, xs, tolerance), snap(y, ys, tolerance)
        return resize_box(drag.start_box, drag.handle, x, y, self.grid)

    # -- keyboard -----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        slot = self.regions.selected
        key = event.key()
        if key == Qt.Key.Key_Escape and self._drag is not None:
            drag, self._drag = self._drag, None
            if drag.slot is not None:
                if drag.mode == "draw":
                    self.regions.remove(drag.slot)
                else:
                    self.regions.update(drag.slot, drag.start_box)
            return
        if slot is None:
            return super().keyPressEvent(event)
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._drag = None
            self.regions.remove(slot)
            return
        steps = {
            Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1),
        }  # fmt: skip
        if key in steps:
            step = 10 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            sx, sy = steps[key]
            box = self.regions.regions[slot].box
            self.regions.update(slot, move_box(box, sx * step, sy * step, self.grid))
            return
        super().keyPressEvent(event)

    # -- painting -----------------------------------------------------------------------

    def picture_changed(self) -> None:
        self.update()

    def paint_overlay(self, painter: QPainter, mapping: ViewMapping) -> None:
        selected = self.regions.selected
        order = [r for r in self.regions if r.slot != selected]
        if selected is not None and (chosen := self.regions.get(selected)) is not None:
            order.append(chosen)
        font = self._badge_font()
        font.setBold(True)
        painter.setFont(font)
        for region in order:
            colour = QColor(PALETTE[region.slot % len(PALETTE)])
            rect = QRectF(*mapping.widget_rect(*region.box))
            is_selected = region.slot == selected
            self._paint_region(painter, rect, colour, region.enabled, is_selected)
            self._paint_tag(painter, rect, colour, self.regions.label(region.slot))
            if is_selected:
                self._paint_handles(painter, mapping, region.box, colour)

    def _paint_region(self, painter: QPainter, rect: QRectF, colour: QColor, enabled: bool,
                      selected: bool) -> None:  # fmt: skip
        width = 3 if selected else 2
        if self.masks and not enabled:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(220, 220, 220), width, Qt.PenStyle.DashLine))
        elif self.masks:
            painter.setBrush(QBrush(QColor(0, 0, 0, 150)))
            painter.setPen(QPen(colour, width))
        else:
            fill = QColor(colour)
            fill.setAlpha(45)
            painter.setBrush(fill)
            painter.setPen(QPen(colour, width))
        painter.drawRect(rect)
        if self.masks and enabled:
            hatch = QColor(colour)
            hatch.setAlpha(90)
            painter.setBrush(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRect(rect)

    def _paint_tag(self, painter: QPainter, rect: QRectF, colour: QColor, text: str) -> None:
        metrics = painter.fontMetrics()
        w, h = metrics.horizontalAdvance(text) + 8, metrics.height() + 2
        tag = QRectF(rect.left(), rect.top(), w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(tag)
        dark = colour.lightnessF() > 0.55
        painter.setPen(QColor("black") if dark else QColor("white"))
        painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)

    def _paint_handles(self, painter: QPainter, mapping: ViewMapping, box: Box,
                       colour: QColor) -> None:  # fmt: skip
        painter.setPen(QPen(colour.darker(160), 1))
        painter.setBrush(QColor("white"))
        size = HANDLE_PIXELS + 1
        for dx, dy in handle_points(box).values():
            wx, wy = mapping.to_widget(dx, dy)
            painter.drawRect(QRectF(wx - size / 2, wy - size / 2, size, size))
