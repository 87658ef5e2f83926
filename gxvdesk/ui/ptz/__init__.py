"""PTZ control: the pad, presets and PTZ settings of GXV3500/GXV3504 heads.

- :class:`PtzController`: sends one channel's commands from a worker thread (no widgets).
- :class:`PtzPad`: joystick, speed slider, lens buttons and keyboard driving a controller.
- :class:`PresetList`: presets with local names.
- :class:`PtzPanel`: all of the above plus the generated settings, per channel.
"""

from .controller import CommandResult, PtzController
from .pad import JoystickPad, PtzPad
from .panel import PtzPanel
from .presets import PresetList, preset_numbers
from .settings import PtzSettings

__all__ = [
    "CommandResult",
    "JoystickPad",
    "PresetList",
    "PtzController",
    "PtzPad",
    "PtzPanel",
    "PtzSettings",
    "preset_numbers",
]
