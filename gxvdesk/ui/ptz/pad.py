"""The PTZ pad: a round joystick, a speed slider, hold-to-act lens buttons and the keyboard.

Every way of moving ends in a stop: release, leaving the pad, focus loss, window
deactivation, Esc, hiding and closing all call :meth:`PtzPad.halt`.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ...services.ptz import MAX_SPEED
from ..theme import state_colour
from .controller import CommandResult, PtzController, failure_text

#: The 8 directions counter-clockwise from "right", 45 degrees apart.
SECTORS = ("right", "up-right", "up", "up-left", "left", "down-left", "down", "down-right")
#: Fraction of the radius around the centre where nothing moves.
DEAD_ZONE = 0.18
DEFAULT_SPEED = 32
#: Largest diameter of the joystick (pixels): bigger only makes the hand travel farther.
MAX_PAD = 320

_ARROWS = {Qt.Key.Key_Up: (0, 1), Qt.Key.Key_Down: (0, -1),
           Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0)}  # fmt: skip
_ZOOM_KEYS = {Qt.Key.Key_PageUp: "zoom-in", Qt.Key.Key_PageDown: "zoom-out"}


def direction_of(dx: float, dy: float) -> str:
    """The sector of a vector (screen coordinates, y down), e.g. ``(1, -1)`` is up-right."""
    angle = math.degrees(math.atan2(-dy, dx)) % 360.0
    return SECTORS[round(angle / 45.0) % 8]


def speed_of(distance: float, radius: float) -> int:
    """0-63 from the distance to the centre: 0 at the dead zone's edge, 63 at the rim."""
    if radius <= 0:
        return 0
    inner = DEAD_ZONE * radius
    share = (distance - inner) / max(1e-9, radius - inner)
    return max(0, min(MAX_SPEED, round(share * MAX_SPEED)))


def keys_direction(dx: int, dy: int) -> str | None:
    """The move for arrow keys summed to ``(dx, dy)`` (y up); None when they cancel out."""
    if dx == 0 and dy == 0:
        return None
    return direction_of(dx, -dy)


