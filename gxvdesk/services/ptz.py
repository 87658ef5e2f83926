"""PTZ actions by name, and a timed move that always ends with a stop."""

from __future__ import annotations

import time
from collections.abc import Callable

from ..protocol.client import Camera
from ..protocol.codec import Outcome
from ..registry import module

_PTZPARAM_MAX: int = getattr(module("ptz").param("ptzparam").type, "high", None) or 127

#: ``ptzcontrol`` codes (document p.30). Moves and lens actions take a speed in ``ptzparam``.
MOVES: dict[str, int] = {
    "up": 1, "down": 2, "left": 3, "right": 4,
    "up-left": 5, "down-left": 6, "up-right": 7, "down-right": 8,
    "zoom-in": 9, "zoom-out": 10, "focus-near": 11, "focus-far": 12,
    "iris-open": 13, "iris-close": 14,
}  # fmt: skip
#: Preset actions take a preset number in ``ptzparam``.
PRESET_ACTIONS: dict[str, int] = {"goto": 15, "clear-preset": 16, "set-preset": 17}
OTHER_ACTIONS: dict[str, int] = {"stop": 0, "auto-pan": 18, "stop-auto-pan": 19}
ACTIONS: dict[str, int] = {**MOVES, **PRESET_ACTIONS, **OTHER_ACTIONS}
STOP = 0
MAX_SPEED = 63
#: Preset numbers travel in ptzparam, which the document limits to 0-127 (preset 0 unused).
PRESETS = range(1, _PTZPARAM_MAX + 1)


def timed_move(
    camera: Camera,
    action: str,
    speed: int,
    duration: float,
    channel: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Outcome:
    """Move for ``duration`` seconds, then stop: also on Ctrl-C or an error."""
    if action not in MOVES:
        raise ValueError(f"{action} is not a move")
    try:
        camera.ptz(MOVES[action], speed, channel)
        sleep(duration)
    finally:
        outcome = camera.ptz(STOP, 0, channel)
    return outcome
