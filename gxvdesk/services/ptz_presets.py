"""Local names of PTZ presets, per camera and channel, in a JSON file under the data folder.

Cameras do not store preset titles over this API, so the names a technician gives live here.
A camera is keyed by its MAC when known, else by its URL without credentials; no password
ever reaches the file::

    {"version": 1, "cameras": {"00:0B:82:12:34:56": {"1": {"5": {"name": "Gate", "saved": true}}}}}
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .paths import data_dir

log = logging.getLogger(__name__)

FILE_NAME = "ptz-presets.json"
VERSION = 1
MAX_NAME = 64


def camera_key(mac: str | None = None, url: str | None = None) -> str:
    """The key of a camera: its MAC (upper case) or, failing that, its URL without secrets.

    >>> camera_key(url="http://admin:pw@192.0.2.5:8080/")
    'http://192.0.2.5:8080'
    """
    if mac and mac.strip():
        return mac.strip().upper().replace("-", ":")
    if not url:
        raise ValueError("a camera needs a MAC or a URL to keep preset names")
    parts = urlsplit(url if "://" in url else f"http://{url}")
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


class PresetNames:
    """Preset names and "saved here" marks of every camera, read once and written on change."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / FILE_NAME
        self._lock = threading.Lock()
        self._data: dict[str, dict[str, dict[str, dict[str, Any]]]] = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("preset names in %s cannot be read (%s); starting empty", self.path, exc)
            return {}
        cameras = raw.get("cameras") if isinstance(raw, dict) else None
        if not isinstance(cameras, dict):
            return {}
        out: dict[str, Any] = {}
        for key, channels in cameras.items():
            if not isinstance(channels, dict):
                continue
            for channel, presets in channels.items():
                if not isinstance(presets, dict):
                    continue
                for number, entry in presets.items():
                    if isinstance(entry, dict) and str(number).isdigit():
                        name = str(entry.get("name", ""))[:MAX_NAME]
                        clean = {"name": name, "saved": bool(entry.get("saved", False))}
                        out.setdefault(str(key), {}).setdefault(str(channel), {})[
                            str(int(number))
                        ] = clean
        return out

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"version": VERSION, "cameras": self._data}, indent=1, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=".ptz-presets-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _entry(self, key: str, channel: int, number: int) -> dict[str, Any]:
        return self._data.get(key, {}).get(str(channel), {}).get(str(number), {})

    def name(self, key: str, channel: int, number: int) -> str:
        with self._lock:
            return str(self._entry(key, channel, number).get("name", ""))

    def saved(self, key: str, channel: int, number: int) -> bool:
        """Whether this tool saved the preset on the camera (and it was not cleared since)."""
        with self._lock:
            return bool(self._entry(key, channel, number).get("saved", False))

    def names(self, key: str, channel: int) -> dict[int, str]:
        """``{number: name}`` of the named presets of a camera channel."""
        with self._lock:
            presets = self._data.get(key, {}).get(str(channel), {})
            return {int(n): e["name"] for n, e in presets.items() if e.get("name")}

    def set_name(self, key: str, channel: int, number: int, name: str) -> None:
        self._update(key, channel, number, name=" ".join(name.split())[:MAX_NAME])

    def set_saved(self, key: str, channel: int, number: int, saved: bool) -> None:
        self._update(key, channel, number, saved=saved)

    def _update(self, key: str, channel: int, number: int, **changes: Any) -> None:
        with self._lock:
            presets = self._data.setdefault(key, {}).setdefault(str(channel), {})
            entry = {"name": "", "saved": False, **presets.get(str(number), {}), **changes}
            if entry == presets.get(str(number)):
                return
            if entry["name"] or entry["saved"]:
                presets[str(number)] = entry
            else:
                presets.pop(str(number), None)
            self._write()
