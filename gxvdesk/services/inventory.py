"""The technician's camera list, remembered between runs (never with a password in it)."""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from pathlib import Path

from ..protocol.address import CameraAddress
from . import paths

log = logging.getLogger(__name__)


class State(StrEnum):
    """What a technician needs to know about a camera at a glance."""

    UNKNOWN = "not checked"
    CHECKING = "checking…"
    ONLINE = "online"
    AUTH = "wrong user name or password"
    UNREACHABLE = "unreachable"
    NEEDS_REBOOT = "needs reboot"
    REBOOTING = "rebooting"
    MOVED = "moved"


@dataclass
class CameraEntry:
    """One camera in the inventory. Saved fields are listed in :data:`SAVED_FIELDS`."""

    url: str
    name: str = ""
    model: str = ""
    mac: str = ""
    firmware: str = ""
    user: str = "admin"
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    state: State = State.UNKNOWN
    detail: str = ""

    @property
    def address(self) -> CameraAddress:
        return CameraAddress.parse(self.url)

    @property
    def hostport(self) -> str:
        return self.address.hostport

    @property
    def credential_key(self) -> str:
        """Credentials follow the camera by MAC when known, so an IP change keeps them."""
        return f"mac:{self.mac}" if self.mac else self.hostport

    @property
    def display_name(self) -> str:
        return self.name or self.address.host


SAVED_FIELDS = ("id", "url", "name", "model", "mac", "firmware", "user")


def inventory_file() -> Path:
    return paths.config_dir() / "inventory.json"


def normalise_url(text: str) -> str:
    """A typed address (``192.168.1.9``, ``http://cam:8080``) as a base URL, credentials dropped."""
    return CameraAddress.parse(text).base_url


def load(path: Path | None = None) -> list[CameraEntry]:
    path = path or inventory_file()
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        log.warning("inventory %s unreadable (%s); starting empty", path, exc)
        return []
    known = {f.name for f in fields(CameraEntry)}
    entries = []
    for item in raw.get("cameras", []) if isinstance(raw, dict) else []:
        try:
            data = {k: str(v) for k, v in item.items() if k in known and k in SAVED_FIELDS}
            entries.append(CameraEntry(**data))  # type: ignore[arg-type]  # saved fields are str
        except (TypeError, ValueError) as exc:
            log.warning("inventory entry skipped: %s", exc)
    return entries


def save(entries: list[CameraEntry], path: Path | None = None) -> None:
    path = path or inventory_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": "gxvdesk-inventory",
        "cameras": [{k: v for k, v in asdict(e).items() if k in SAVED_FIELDS} for e in entries],
    }
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1) + "\n", "utf-8")
    tmp.replace(path)
