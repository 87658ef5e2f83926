"""HTTP Basic authentication against the camera's user list (usermanage)."""

from __future__ import annotations

import base64
import binascii

from gxvdesk.registry.naming import name_key

from .state import CameraState

ADMIN, USER, ANONYMOUS = 0, 1, 2
REALM = 'Basic realm="GXV"'


def credentials(header: str | None) -> tuple[str, str] | None:
    """User name and password from an ``Authorization: Basic`` header, or None."""
    if not header or header[:6].lower() != "basic ":
        return None
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


def _users(state: CameraState) -> list[tuple[str, str, int]]:
    """(name, password, level) of every user; the camera's first user when there is no list."""
    ident = state.identity
    fallback = [(ident.user, ident.password, ADMIN)]
    ms = state.modules.get("usermanage")
    if ms is None:
        return fallback
    for record in ms.list_records():
        names = {p.key: p.name for p in ms.record_params[record.name]}
        if not {"username", "userpassword", "userlevel"} <= names.keys():
            continue
        with state.lock:
            items = list(ms.blocks[0].lists[record.name])
        out = []
        for item in items:
            level = item.get(names["userlevel"], "2")
            out.append((item.get(names["username"], ""), item.get(names["userpassword"], ""),
                        int(level) if level.isdigit() else ANONYMOUS))  # fmt: skip
        return out
    return fallback


def level_of(state: CameraState, user: str, password: str) -> int | None:
    """The privilege level of a user name and password, or None if they are wrong."""
    for name, secret, level in _users(state):
        if name == user and secret == password:
            return level
    return None


def anonymous_enabled(state: CameraState) -> bool:
    """Whether ``anonymous.enable=1``: snapshots and streams without credentials."""
    ms = state.modules.get("usermanage")
    if ms is None:
        return False
    for p in ms.stored_params():
        if p.key == name_key("anonymous.enable"):
            return ms.blocks[0].values.get(p.name) == "1"
    return False
