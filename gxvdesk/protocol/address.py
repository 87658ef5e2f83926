"""Camera addresses: ``[http[s]://][user[:password]@]host[:port]``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import unquote


class AddressError(ValueError):
    """A camera address that cannot be read."""


_ADDRESS = re.compile(
    r"^(?:(?P<scheme>https?)://)?"
    r"(?:(?P<user>[^:@/]*)(?::(?P<password>[^@/]*))?@)?"
    r"(?P<host>\[[0-9a-fA-F:.]+\]|[^:/@\s\[\]]+)"
    r"(?::(?P<port>\d{1,5}))?/?$"
)


@dataclass(frozen=True)
class CameraAddress:
    """Where a camera is and, optionally, who to log in as. The password never prints."""

    host: str
    port: int | None = None
    scheme: str = "http"
    user: str | None = None
    password: str | None = field(default=None, repr=False, compare=False)

    @classmethod
    def parse(cls, text: str) -> CameraAddress:
        """Read ``[http[s]://][user[:password]@]host[:port]``.

        >>> CameraAddress.parse("admin:pw@192.168.1.20:8080").base_url
        'http://192.168.1.20:8080'
        """
        match = _ADDRESS.match(text.strip())
        if not match:
            raise AddressError(
                f"'{_redact(text)}' is not a camera address; use [http[s]://][user[:password]@]host[:port]"
            )
        port = int(match["port"]) if match["port"] else None
        if port is not None and not 0 < port < 65536:
            raise AddressError(f"port {port} is out of range 1-65535")
        user = unquote(match["user"]) if match["user"] is not None else None
        password = unquote(match["password"]) if match["password"] is not None else None
        return cls(match["host"], port, match["scheme"] or "http", user or None, password)

    @property
    def default_port(self) -> int:
        return 443 if self.scheme == "https" else 80

    @property
    def effective_port(self) -> int:
        return self.port or self.default_port

    @property
    def base_url(self) -> str:
        """``http[s]://host[:port]``: no credentials, safe to show and log."""
        port = f":{self.port}" if self.port and self.port != self.default_port else ""
        return f"{self.scheme}://{self.host}{port}"

    @property
    def hostport(self) -> str:
        return f"{self.host}:{self.effective_port}"

    def with_credentials(self, user: str | None, password: str | None) -> CameraAddress:
        return replace(self, user=user, password=password)

    def __str__(self) -> str:
        return self.base_url


def _redact(text: str) -> str:
    """An address as typed, with any password replaced by ``***``."""
    return re.sub(r"(://|^)([^:@/]*):[^@/]*@", r"\1\2:***@", text.strip())
