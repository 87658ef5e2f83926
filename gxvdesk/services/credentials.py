"""Camera credentials: the OS keyring, or a clearly labelled fallback file when there is none.

Passwords never go into the inventory, backups, logs or exception texts. Where no keyring
backend works (a bare Linux box, CI), credentials go to ``credentials-fallback.json`` in the
user's config folder, readable by its owner only, and :attr:`CredentialStore.backend_label`
says so in plain words for the UI and the CLI.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import paths

log = logging.getLogger(__name__)

SERVICE = "gxvdesk"


@dataclass(frozen=True)
class Credentials:
    """A user name and password. ``repr`` never shows the password."""

    user: str
    password: str = field(repr=False)


def _keyring_usable() -> bool:
    if os.environ.get("GXVDESK_NO_KEYRING"):
        return False
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        return not isinstance(backend, fail.Keyring) and backend.priority > 0
    except Exception:  # any backend failure means: use the fallback
        return False


class CredentialStore:
    """Credentials per camera key (``host:port`` or MAC)."""

    def __init__(self, fallback_file: Path | None = None, use_keyring: bool | None = None) -> None:
        self.uses_keyring = _keyring_usable() if use_keyring is None else use_keyring
        self.fallback_file = fallback_file or paths.config_dir() / "credentials-fallback.json"

    @property
    def backend_label(self) -> str:
        if self.uses_keyring:
            return "Stored in the system keyring"
        return f"No system keyring: stored in {self.fallback_file} (readable only by you)"

    def get(self, key: str) -> Credentials | None:
        if self.uses_keyring:
            import keyring

            raw = keyring.get_password(SERVICE, key)
        else:
            raw = self._read_fallback().get(key)
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return Credentials(str(data["user"]), str(data["password"]))
        except (ValueError, KeyError, TypeError):
            log.warning("stored credentials for %s are unreadable; ignoring them", key)
            return None

    def set(self, key: str, credentials: Credentials) -> None:
        raw = json.dumps({"user": credentials.user, "password": credentials.password})
        if self.uses_keyring:
            import keyring

            keyring.set_password(SERVICE, key, raw)
            return
        data = self._read_fallback()
        data[key] = raw
        self._write_fallback(data)

    def delete(self, key: str) -> None:
        if self.uses_keyring:
            import keyring
            from keyring.errors import PasswordDeleteError

            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(SERVICE, key)
            return
        data = self._read_fallback()
        if data.pop(key, None) is not None:
            self._write_fallback(data)

    def _read_fallback(self) -> dict[str, str]:
        try:
            data = json.loads(self.fallback_file.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except ValueError:
            log.warning("credential fallback file is unreadable; starting empty")
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _write_fallback(self, data: dict[str, str]) -> None:
        self.fallback_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.fallback_file.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1)
        os.replace(tmp, self.fallback_file)