class JoystickPad(QWidget):
    """A round pad: press and hold in any of 8 directions; farther out is faster.

    Emits :attr:`steered` when the direction or speed under the pressed mouse changes
    (``""`` in the dead zone), :attr:`released` when the press ends (release, leaving the pad
    or :meth:`cancel`).
    """

    steered = Signal(str, int)
    released = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ptzJoystick")
        self.setMinimumSize(180, 180)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setMouseTracking(False)
        self.setAccessibleName(self.tr("PTZ joystick"))
        self.setToolTip(
            self.tr(
                "Press and hold to move; the farther from the centre, the faster. Release to stop."
            )
        )
        self._pressed = False
        self._knob: QPointF | None = None
        self._steer: tuple[str, int] = ("", 0)

    def sizeHint(self) -> QSize:
        return QSize(240, 240)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return min(width, MAX_PAD)

    # geometry ---------------------------------------------------------------------------

    def centre(self) -> QPointF:
        return QRectF(self.rect()).center()

    def radius(self) -> float:
        return max(1.0, min(self.width(), self.height(), MAX_PAD) / 2.0 - 6.0)

    def point_for(self, action: str, share: float = 0.7) -> QPointF:
        """Where to press for ``action`` at ``share`` of the radius (tests, screenshots)."""
        angle = math.radians(SECTORS.index(action) * 45.0)
        r = self.radius() * share
        c = self.centre()
        return QPointF(c.x() + r * math.cos(angle), c.y() - r * math.sin(angle))

    @property
    def pressed(self) -> bool:
        return self._pressed

    @property
    def steer(self) -> tuple[str, int]:
        """The current direction and speed (``("", 0)`` when not moving)."""
        return self._steer

    # mouse ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._pressed = True
        self._track(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._pressed:
            event.ignore()
            return
        if not QRectF(self.rect()).contains(event.position()):
            self.cancel()  # left the pad while pressed: stop, press again to move
        else:
            self._track(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._pressed:
            self.cancel()
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:
        if self._pressed:
            self.cancel()
        super().leaveEvent(event)

    def cancel(self) -> None:
        """End the press as if released: emits :attr:`released` once."""
        if not self._pressed:
            return
        self._pressed = False
        self._knob = None
        self._steer = ("", 0)
        self.update()
        self.released.emit()

    def _track(self, pos: QPointF) -> None:
        c = self.centre()
        dx, dy = pos.x() - c.x(), pos.y() - c.y()
        distance = math.hypot(dx, dy)
        radius = self.radius()
        if distance > radius:  # beyond the rim: full speed, knob on the rim
            pos = QPointF(c.x() + dx * radius / distance, c.y() + dy * radius / distance)
        self._knob = pos
        if distance < DEAD_ZONE * radius:
            steer = ("", 0)
        else:
            steer = (direction_of(dx, dy), speed_of(min(distance, radius), radius))
        self.update()
        if steer != self._steer:
            self._steer = steer
            self.steered.emit(*steer)

    # drawing ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Button)
        dark = pal.color(QPalette.ColorRole.Mid)
        text = pal.color(QPalette.ColorRole.ButtonText)
        accent = pal.color(QPalette.ColorRole.Highlight)
        if not self.isEnabled():
            accent = dark
        c, r = self.centre(), self.radius()

        p.setPen(QPen(dark, 1.5))
        p.setBrush(base)
        p.drawEllipse(c, r, r)
        # speed rings: a hint that farther out is faster
        ring = QPen(dark, 1, Qt.PenStyle.DotLine)
        p.setPen(ring)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for share in (0.45, 0.72):
            p.drawEllipse(c, r * share, r * share)

        active = self._steer[0]
        if active:
            wedge = QPainterPath()
            index = SECTORS.index(active)
            wedge.moveTo(c)
            wedge.arcTo(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), index * 45.0 - 22.5, 45.0)
            wedge.closeSubpath()
            fill = QColor(accent)
            fill.setAlpha(70)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(fill)
            p.drawPath(wedge)

        for i, name in enumerate(SECTORS):
            self._arrow(p, c, r, i * 45.0, accent if name == active else text, i % 2 == 1)

        # dead zone
        p.setPen(QPen(dark, 1))
        p.setBrush(pal.color(QPalette.ColorRole.Window))
        p.drawEllipse(c, r * DEAD_ZONE, r * DEAD_ZONE)

        knob = self._knob or c
        p.setPen(QPen(accent.darker(130), 1.5))
        fill = QColor(accent if self._pressed else dark)
        p.setBrush(fill)
        k = max(8.0, r * 0.12)
        p.drawEllipse(knob, k, k)
        if self._pressed and self._steer[0]:
            p.setPen(text)
            p.drawText(
                QRectF(c.x() - r, c.y() + r * 0.22, 2 * r, r * 0.3),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                self.tr("speed {speed}").format(speed=self._steer[1]),
            )
        p.end()

    def _arrow(
        self, p: QPainter, c: QPointF, r: float, degrees: float, color: QColor, small: bool
    ) -> None:
        a = math.radians(degrees)
        ux, uy = math.cos(a), -math.sin(a)
        tip = r * (0.84 if small else 0.9)
        size = r * (0.07 if small else 0.1)
        base = tip - size * 1.6
        px, py = -uy, ux
        poly = QPolygonF(
            [
                QPointF(c.x() + ux * tip, c.y() + uy * tip),
                QPointF(c.x() + ux * base + px * size, c.y() + uy * base + py * size),
                QPointF(c.x() + ux * base - px * size, c.y() + uy * base - py * size),
            ]
        )
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawPolygon(poly)


class HoldButton(QPushButton):
    """A button that acts while held (pressed → start, released → stop); never takes focus."""

    def __init__(self, text: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.action = action
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoRepeat(False)
        self.setToolTip(self.tr("Hold to {action}; release to stop.").format(action=text.lower()))


class PtzPad(QWidget):
    """Joystick, speed slider, lens buttons, keyboard, and the camera's answer time.

    Drives a :class:`PtzController` (``set_controller`` changes it, e.g. on a channel
    switch; the old one is stopped first). Keyboard: arrows (diagonals by combination),
    PgUp/PgDn zoom, Space stop, Esc stop.
    """

    #: Emitted whenever the pad stops everything, with the reason ("release", "focus"...).
    halted = Signal(str)

    def __init__(self, controller: PtzController | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ptzPad")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("PTZ pad"))
        self._controller: PtzController | None = None
        self._source: str | None = None  # "mouse", "keys" or "button" while something moves
        self._keys: list[int] = []  # held arrow/zoom keys, oldest first
        self._window: QWidget | None = None

        self.joystick = JoystickPad(self)
        self.joystick.setFocusProxy(self)
        self.joystick.steered.connect(self._on_steered)
        self.joystick.released.connect(self._on_joystick_released)

        self.speed = QSlider(Qt.Orientation.Horizontal, self)
        self.speed.setRange(0, MAX_SPEED)
        self.speed.setValue(DEFAULT_SPEED)
        self.speed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.speed.setToolTip(self.tr("Speed for the buttons and the arrow keys (0-63)"))
        self.speed.setAccessibleName(self.tr("PTZ speed"))
        self.speed_value = QLabel(self)
        self.speed_value.setMinimumWidth(self.speed_value.fontMetrics().horizontalAdvance("63 "))
        self.speed_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.speed.valueChanged.connect(self._on_speed_changed)

        self.buttons: dict[str, HoldButton] = {}
        lens = QGridLayout()
        lens.setHorizontalSpacing(6)
        lens.setVerticalSpacing(4)
        # (row title, then per button: action, button text, accessible name, tooltip)
        rows = (
            (self.tr("Zoom"),
             ("zoom-out", self.tr("Out"), self.tr("Zoom out"),
              self.tr("Hold to zoom out; release to stop.")),
             ("zoom-in", self.tr("In"), self.tr("Zoom in"),
              self.tr("Hold to zoom in; release to stop."))),
            (self.tr("Focus"),
             ("focus-near", self.tr("Near"), self.tr("Focus near"),
              self.tr("Hold to focus near; release to stop.")),
             ("focus-far", self.tr("Far"), self.tr("Focus far"),
              self.tr("Hold to focus far; release to stop."))),
            (self.tr("Iris"),
             ("iris-close", self.tr("Close"), self.tr("Iris close"),
              self.tr("Hold to close the iris; release to stop.")),
             ("iris-open", self.tr("Open"), self.tr("Iris open"),
              self.tr("Hold to open the iris; release to stop."))),
        )  # fmt: skip
        for row, (title, *pair) in enumerate(rows):
            label = QLabel(title, self)
            lens.addWidget(label, row, 0)
            for col, (action, short, name, tip) in enumerate(pair, 1):
                button = HoldButton(short, action, self)
                button.setToolTip(tip)
                button.setAccessibleName(name)
                button.pressed.connect(lambda a=action: self._on_button_pressed(a))
                button.released.connect(lambda a=action: self._end("button:" + a))
                lens.addWidget(button, row, col)
                self.buttons[action] = button
        lens.setColumnStretch(1, 1)
        lens.setColumnStretch(2, 1)

        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stop_button.setToolTip(self.tr("Stop the head now (Space)"))
        self.stop_button.clicked.connect(lambda: self.halt("stop button", always=True))

        self.answer = QLabel(self.tr("No command sent yet"), self)
        self.answer.setObjectName("ptzAnswer")
        self.answer.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.answer.setTextFormat(Qt.TextFormat.RichText)
        self.answer.setMinimumHeight(self.answer.fontMetrics().lineSpacing() * 2 + 2)
        self.answer.setToolTip(
            self.tr(
                "Round trip of the last PTZ command. A slow answer is the camera or the network;"
                " a long tool delay is this computer."
            )
        )
        self.error = QLabel("", self)
        self.error.setObjectName("ptzError")
        self.error.setWordWrap(True)
        self._colour_error()
        self.error.hide()

        speed_row = QHBoxLayout()
        speed_row.addWidget(QLabel(self.tr("Speed"), self))
        speed_row.addWidget(self.speed, 1)
        speed_row.addWidget(self.speed_value)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.joystick)
        layout.addWidget(self.answer)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addLayout(speed_row)
        layout.addLayout(lens)
        layout.addWidget(self.stop_button)
        layout.addStretch(1)
        self._on_speed_changed(self.speed.value())
        self.set_controller(controller)

    def _colour_error(self) -> None:
        """Red error text, in a shade readable on the palette (light or dark)."""
        palette = self.error.palette()
        palette.setColor(QPalette.ColorRole.WindowText, state_colour("error", self.palette()))
        self.error.setPalette(palette)

    # controller -------------------------------------------------------------------------

    @property
    def controller(self) -> PtzController | None:
        return self._controller

    def set_controller(self, controller: PtzController | None) -> None:
        """Drive ``controller`` from now on; whatever moved on the previous one is stopped."""
        if controller is self._controller:
            return
        self.halt("controller changed")
        if self._controller is not None:
            self._controller.finished.disconnect(self._on_finished)
        self._controller = controller
        if controller is not None:
            controller.finished.connect(self._on_finished)
        self.setEnabled(controller is not None)

    # moving and stopping ----------------------------------------------------------------

    @property
    def active(self) -> str | None:
        """What is moving the head now ("mouse", "keys", "button:zoom-in"), or None."""
        return self._source

    def _begin(self, source: str, action: str, speed: int) -> None:
        self._source = source
        if self._controller is not None:
            self._controller.move(action, speed)

    def _end(self, source: str, reason: str = "release") -> None:
        if self._source != source:
            return
        self._source = None
        if self._controller is not None:
            self._controller.stop()
        self.halted.emit(reason)

    def halt(self, reason: str = "halt", always: bool = False) -> None:
        """Stop everything the pad started (and with ``always`` send a stop regardless)."""
        self._keys.clear()
        was = self._source
        self._source = None
        self.joystick.blockSignals(True)
        self.joystick.cancel()
        self.joystick.blockSignals(False)
        for button in self.buttons.values():
            if button.isDown():
                button.blockSignals(True)
                button.setDown(False)
                button.blockSignals(False)
        if self._controller is not None:  # without always: nothing sent unless it moves
            self._controller.stop(always=always)
        if was is not None or always:
            self.halted.emit(reason)

    def _on_steered(self, action: str, speed: int) -> None:
        if action:
            self._begin("mouse", action, speed)
        else:
            self._end("mouse", "centre")

    def _on_joystick_released(self) -> None:
        self._end("mouse")

    def _on_button_pressed(self, action: str) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # so focus loss stops the hold too
        self._begin("button:" + action, action, self.speed.value())

    def _on_speed_changed(self, value: int) -> None:
        self.speed_value.setText(str(value))
        action = self._keys_action()
        if self._source == "keys" and action is not None:
            self._begin("keys", action, value)
        elif self._source is not None and self._source.startswith("button:"):
            self._begin(self._source, self._source.split(":", 1)[1], value)

    # keyboard ---------------------------------------------------------------------------

    def _keys_action(self) -> str | None:
        dx = sum(_ARROWS[k][0] for k in self._keys if k in _ARROWS)
        dy = sum(_ARROWS[k][1] for k in self._keys if k in _ARROWS)
        action = keys_direction(dx, dy)
        if action is not None:
            return action
        zooms = [_ZOOM_KEYS[k] for k in self._keys if k in _ZOOM_KEYS]
        return zooms[-1] if zooms else None

    def _keys_changed(self) -> None:
        action = self._keys_action()
        if action is not None:
            self._begin("keys", action, self.speed.value())
        else:
            self._end("keys")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _ARROWS or key in _ZOOM_KEYS:
            if not event.isAutoRepeat() and key not in self._keys:
                self._keys.append(key)
                self._keys_changed()
            event.accept()
        elif key == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self.halt("space", always=True)
            event.accept()
        elif key == Qt.Key.Key_Escape:
            self.halt("escape")
            event.accept()
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _ARROWS or key in _ZOOM_KEYS:
            if not event.isAutoRepeat() and key in self._keys:
                self._keys.remove(key)
                self._keys_changed()
            event.accept()
        else:
            super().keyReleaseEvent(event)

    # everything else that must stop the head --------------------------------------------

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.halt("focus")
        super().focusOutEvent(event)

    def hideEvent(self, event: QEvent) -> None:  # type: ignore[override]
        self.halt("hidden")
        super().hideEvent(event)  # type: ignore[arg-type]

    def closeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        self.halt("closed")
        super().closeEvent(event)  # type: ignore[arg-type]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.halt("window deactivated")
        elif event.type() == QEvent.Type.PaletteChange and hasattr(self, "error"):
            self._colour_error()
        super().changeEvent(event)

    def showEvent(self, event: QEvent) -> None:  # type: ignore[override]
        window = self.window()
        if window is not self._window:
            if self._window is not None:
                self._window.removeEventFilter(self)
            self._window = window
            if window is not self:
                window.installEventFilter(self)
        super().showEvent(event)  # type: ignore[arg-type]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in (
            QEvent.Type.WindowDeactivate,
            QEvent.Type.Close,
            QEvent.Type.Hide,
        ):
            self.halt("window deactivated" if event.type() == QEvent.Type.WindowDeactivate
                      else "window closed")  # fmt: skip
        return False

    # the camera's answers ---------------------------------------------------------------

    def _on_finished(self, result: CommandResult) -> None:
        if result.ok and result.rtt is not None:
            answered = self.tr(
                "Camera answered in <b>{rtt} ms</b><br><small>tool delay {queued} ms</small>"
            )
            self.answer.setText(
                answered.format(
                    rtt=f"{result.rtt * 1000:.0f}", queued=f"{result.queued * 1000:.0f}"
                )
            )
            if not result.watchdog:
                self.error.hide()
        elif not result.ok:
            self.answer.setText(self.tr("The camera did not answer the last command"))
            self.error.setText(failure_text(result))
            self.error.show()

    def answer_text(self) -> str:
        """The answer line as plain text ("Camera answered in 12 ms tool delay 0 ms")."""
        return " ".join(QTextDocumentFragment.fromHtml(self.answer.text()).toPlainText().split())
