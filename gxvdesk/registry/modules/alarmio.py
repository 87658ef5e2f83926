"""12. Alarm Event (document p.33-36): ``/goform/alarmio``, set/get/add/remove.

Each alarm input (``alarmin.index`` 0-3) carries its own event actions. Schedules are a list:
``cmd=add&alarmin.index=0`` adds an every-day schedule, with dayset/starttime/endtime a
specific one; ``cmd=remove&alarmin.schedule.id=<id>``.
"""

from ..spec import Module, Param, Record
from ..types import DaySet, IdList, IntRange, Switch, TimeOfDay, Trigger, choices

STORAGE = choices({0: "Do not save", 1: "SD card", 2: "USB flash drive", 3: "Disk"})

INPUTS = Record(
    name="inputs",
    label="Alarm inputs",
    key="alarmin.index",
    kind="slots",
    max_items=4,
    params=(
        Param("alarmin.index", IntRange(0, 3), "Alarm input", "0-3 on GXV3504, 0 on cameras."),
        Param("event.record.pretime", IntRange(0, 160, "s"), "Pre-alarm recording",
              "Seconds before the alarm; the maximum falls with the bitrate (160/100/50/25 s)."),
        Param("event.record.aftertime", IntRange(0, 320, "s"), "Post-alarm recording",
              "Seconds after the alarm; the maximum falls with the bitrate (320/200/100/50 s)."),
        Param("event.record.storage", STORAGE, "Record to", "Some models have no storage."),
        Param("event.record.uploadftp", Switch(), "Upload recording to FTP"),
        Param("event.sipphone.enable", Switch(), "Voice alarm to SIP phone"),
        Param("event.alarmout.enable", Switch(), "Alarm output",
              "Alarm input n drives alarm output n."),
        Param("event.uploadcenter.enable", Switch(), "Notify alarm centre",
              "Needed for the PC alarm centre to receive events."),
        Param("event.shotemail.enable", Switch(), "E-mail / store snapshot",
              "Needs e-mail and a storage device set up."),
        Param("event_upload_to_alarm_server", Switch(), "Upload to HTTP alarm server",
              confidence="H"),
        Param("event_snapshot_prenum", IntRange(1, 5), "Snapshots before alarm", confidence="H"),
        Param("event_snapshot_endnum", IntRange(1, 5), "Snapshots after alarm", confidence="H"),
    ),
)  # fmt: skip

SCHEDULES = Record(
    name="schedules",
    label="Alarm schedules",
    key="alarmin.schedule.id",
    count="alarmin.schedule.count",
    parent="alarmin.index",
    kind="list",
    params=(
        Param("alarmin.schedule.id", IdList(), "Schedule ID",
              "Schedule 1..n; the key for remove (several IDs comma separated)."),
        Param("alarmin.schedule.dayset", DaySet(), "Day", default=7),
        Param("alarmin.schedule.starttime", TimeOfDay(), "Start", default=0),
        Param("alarmin.schedule.endtime", TimeOfDay(), "End", default=86399),
    ),
)  # fmt: skip

MODULE = Module(
    name="alarmio",
    title="Alarm input events",
    page=33,
    group="Events",
    verbs=frozenset({"get", "set", "add", "remove"}),
    params=(
        Param("alarmin.count", choices({0: "None", 1: "1", 4: "4"}), "Alarm inputs",
              "1 on IP cameras, 4 on GXV3504.", read_only=True),
        Param("alarmin.schedule.count", IntRange(0), "Schedules", read_only=True),
        Param("alarmout.stop", Trigger("yes"), "Stop alarm output"),
    ),
    records=(INPUTS, SCHEDULES),
)  # fmt: skip
