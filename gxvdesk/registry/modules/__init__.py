"""One file per module of the document, in the document's order."""

from importlib import import_module

from ..spec import Module

#: Module file names in the document's order (section numbers 1-29).
MODULE_NAMES = (
    "audio_video",
    "osd",
    "network",
    "ddns",
    "sip",
    "date_time",
    "systeminfo",
    "usermanage",
    "smtp",
    "ftp",
    "ptz",
    "alarmio",
    "motiondetect",
    "systemlog",
    "storage",
    "maintenance",
    "videocontrol",
    "wireless",
    "device",
    "pppoe",
    "snapshot",
    "language",
    "decode",
    "stream",
    "cmos",
    "fourdone",
    "event_server",
    "sdrecord",
    "periodic_snapshot",
)

ALL_MODULES: tuple[Module, ...] = tuple(
    import_module(f"{__name__}.{name}").MODULE for name in MODULE_NAMES
)
