"""The wire codec: request queries, result lines and GET bodies (see docs/protocol-notes.md).

>>> encode_query("set", [("osdtext", "Gate #2 & yard")])
'cmd=set&osdtext=Gate%20%232%20%26%20yard'
>>> parse_result(200, "Successful Need Reboot\\r\\n").needs_reboot
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

from ..registry.naming import name_key
from .errors import (
    AuthenticationError,
    BadRequestError,
    CameraBusyError,
    NoPrivilegeError,
    ParameterError,
    ProtocolError,
    RequestRefusedError,
)

_NAME_SAFE = "._-[]"
_VALUE_SAFE = "-._~"


def encode_query(verb: str, params: Iterable[tuple[str, str | None]] = ()) -> str:
    """``cmd=<verb>&name=value...`` with every value percent-encoded, order kept.

    A value of None sends the bare name (``cmd=get&md_statu``).
    """
    parts = [f"cmd={quote(verb, safe=_NAME_SAFE)}"]
    for name, value in params:
        encoded = quote(name, safe=_NAME_SAFE)
        parts.append(encoded if value is None else f"{encoded}={quote(value, safe=_VALUE_SAFE)}")
    return "&".join(parts)


# --- set/add/remove results -------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """A successful set/add/remove: ``Successful`` or ``Successful Need Reboot``."""

    needs_reboot: bool
    text: str = "Successful"

    def __str__(self) -> str:
        return "Successful (reboot required)" if self.needs_reboot else "Successful"


_PARAM_ANSWER = re.compile(r"^(?P<param>\S.*?)\s+(?P<reason>Invalid|Missing)$", re.IGNORECASE)


def http_error(status: int) -> Exception | None:
    """The error for an HTTP status other than 200 (None for 200)."""
    if status == 200:
        return None
    if status == 401:
        return AuthenticationError("wrong user name or password (HTTP 401)")
    if status == 403:
        return NoPrivilegeError("this user may not do that (HTTP 403); log in as an administrator")
    if status == 404:
        return BadRequestError(
            "the camera does not know this command or data (HTTP 404): "
            "the model may not have this feature"
        )
    if status == 400:
        return BadRequestError("the camera rejected the request as malformed (HTTP 400)")
    if status == 503:
        return CameraBusyError(
            "the camera is busy or could not carry out the command (HTTP 503); try again"
        )
    return ProtocolError(f"unexpected HTTP status {status} from the camera")


def _first_line(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            return line.strip()
    return ""


def refusal(line: str) -> RequestRefusedError | None:
    """The error a device answer line stands for, or None when it is not a refusal."""
    if line.lower() == "no privilege":
        return NoPrivilegeError(
            "this user is not allowed to change settings (No Privilege); log in as an administrator"
        )
    match = _PARAM_ANSWER.match(line)
    if match:
        param, reason = match["param"], match["reason"].capitalize()
        if reason == "Invalid":
            text = f"the camera refused {param}: value or name not accepted (Invalid)"
        else:
            text = f"the camera needs {param} to be sent with this change (Missing)"
        return ParameterError(text, param=param, reason=reason)
    return None


def parse_result(status: int, body: str) -> Outcome:
    """Decode the reply to a set/add/remove; raise a typed error for anything but success."""
    error = http_error(status)
    if error is not None:
        raise error
    line = _first_line(body)
    if line.lower() == "successful":
        return Outcome(False, line)
    if re.fullmatch(r"successful\s+need\s+reboot", line, re.IGNORECASE):
        return Outcome(True, line)
    refused = refusal(line)
    if refused is not None:
        raise refused
    shown = _printable(line)[:80] or "an empty reply"
    raise ProtocolError(f"the camera answered '{shown}' instead of Successful")


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)


# --- GET bodies ---------------------------------------------------------------------------


@dataclass
class ParsedBody:
    """A GET body as an ordered list of pairs, with what could not be read."""

    pairs: list[tuple[str, str]] = field(default_factory=list)
    malformed: list[tuple[int, str]] = field(default_factory=list)


def parse_pairs(body: str) -> ParsedBody:
    """Split a GET body into ``(name, value)`` pairs on the first ``=`` of each line.

    Tolerates CRLF/LF/CR mixes, blank lines and stray whitespace; a line without ``=`` or
    with an empty or unprintable name is kept in ``malformed`` (line number, text).
    """
    out = ParsedBody()
    for number, raw in enumerate(re.split(r"\r\n|\n|\r", body), start=1):
        line = raw.strip()
        if not line:
            continue
        name, sep, value = line.partition("=")
        name = name.strip()
        if not sep or not name or not name.isprintable() or " " in name:
            out.malformed.append((number, _printable(line)[:200]))
            continue
        out.pairs.append((name, value.strip()))
    return out


@dataclass(frozen=True)
class RecordLayout:
    """Where a record's items start (``key``) and which names belong to an item."""

    name: str
    key: str
    fields: frozenset[str]

    @classmethod
    def of(cls, name: str, key: str, fields: Iterable[str]) -> RecordLayout:
        return cls(name, name_key(key), frozenset(name_key(f) for f in fields))


