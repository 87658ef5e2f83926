"""The picture widget: the newest frame letterboxed, with a status badge over it."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHideEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from .frames import Frame
from .mapping import Size, ViewMapping
from .source import LIVE, FrameSource

#: Pixels kept free around the picture for the alert border.
BORDER = 3
#: A frame older than this is called stale in the badge.
STALE_SECONDS = 1.5

GOOD = QColor("#9be79b")
BACKGROUND = QColor(18, 18, 20)
NO_PICTURE = QColor(40, 40, 46)
BADGE_FORMAT = QImage.Format.Format_ARGB32_Premultiplied
#: Seconds between redraws of the badge while nothing but the numbers change.
BADGE_REFRESH = 0.25
WARN = QColor("#ffc266")
ALERT = QColor("#e53935")


def age_text(seconds: float) -> str:
    """A frame age for the badge: ``40 ms``, ``3.2 s old``."""
    if seconds < 1.0:
        return QCoreApplication.translate("FrameView", "{ms} ms").format(ms=f"{seconds * 1000:.0f}")
    return QCoreApplication.translate("FrameView", "{s} s old").format(s=f"{seconds:.1f}")


class FrameView(QWidget):
    """Paints the frames of a :class:`FrameSource`; starts it when shown, stops it when hidden.

    Subclasses draw on top of the picture in :meth:`paint_overlay`, with :attr:`mapping`
    converting between widget pixels and ``grid`` units.
    """

    #: The picture was double-clicked.
    activated = Signal()

    def __init__(self, source: FrameSource | None = None, title: str = "",
                 grid: Size = (704, 576), parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.title = title
        self.grid = grid
        self.picture_size: Size = grid  # until the first frame tells the real shape
        self.frame: Frame | None = None
        self.frames_painted = 0
        self.alert: str | None = None
        self.alert_border = False
        self._painted_number = -1
        self._scaled = False
        self._rects: tuple[tuple[int, int, int, int], QRect, QRect] | None = None
        self._badge_cache: tuple[int, int, QImage] | None = None
        self._badge_key: object = None
        self._badge_due = 0.0
        self._mapping: ViewMapping | None = None
        self.source: FrameSource | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self._ticker = QTimer(self)  # keeps the frame age moving when frames stop
        self._ticker.setInterval(500)
        self._ticker.timeout.connect(self._tick)
        if source is not None:
            self.attach(source)

    def attach(self, source: FrameSource) -> None:
        """Show ``source``'s frames (it is started and stopped with this widget's visibility)."""
        if self.source is not None:
            self.source.frame_ready.disconnect(self._take_frame)
            self.source.state_changed.disconnect(self._state_changed)
            self.destroyed.disconnect(self.source.halt)
            self.source.stop()
        self.source = source
        source.frame_ready.connect(self._take_frame)
        source.state_changed.connect(self._state_changed)
        self.destroyed.connect(source.halt)  # a widget deleted while shown stops streaming
        self._update_target()
        if self.isVisible():
            source.start()

    def shutdown(self, timeout: float = 1.0) -> bool:
        """Stop the source and wait briefly for its thread."""
        self._ticker.stop()
        return self.source.shutdown(timeout) if self.source is not None else True

    # -- geometry -----------------------------------------------------------------------

    def picture_area(self) -> tuple[int, int, int, int]:
        """Where the picture may go: the widget minus the alert border."""
        return BORDER, BORDER, self.width() - 2 * BORDER, self.height() - 2 * BORDER

    @property
    def mapping(self) -> ViewMapping:
        """Widget pixels <-> ``grid`` units for the current size and picture shape."""
        if self._mapping is None:
            self._mapping = ViewMapping.fit(self.picture_area(), self.picture_size, self.grid)
        return self._mapping

    def _update_target(self) -> None:
        self._mapping = None
        self._rects = None
        if self.source is not None:
            _, _, w, h = self.mapping.image_rect
            ratio = self.devicePixelRatioF()
            self.source.set_target_size(round(w * ratio), round(h * ratio))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._update_target()
        super().resizeEvent(event)

    # -- life ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_target()
        if self.source is not None:
            self.source.start()
        self._ticker.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self.source is not None:
            self.source.stop()
        self._ticker.stop()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.activated.emit()
        super().mouseDoubleClickEvent(event)

    @Slot()
    def _take_frame(self) -> None:
        if self.source is None:
            return
        frame = self.source.take_frame()
        if frame is None:
            return
        self.frame = frame
        if frame.source_size != self.picture_size:
            self.picture_size = frame.source_size
            self._update_target()
            self.picture_changed()
        self.update()

    @Slot(str, str)
    def _state_changed(self, state: str, text: str) -> None:
        self.update()

    def _tick(self) -> None:
        source, frame = self.source, self.frame
        live = source is not None and source.state == LIVE and frame is not None
        # Repaint when frames stop coming, so that the age and state shown keep moving.
        if not live or frame is None or time.monotonic() - frame.received > 0.4:
            self.update()

    def picture_changed(self) -> None:
        """Called when the picture's shape (hence the mapping) changed; for subclasses."""

    def set_alert(self, text: str | None, border: bool = True) -> None:
        """Show a red badge with ``text`` and (``border``) a red frame; None clears both."""
        border = border and text is not None
        if (text, border) != (self.alert, self.alert_border):
            self.alert, self.alert_border = text, border
            self.update()

    # -- painting -----------------------------------------------------------------------
    # A paint costs a handful of Qt calls: every call lets the stream threads take the GIL,
    # so the badge is drawn into an image a few times a second and blitted in between.

    def paintEvent(self, event: QPaintEvent) -> None:
        m = self.mapping
        if self._rects is None or self._rects[0] != m.image_rect:
            self._rects = (
                m.image_rect,
                QRect(*m.image_rect),
                QRect(0, 0, self.width(), self.height()),
            )
        _, target, whole = self._rects
        painter = QPainter(self)
        painter.fillRect(whole, BACKGROUND)
        frame = self.frame
        if frame is not None:
            if frame.number != self._painted_number:
                self._painted_number = frame.number
                self.frames_painted += 1
                self._scaled = frame.image.size() != target.size()
            if self._scaled:
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, frame.image)
        else:
            painter.fillRect(target, NO_PICTURE)
        if self.has_overlay:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.paint_overlay(painter, m)
        x, y, badge = self._badge()
        painter.drawImage(QPoint(x, y), badge)
        if self.alert:
            self._paint_alert(painter, self.alert)
        painter.end()

    #: Whether :meth:`paint_overlay` draws anything (subclasses that draw set it).
    has_overlay = False

    def paint_overlay(self, painter: QPainter, mapping: ViewMapping) -> None:
        """Draw on top of the picture (regions, masks); for subclasses."""

    def status_line(self) -> tuple[str, QColor]:
        """The badge's status text and colour."""
        source = self.source
        if source is None:
            return self.tr("no camera"), WARN
        if source.state != LIVE:
            return source.state_text, (WARN if source.state == "reconnecting" else QColor("white"))
        age = time.monotonic() - self.frame.received if self.frame is not None else 0.0
        fps = source.fps  # unknown (0) until the second frame
        if source.using == "mjpeg":
            text = self.tr("live {fps} fps · {age}") if fps > 0 else self.tr("live · {age}")
        elif fps > 0:
            text = self.tr("live {fps} fps (snapshots) · {age}")
        else:
            text = self.tr("live (snapshots) · {age}")
        text = text.format(fps=f"{fps:.1f}", age=age_text(age))
        return text, (WARN if age > STALE_SECONDS else GOOD)

    def _badge_font(self) -> QFont:
        font = QFont(self.font())
        size = 9 if self.width() < 360 else 10
        font.setPointSize(size)
        return font

    def _badge(self) -> tuple[int, int, QImage]:
        """The badge image and where it goes, redrawn when due (state, size, or 4 Hz)."""
        now = time.monotonic()
        source = self.source
        state = (source.state, source.state_text) if source is not None else None
        key = (state, self.title, self.width(), self.height(), self.mapping.image_rect, self.alert)
        if self._badge_cache is None or key != self._badge_key or now >= self._badge_due:
            self._badge_key = key
            self._badge_due = now + BADGE_REFRESH
            self._badge_cache = self._render_badge(*self.status_line())
        return self._badge_cache

    def _render_badge(self, text: str, colour: QColor) -> tuple[int, int, QImage]:
        font = self._badge_font()
        bold = QFont(font)
        bold.setBold(True)
        pad, margin = 5, BORDER + 4
        limit = max(60, self.width() - 2 * margin - 2 * pad - (90 if self.alert else 0))
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        title_box = (
            QFontMetrics(bold).boundingRect(QRect(0, 0, limit, 1000), flags, self.title)
            if self.title
            else QRect()
        )
        text_box = QFontMetrics(font).boundingRect(QRect(0, 0, limit, 1000), flags, text)
        width = max(title_box.width(), text_box.width()) + 2 * pad
        height = title_box.height() + text_box.height() + 2 * pad
        ratio = self.devicePixelRatioF()
        image = QImage(round(width * ratio), round(height * ratio), BADGE_FORMAT)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 190))
        painter.drawRoundedRect(QRectF(0, 0, width, height), 4, 4)
        y = pad
        if self.title:
            painter.setFont(bold)
            painter.setPen(QColor("white"))
            painter.drawText(QRect(pad, y, limit, title_box.height()), flags, self.title)
            y += title_box.height()
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QRect(pad, y, limit, text_box.height()), flags, text)
        painter.end()
        # In the black bar above the picture when it fits, else over the picture's bottom
        # left corner (cameras print their own OSD at the top by default).
        _, top, _, picture_height = self.mapping.image_rect
        if top - BORDER >= height + 4:
            at = (top - height) // 2
        else:
            at = min(self.height() - margin - height, top + picture_height - 4 - height)
            at = max(margin, at)
        return margin, at, image

    def _paint_alert(self, painter: QPainter, text: str) -> None:
        if self.alert_border:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(ALERT, BORDER * 2))
            painter.drawRect(QRectF(self.rect()).adjusted(BORDER, BORDER, -BORDER, -BORDER))
        font = self._badge_font()
        font.setBold(True)
        painter.setFont(font)
        box = painter.fontMetrics().boundingRect(text).adjusted(-6, -4, 6, 4)
        box.moveTopRight(QPoint(self.width() - BORDER - 5, BORDER + 4))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ALERT)
        painter.drawRoundedRect(QRectF(box), 4, 4)
        painter.setPen(QColor("white"))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
