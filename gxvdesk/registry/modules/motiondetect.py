"""13. Motion Detection (document p.37-40): ``/goform/motiondetect``, add/remove/set/get.

Regions are 16 slots per channel, corners packed X<<16|Y in a fixed 704x576 grid whatever
the stream resolution (see docs/protocol-notes.md, "Motion-detection grid"). 0/0 = no region.
"""

from ..spec import Module, Param, Record
from ..types import DaySet, IdList, IntRange, PackedPoint, Switch, TimeOfDay, choices, switch

#: The coordinate space of motion regions (forum guidance: fixed, whatever the resolution).
MD_GRID = (704, 576)
STORAGE = choices({0: "Do not save", 1: "SD card", 2: "USB flash drive", 3: "Disk"})
CORNER = PackedPoint(*MD_GRID)

REGIONS = Record(
    name="regions",
    label="Motion regions",
    key="md.regn.index",
    kind="slots",
    max_items=16,
    params=(
        Param("md.regn.index", IntRange(0, 15), "Region", "Motion-detection region 0-15."),
        Param("md.regn.leftup", CORNER, "Top-left corner",
              "X in the high 2 bytes, Y in the low 2 bytes; 0 with bottom-right 0 = no region."),
        Param("md.regn.rightdown", CORNER, "Bottom-right corner",
              "X in the high 2 bytes, Y in the low 2 bytes."),
        Param("md.regn.sensitivity", IntRange(0, 100), "Sensitivity", "Higher is more sensitive."),
    ),
)  # fmt: skip

SCHEDULES = Record(
    name="schedules",
    label="Motion schedules",
    key="md.regn.schedule.id",
    count="md.regn.schedule.count",
    parent="md.regn.index",
    kind="list",
    params=(
        Param("md.regn.schedule.id", IdList(), "Schedule ID",
              "Schedule 1..n; removing ID 0 deletes every schedule."),
        Param("md.regn.schedule.dayset", DaySet(), "Day", default=7),
        Param("md.regn.schedule.starttime", TimeOfDay(), "Start", default=0),
        Param("md.regn.schedule.endtime", TimeOfDay(), "End", default=86399),
    ),
)  # fmt: skip

MODULE = Module(
    name="motiondetect",
    title="Motion detection",
    page=37,
    group="Events",
    verbs=frozenset({"get", "set", "add", "remove"}),
    channel_key="md.channel.index",
    params=(
        Param("md.channel.count", IntRange(1, 4), "Channels with motion detection", read_only=True),
        Param("md.channel.index", IntRange(0, 3), "Channel", "0-3 on GXV3504, 0 on cameras."),
        Param("md.active.enable", Switch(), "Motion detection", confidence="C"),
        Param("md.regn.schedule.count", IntRange(0), "Schedules", read_only=True),
        Param("md.record.storage", STORAGE, "Record to", "Some models have no storage."),
        Param("md.record.pretime", IntRange(0, 160, "s"), "Pre-alarm recording",
              "Seconds before the alarm; the maximum falls with the bitrate (160/100/50/25 s).",
              spellings=("event.record.pretime",)),
        Param("md.record.aftertime", IntRange(0, 320, "s"), "Post-alarm recording",
              "Seconds after the alarm; the maximum falls with the bitrate (320/200/100/50 s)."),
        Param("md.record.uploadftp", Switch(), "Upload recording to FTP", confidence="C"),
        Param("md.sipphone.enable", Switch(), "Voice alarm to SIP phone", confidence="C"),
        Param("md.alarmout.enable", Switch(), "Alarm output"),
        Param("md.uploadcenter.enable", Switch(), "Notify alarm centre"),
        Param("md.snapshot.enable", Switch(), "E-mail / store snapshot", confidence="C"),
        Param("md_upload_to_alarm_server", Switch(), "Upload to HTTP alarm server", confidence="L"),
        Param("md_snapshot_prenum", IntRange(1, 5), "Snapshots before alarm", confidence="L"),
        Param("md_snapshot_endnum", IntRange(1, 5), "Snapshots after alarm", confidence="L"),
        Param("md_retrigger_interval", IntRange(1, 60, "s"), "Re-trigger interval", default=1,
              confidence="H"),
        Param("md_trigger_interval", IntRange(0, 5, "s"), "Minimum motion interval",
              "0 = automatic.", default=0, confidence="H"),
        Param("md_alarm_statu", switch("No alarm", "Alarming"), "Motion alarm state",
              "Asked with cmd=get&md_statu (see docs/protocol-notes.md).", read_only=True,
              spellings=("md_statu",), confidence="L"),
    ),
    records=(REGIONS, SCHEDULES),
)  # fmt: skip
