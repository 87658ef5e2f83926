"""Module-specific behaviour the document describes, keyed by module name.

Everything else the simulator does comes from the registry; this file holds only what a
module's page says beyond its parameter table. Names are registry names compared by
``name_key``, so a rule for a parameter a model lacks is simply never used.
"""

from __future__ import annotations

import re
import time
from typing import Protocol

from gxvdesk.registry.naming import name_key

#: Parameters a set must carry ("updatemode must be sent with every set").
REQUIRED_ON_SET: dict[str, tuple[str, ...]] = {
    "date_time": ("updatemode",),
}

#: Parameters that go together: a set carrying one of them must carry all (ptz command).
REQUIRED_TOGETHER: dict[str, tuple[str, ...]] = {
    "ptz": ("ptzcontrol", "ptzparam"),
}

#: Modules that can set only some of their parameters ("cmd set can only be used by devicename").
SETTABLE_ONLY: dict[str, frozenset[str]] = {
    "systeminfo": frozenset({"devicename"}),
}

#: Parameters that must be set together; an omitted one becomes 0 (videocontrol page).
SET_TOGETHER: dict[str, tuple[str, ...]] = {
    "videocontrol": ("brightness", "contrast", "saturation"),
}

#: Fields an added list item must carry, and fields whose value must be unique.
REQUIRED_ON_ADD: dict[str, tuple[str, ...]] = {"usermanage": ("user.name",)}
UNIQUE_ON_ADD: dict[str, tuple[str, ...]] = {"usermanage": ("user.name",)}

#: Modules whose add answers "Successful Need Reboot" (sip phonebook add).
ADD_NEEDS_REBOOT = frozenset({"sip"})

#: The same value shown by two modules; a set of either changes both.
LINKED: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    (("systeminfo", "devicename"), ("device", "devicename")),
)

#: Slots a model really has, where fewer than the record allows (one alarm input per input).
SLOT_COUNT: dict[tuple[str, str], str] = {("alarmio", "inputs"): "channels"}

#: Fake networks returned by a wireless search: name and signal strength.
SEARCH_RESULTS = (("labtest", 31), ("GXV-Office", 62), ("guest-net", 18))


#: Addresses the smtp page checks once e-mail is on ("When enablesmtp=1, the Email address
#: format will be checked").
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
CHECKED_ADDRESSES: dict[str, tuple[str, tuple[str, ...]]] = {
    "smtp": ("enablesmtp", ("emailfrom", "emailto1", "emailto2", "emailto3")),
}


def refused_value(module: str, values: dict[str, str]) -> str | None:
    """The first value the device's own checks refuse, given the values after a set."""
    switch, names = CHECKED_ADDRESSES.get(module, ("", ()))
    if not switch or values.get(switch) != "1":
        return None
    for name in names:
        value = values.get(name, "")
        if value and not _EMAIL.fullmatch(value):
            return name
    return None


def required_on_set(module: str, present: set[str]) -> tuple[str, ...]:
    """Names a set must carry, given the keys (``name_key``) it does carry."""
    together = REQUIRED_TOGETHER.get(module, ())
    needed = together if any(name_key(n) in present for n in together) else ()
    return REQUIRED_ON_SET.get(module, ()) + needed


def slot_count(module: str, record: str, channels: int) -> int | None:
    """How many slots of a "slots" record a model has, or None for the registry's number."""
    return channels if SLOT_COUNT.get((module, record)) == "channels" else None


def settable(module: str, name: str) -> bool:
    """Whether ``name`` may be set in ``module`` beyond its own read-only flag."""
    only = SETTABLE_ONLY.get(module)
    return only is None or name_key(name) in {name_key(n) for n in only}


def set_together(module: str) -> tuple[str, ...]:
    return SET_TOGETHER.get(module, ())


def linked(module: str, name: str) -> list[tuple[str, str]]:
    """Other (module, name) places that show the same value as ``module``/``name``."""
    key = (module, name_key(name))
    out: list[tuple[str, str]] = []
    for pair in LINKED:
        keys = [(m, name_key(n)) for m, n in pair]
        if key in keys:
            out += [p for p, k in zip(pair, keys, strict=True) if k != key]
    return out


class CameraLike(Protocol):
    """What the side-effect rules need from a camera."""

    host: str
    started_at: float

    def motion_active(self, channel: int = 0) -> bool: ...

    def ptz_command(self, channel: int, control: int, param: int) -> None: ...

    def schedule_reboot(self, restore: bool = False) -> None: ...


def live_value(camera: CameraLike, module: str, name: str, stored: dict[str, str],
               channel: int) -> str | None:  # fmt: skip
    """A value computed when read (uptime, motion alarm, clock), or None to use the stored one."""
    key = name_key(name)
    if module == "systeminfo" and key == "systemrun":
        return str(int(time.monotonic() - camera.started_at))
    if module == "systeminfo" and key == "ipaddress":
        return camera.host
    if module == "motiondetect" and key == "mdalarmstatu":
        return "1" if camera.motion_active(channel) else "0"
    if module == "date_time" and stored.get("updatemode", "1") == "1":
        now = time.localtime()
        fields = {"year": now.tm_year, "month": now.tm_mon, "day": now.tm_mday,
                  "hour": now.tm_hour, "minute": now.tm_min, "second": now.tm_sec}  # fmt: skip
        if key in fields:
            return str(fields[key])
    return None


def after_set(camera: CameraLike, module: str, channel: int, changed: dict[str, str]) -> None:
    """Side effects of a successful set: reboot, factory reset, PTZ moves."""
    keys = {name_key(n): v for n, v in changed.items()}
    if module == "maintenance":
        if keys.get("restore") == "yes":
            camera.schedule_reboot(restore=True)
        elif keys.get("restart") == "yes":
            camera.schedule_reboot()
    if module == "ptz" and "ptzcontrol" in keys:
        camera.ptz_command(channel, int(keys["ptzcontrol"]), int(keys.get("ptzparam") or 0))
