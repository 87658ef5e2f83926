"""19. System Settings (document p.47-48): ``/goform/device``, set/get.

The header also lists ``search``, but no search parameter or reply is given; it is taken as
copied from the Wi-Fi section before it and not offered.

Alarm state: an input is alarming when its status differs from its type (normally open and
closed, or normally closed and open); the same holds for the output.
"""

from ..spec import Module, Param
from ..types import Text, choices

CONTACT = choices({0: "Normally open", 1: "Normally closed"})
STATE = choices({0: "Open", 1: "Closed"})
OUTPUT_TIME = choices({
    0: "Until cleared by hand", 5: "5 s", 15: "15 s", 30: "30 s", 60: "60 s", 180: "180 s",
    300: "300 s", 600: "600 s", 900: "900 s", 1800: "1800 s",
})  # fmt: skip

MODULE = Module(
    name="device",
    title="Device & alarm contacts",
    page=47,
    group="System",
    verbs=frozenset({"get", "set"}),
    channel_key="channel",
    params=(
        Param("devicename", Text(), "Device name", confidence="H"),
        Param("alarmin.type", CONTACT, "Alarm input type"),
        Param("alarmout.type", CONTACT, "Alarm output type"),
        Param("alarmin.status", STATE, "Alarm input state", read_only=True),
        Param("alarmout.status", STATE, "Alarm output state",
              "Documented for reading; whether a set drives the relay is not.", read_only=True),
        Param("alarm_output_time", OUTPUT_TIME, "Alarm output duration", confidence="H"),
    ),
)  # fmt: skip
