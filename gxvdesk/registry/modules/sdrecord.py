"""28. Record Settings (document p.59): ``/goform/sdrecord``, set/get."""

from ..spec import Module, Param
from ..types import Switch, WeekTable, choice, choices, switch

STATE = choice("Not recording", "Manual", "Automatic", "Alarm", "No storage device")

MODULE = Module(
    name="sdrecord",
    title="Recording",
    page=59,
    group="Video & audio",
    verbs=frozenset({"get", "set"}),
    channel_key="channel",
    params=(
        Param("state_record", STATE, "Recording state", read_only=True, confidence="H"),
        Param("enable_time_table", Switch(), "Recording schedule", confidence="H"),
        Param("record_time_table", WeekTable(), "Schedule hours",
              "One 0/1 per hour of the week; the first day is not stated."),
        Param("record_full_handle", choices({1: "Overwrite oldest", 2: "Stop recording"}),
              "When storage is full"),
        # The table prints "start record"; the example and remark use record_start.
        Param("record_start", switch("Stop", "Start"), "Manual recording",
              "Channel 0 only; fails while automatic or alarm recording runs.",
              spellings=("start_record",), backup=False),
    ),
)  # fmt: skip
