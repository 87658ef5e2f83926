"""Starting values of a simulated camera: registry defaults, identity and plausible guesses.

Overrides are keyed by ``(module, name_key)`` so that they do not depend on spelling; one
that names a module or parameter the registry lacks is simply never used.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gxvdesk.registry import InvalidValueError, Param
from gxvdesk.registry.models import Model
from gxvdesk.registry.naming import name_key
from gxvdesk.registry.types import (
    Choice,
    IntRange,
    IPv4,
    PackedPoint,
    ParamType,
    PrivacyMask,
    Resolution,
    WeekTable,
)

FIRMWARE = "1.0.4.12"


@dataclass(frozen=True)
class Identity:
    """Who a simulated camera is: model, index (MAC and name), address and first user."""

    model: Model
    index: int
    host: str
    port: int
    user: str
    password: str = field(repr=False)

    @property
    def mac(self) -> str:
        """``000B82`` (Grandstream's OUI) plus a serial derived from the index."""
        return f"000B82{self.index + 1:06X}"

    @property
    def devicename(self) -> str:
        return f"Camera {self.index + 1}"


Getter = Callable[[Identity], Any]

#: Values that say who the camera is; they win over registry defaults.
IDENTITY: dict[tuple[str, str], Getter] = {
    ("systeminfo", "productmode"): lambda i: i.model.name,
    ("systeminfo", "hardwareversion"): lambda i: "V0.2B",
    ("systeminfo", "partnumber"): lambda i: "9670000302B",
    ("systeminfo", "bootloaderversion"): lambda i: "1.0.2.5",
    ("systeminfo", "coreversion"): lambda i: FIRMWARE,
    ("systeminfo", "baseversion"): lambda i: FIRMWARE,
    ("systeminfo", "firmwareversion"): lambda i: FIRMWARE,
    ("systeminfo", "cameratype"): lambda i: f"Grandstream {i.model.name}",
    ("systeminfo", "mac"): lambda i: i.mac,
    ("systeminfo", "devicename"): lambda i: i.devicename,
    ("systeminfo", "wifistate"): lambda i: int(i.model.wifi),
    ("systeminfo", "ipaddress"): lambda i: i.host,
    ("systeminfo", "subnetmask"): lambda i: "255.0.0.0",
    ("systeminfo", "defaultgateway"): lambda i: "127.0.0.1",
    ("systeminfo", "ircutstatu"): lambda i: 1,
    ("device", "devicename"): lambda i: i.devicename,
    ("network", "httpport"): lambda i: i.port or 80,
    ("network", "ipaddress"): lambda i: i.host,
    ("network", "subnetmask"): lambda i: "255.0.0.0",
    ("network", "defaultgateway"): lambda i: "127.0.0.1",
    ("network", "enabledhcp"): lambda i: 0,
    ("network", "dnsserver.primary"): lambda i: "127.0.0.53",
    ("motiondetect", "md.channel.count"): lambda i: i.model.channels,
    ("alarmio", "alarmin.count"): lambda i: i.model.channels,
    ("wireless", "wifiexist"): lambda i: int(i.model.wifi),
    ("date_time", "year"): lambda i: time.localtime().tm_year,
    ("date_time", "month"): lambda i: time.localtime().tm_mon,
    ("date_time", "day"): lambda i: time.localtime().tm_mday,
}


def _primary_resolution(i: Identity) -> tuple[int, int]:
    return i.model.max_resolution


#: Plausible values where the registry gives no default (used after param.default).
PLAUSIBLE: dict[tuple[str, str], Getter] = {
    ("audio_video", "video.primary.resolution"): _primary_resolution,
    ("audio_video", "video.secondary.resolution"): lambda i: (640, 360),
    ("audio_video", "video.primary.framerate"): lambda i: 25,
    ("audio_video", "video.secondary.framerate"): lambda i: 15,
    ("audio_video", "video.primary.bitrate"): lambda i: 2048,
    ("audio_video", "video.secondary.bitrate"): lambda i: 512,
    ("audio_video", "video.primary.iframe"): lambda i: 50,
    ("audio_video", "video.secondary.iframe"): lambda i: 30,
    ("audio_video", "video.primary.imagequality"): lambda i: 3,
    ("audio_video", "video.secondary.imagequality"): lambda i: 3,
    ("audio_video", "audio.microphone.volume"): lambda i: 3,
    ("audio_video", "audio.speaker.volume"): lambda i: 3,
    ("motiondetect", "md.regn.sensitivity"): lambda i: 50,
    ("osd", "osdtimeshow"): lambda i: 1,
    ("osd", "osdtext"): lambda i: i.devicename,
    ("videocontrol", "brightness"): lambda i: 30,
    ("videocontrol", "contrast"): lambda i: 4,
    ("videocontrol", "saturation"): lambda i: 32,
    ("sip", "localsipport"): lambda i: 5060,
    ("sip", "localrtpport"): lambda i: 5004,
    ("sip", "regexpiration"): lambda i: 3600,
    ("smtp", "smtpserverport"): lambda i: 25,
    ("ftp", "ftpserverport"): lambda i: 21,
    ("date_time", "timezone"): lambda i: 16,
    ("date_time", "ntpserver"): lambda i: "pool.ntp.org",
    ("date_time", "hour"): lambda i: 12,
    ("storage", "storage.capacity"): lambda i: "7580",
    ("storage", "storage.usedspace"): lambda i: "1204",
    ("storage", "storage.freespace"): lambda i: "6376",
}


_IDENTITY = {(m, name_key(n)): g for (m, n), g in IDENTITY.items()}
_PLAUSIBLE = {(m, name_key(n)): g for (m, n), g in PLAUSIBLE.items()}


def _guesses(t: ParamType) -> list[Any]:
    """Values that usually pass a type when nothing better is known."""
    if isinstance(t, Resolution) and t.options:
        return [t.options[-1][0]]
    if isinstance(t, Choice) and t.options:
        return [t.options[0][0]]
    if isinstance(t, IntRange):
        return [t.low]
    if isinstance(t, IPv4):
        return ["0.0.0.0", ""]
    if isinstance(t, PackedPoint):
        return ["0"]
    if isinstance(t, WeekTable):
        return ["1" * 168]
    if isinstance(t, PrivacyMask):
        return [""]
    return ["", "0", "1", "yes"]


def canonical(t: ParamType, value: Any) -> str:
    """Wire text of ``value`` after a parse/format round trip (raises InvalidValueError)."""
    return t.format(t.parse(value))


def _fit_resolution(t: ParamType, size: tuple[int, int]) -> Any:
    """The largest option of a resolution type that fits inside ``size``."""
    if not isinstance(t, Resolution):
        return None
    w, h = size
    fitting = [v for v, _ in t.options if (v >> 16) <= w and (v & 0xFFFF) <= h]
    return max(fitting, key=lambda v: (v >> 16) * (v & 0xFFFF), default=None)


def default_value(module: str, param: Param, identity: Identity) -> str:
    """The starting wire value of ``param`` on this camera."""
    t = param.type_for(identity.model.name)
    key = (module, name_key(param.name))
    candidates: list[Any] = []
    ident = _IDENTITY.get(key)
    if ident is not None:
        candidates.append(ident(identity))
    candidates.append(param.default)
    plausible = _PLAUSIBLE.get(key)
    if plausible is not None:
        value = plausible(identity)
        candidates.append(_fit_resolution(t, value) if isinstance(value, tuple) else value)
    candidates += _guesses(t)
    for value in candidates:
        if value is None:
            continue
        try:
            return canonical(t, value)
        except (InvalidValueError, ValueError, TypeError):
            continue
    return ""


#: Items list records start with, by module: name keys of fields -> value (identity aware).
INITIAL_ITEMS: dict[str, Callable[[Identity], list[dict[str, str]]]] = {
    "usermanage": lambda i: [{"username": i.user, "userpassword": i.password, "userlevel": "0"}],
    "storage": lambda i: [
        {"filename": f"/sd/{i.host}_0_20240101_120000.jpg", "filesize": "0.2"},
        {"filename": "/sd/0_1_20240101_120005_30_1.avi", "filesize": "12.5"},
    ],
}


def initial_items(module: str, fields: dict[str, str], identity: Identity) -> list[dict[str, str]]:
    """Items a list record starts with; ``fields`` maps its name keys to registry names.

    The user list starts with the camera's first user, an administrator; storage with two
    files. A start item naming a field the record lacks is not used.
    """
    make = INITIAL_ITEMS.get(module)
    if make is None:
        return []
    out = []
    for start in make(identity):
        if start.keys() <= fields.keys():
            out.append({fields[k]: v for k, v in start.items()})
    return out