@dataclass(frozen=True)
class Layout:
    """How to cut a GET body into channel blocks and records (see the registry module)."""

    channel_key: str | None = None
    records: tuple[RecordLayout, ...] = ()

    def record_starting_at(self, key: str) -> RecordLayout | None:
        for record in self.records:
            if record.key == key:
                return record
        return None


@dataclass
class Block:
    """The values of one channel (or of a single-channel device): flat values and records."""

    values: dict[str, str] = field(default_factory=dict)
    records: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def find(self, name: str) -> tuple[str, str] | None:
        """``(device spelling, value)`` of ``name`` in any spelling, or None."""
        wanted = name_key(name)
        for key, value in self.values.items():
            if name_key(key) == wanted:
                return key, value
        return None


@dataclass
class Reading:
    """A structured GET reply: blocks per channel (None: before any channel line)."""

    blocks: dict[int | None, Block] = field(default_factory=lambda: {None: Block()})
    pairs: list[tuple[str, str]] = field(default_factory=list)
    malformed: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    @property
    def channels(self) -> list[int]:
        return sorted(c for c in self.blocks if c is not None)

    def block(self, channel: int | None = None) -> Block:
        """The block of ``channel``; the common block when the reply has no channel lines."""
        if channel is not None and channel in self.blocks:
            return self.blocks[channel]
        if channel is None and len(self.blocks) > 1 and not self.blocks[None].values:
            return self.blocks[min(self.channels)]
        return self.blocks[None]

    def value(self, name: str, channel: int | None = None) -> str | None:
        """The value of ``name`` (any spelling) in ``channel``, falling back to the common block."""
        for block in (self.block(channel), self.blocks[None]):
            found = block.find(name)
            if found is not None:
                return found[1]
        return None

    def names(self) -> list[str]:
        """Every parameter name the device used, in its own spelling."""
        return [name for name, _ in self.pairs]


def structure(parsed: ParsedBody, layout: Layout = Layout()) -> Reading:
    """Cut parsed pairs into channel blocks and records as ``layout`` describes.

    A channel line starts a new block. A record's key line starts a new item; the names that
    follow belong to that item while they are its fields and not yet set in it. Any other
    name is a flat value of the current block (a repeated one is reported in ``duplicates``,
    the last value wins).
    """
    reading = Reading(pairs=list(parsed.pairs), malformed=list(parsed.malformed))
    channel_key = name_key(layout.channel_key) if layout.channel_key else None
    block = reading.blocks[None]
    item: dict[str, str] | None = None
    item_fields: frozenset[str] = frozenset()
    for name, value in parsed.pairs:
        key = name_key(name)
        if key == channel_key:
            if value.isdigit():
                block = reading.blocks.setdefault(int(value), Block())
                item = None
                continue
            reading.malformed.append((0, f"{name}={value}"))
            continue
        if item is not None and key in item_fields and all(name_key(k) != key for k in item):
            item[name] = value
            continue
        record = layout.record_starting_at(key)
        if record is not None:
            item = {name: value}
            item_fields = record.fields
            block.records.setdefault(record.name, []).append(item)
            continue
        item = None
        if block.find(name) is not None:
            reading.duplicates.append(name)
        block.values[name] = value
    return reading


def parse_get(status: int, body: str, layout: Layout = Layout()) -> Reading:
    """Decode a GET reply: HTTP errors and refusal lines raise, the rest is structured."""
    error = http_error(status)
    if error is not None:
        raise error
    parsed = parse_pairs(body)
    if not parsed.pairs and parsed.malformed:
        refused = refusal(_first_line(body))
        if refused is not None:
            raise refused
    return structure(parsed, layout)
