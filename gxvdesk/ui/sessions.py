"""One live connection per inventory entry, with its credentials and what was last applied."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ..protocol.client import Camera
from ..protocol.errors import AuthenticationError, CameraError, ConnectionFailedError
from ..services.credentials import Credentials, CredentialStore
from ..services.inventory import CameraEntry, State
from ..services.settings import ModuleSettings
from . import tasks

log = logging.getLogger(__name__)


@dataclass
class Session:
    """A camera entry's client, and the module values kept for "Undo last apply"."""

    entry: CameraEntry
    camera: Camera
    undo: tuple[str, ModuleSettings] | None = None
    pending_network: dict[str, str] = field(default_factory=dict)


class Sessions:
    """Creates clients for entries with the stored credentials; checks who a camera is."""

    def __init__(self, store: CredentialStore, timeout: float = 5.0) -> None:
        self.store = store
        self.timeout = timeout
        self._sessions: dict[str, Session] = {}

    def credentials(self, entry: CameraEntry) -> Credentials | None:
        return self.store.get(entry.credential_key) or self.store.get(entry.hostport)

    def remember(self, entry: CameraEntry, credentials: Credentials) -> None:
        """Store credentials under the camera's MAC (when known) and its address."""
        entry.user = credentials.user
        self.store.set(entry.hostport, credentials)
        if entry.mac:
            self.store.set(entry.credential_key, credentials)
        self.drop(entry)

    def get(self, entry: CameraEntry) -> Session:
        session = self._sessions.get(entry.id)
        if session is None or session.camera.address.base_url != entry.url:
            creds = self.credentials(entry)
            camera = Camera(
                entry.url,
                user=creds.user if creds else entry.user,
                password=creds.password if creds else None,
                timeout=self.timeout,
            )
            session = Session(entry, camera, session.undo if session else None)
            self._sessions[entry.id] = session
        return session

    def drop(self, entry: CameraEntry) -> None:
        session = self._sessions.pop(entry.id, None)
        if session is not None:
            session.camera.close()

    def close_all(self) -> None:
        for session in self._sessions.values():
            session.camera.close()
        self._sessions.clear()

    async def check(self, entry: CameraEntry) -> None:
        """Ask the camera who it is; update the entry's identity and state (never raises)."""
        camera = self.get(entry).camera
        previous, entry.state = entry.state, State.CHECKING
        try:
            identity = await tasks.call(camera.identify, timeout=self.timeout * 2 + tasks.GRACE)
        except AuthenticationError:
            entry.state, entry.detail = State.AUTH, "wrong user name or password (HTTP 401)"
            return
        except ConnectionFailedError as exc:
            entry.state, entry.detail = State.UNREACHABLE, str(exc)
            return
        except CameraError as exc:
            entry.state, entry.detail = State.UNREACHABLE, str(exc)
            return
        entry.model, entry.firmware = identity.model, identity.firmware
        if identity.mac:
            entry.mac = identity.mac
        if not entry.name and identity.name:
            entry.name = identity.name
        entry.state = State.NEEDS_REBOOT if previous == State.NEEDS_REBOOT else State.ONLINE
        entry.detail = ""
