"""A pan/tilt/zoom head driven by ``ptzcontrol``/``ptzparam`` (Pelco-style commands).

A move sets a velocity that lasts until ``ptzcontrol=0``; the position is integrated when
read. Pan wraps at 360 degrees, tilt stops at -90/90, zoom at 1x/20x.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

STOP, UP, DOWN, LEFT, RIGHT, UP_LEFT, DOWN_LEFT, UP_RIGHT, DOWN_RIGHT = range(9)
ZOOM_IN, ZOOM_OUT, FOCUS_NEAR, FOCUS_FAR, IRIS_OPEN, IRIS_CLOSE = range(9, 15)
GOTO_PRESET, CLEAR_PRESET, SET_PRESET, AUTO_PAN, STOP_AUTO_PAN = range(15, 20)

#: (pan, tilt) direction of each move command.
DIRECTIONS = {
    UP: (0, 1), DOWN: (0, -1), LEFT: (-1, 0), RIGHT: (1, 0),
    UP_LEFT: (-1, 1), DOWN_LEFT: (-1, -1), UP_RIGHT: (1, 1), DOWN_RIGHT: (1, -1),
}  # fmt: skip
PRESETS = range(1, 129)
AUTO_PAN_SPEED = 20.0
TILT_LIMIT = 90.0
ZOOM_RANGE = (1.0, 20.0)

Position = tuple[float, float, float]


def degrees_per_second(speed: int) -> float:
    """Pan/tilt speed for a ``ptzparam`` of 0-63: 2 to about 97 degrees per second."""
    return 2.0 + 1.5 * max(0, min(63, speed))


class PtzHead:
    """One channel's PTZ head."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._anchor: Position = (0.0, 0.0, 1.0)
        self._since = clock()
        self._velocity: Position = (0.0, 0.0, 0.0)
        self.presets: dict[int, Position] = {}

    def position(self) -> Position:
        with self._lock:
            return self._at(self._clock())

    def _at(self, now: float) -> Position:
        dt = now - self._since
        pan, tilt, zoom = self._anchor
        vp, vt, vz = self._velocity
        low, high = ZOOM_RANGE
        return (
            (pan + vp * dt) % 360.0,
            max(-TILT_LIMIT, min(TILT_LIMIT, tilt + vt * dt)),
            max(low, min(high, zoom + vz * dt)),
        )

    def _move(self, velocity: Position, anchor: Position | None = None) -> None:
        now = self._clock()
        self._anchor = self._at(now) if anchor is None else anchor
        self._since = now
        self._velocity = velocity

    def command(self, control: int, param: int) -> None:
        """Apply one ``ptzcontrol``/``ptzparam`` pair."""
        with self._lock:
            if control in DIRECTIONS:
                dp, dt = DIRECTIONS[control]
                speed = degrees_per_second(param)
                self._move((dp * speed, dt * speed, 0.0))
            elif control in (ZOOM_IN, ZOOM_OUT):
                rate = 0.5 + 0.1 * max(0, min(63, param))
                self._move((0.0, 0.0, rate if control == ZOOM_IN else -rate))
            elif control == AUTO_PAN:
                self._move((AUTO_PAN_SPEED, 0.0, 0.0))
            elif control in (STOP, STOP_AUTO_PAN):
                self._move((0.0, 0.0, 0.0))
            elif control == SET_PRESET and param in PRESETS:
                self.presets[param] = self._at(self._clock())
            elif control == CLEAR_PRESET:
                self.presets.pop(param, None)
            elif control == GOTO_PRESET and param in self.presets:
                self._move((0.0, 0.0, 0.0), anchor=self.presets[param])
            # focus and iris commands change nothing the simulator shows
