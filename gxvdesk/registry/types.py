"""Parameter types: each one owns the wire format, validation and editor of its values.

Every type converts between the device's wire text and a Python value:

>>> IntRange(0, 100).parse("42")
42
>>> PackedPoint().format(Point(490, 5))
'32112645'

``parse`` accepts the wire text and the friendlier forms a technician may type (enum
labels, ``490,5`` for points) and raises :class:`InvalidValueError` with a sentence that
says what is allowed. ``format`` gives the wire text. ``describe`` says in words what the
type allows. ``editor`` names the kind of widget the desktop app builds for it.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple


class InvalidValueError(ValueError):
    """A value that its parameter type does not allow; the message says what is allowed."""


class Point(NamedTuple):
    """A point in a device coordinate space (motion regions, privacy masks)."""

    x: int
    y: int


@dataclass(frozen=True)
class ParamType:
    """Base of all parameter types."""

    editor: ClassVar[str] = "text"

    def parse(self, text: Any) -> Any:
        """Turn wire text (or a typed value) into a checked Python value."""
        raise NotImplementedError

    def format(self, value: Any) -> str:
        """Turn a checked Python value into wire text."""
        return str(value)

    def describe(self) -> str:
        """Say in words what this type allows."""
        raise NotImplementedError

    def label(self, value: Any) -> str:
        """A technician's reading of a value (enum label, ``1920x1080``...)."""
        return self.format(value)

    def normalise(self, text: Any) -> str:
        """Wire text after a parse/format round trip (raises on invalid input)."""
        return self.format(self.parse(text))

    def display(self, wire: str) -> str:
        """Label of a value read from a device; never raises (unknown values are named)."""
        try:
            return self.label(self.parse(wire))
        except InvalidValueError:
            return f"unknown ({wire})"


def _as_int(text: Any, what: str) -> int:
    if isinstance(text, bool):
        return int(text)
    if isinstance(text, int):
        return text
    s = str(text).strip()
    try:
        return int(s, 0) if s.lower().startswith("0x") else int(s)
    except ValueError:
        raise InvalidValueError(f"'{text}' is not a whole number; {what}") from None


@dataclass(frozen=True)
class IntRange(ParamType):
    """A whole number between ``low`` and ``high`` inclusive (``high`` None: no upper bound)."""

    low: int = 0
    high: int | None = None
    unit: str = ""
    editor: ClassVar[str] = "spin"

    def parse(self, text: Any) -> int:
        value = _as_int(text, f"must be {self.describe()}")
        if value < self.low or (self.high is not None and value > self.high):
            raise InvalidValueError(f"{value} is out of range; must be {self.describe()}")
        return value

    def describe(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        if self.high is None:
            return f"a whole number of at least {self.low}{unit}"
        return f"a whole number from {self.low} to {self.high}{unit}"


@dataclass(frozen=True)
class TimeOfDay(IntRange):
    """Seconds since midnight, 0..86399; typed as ``HH:MM[:SS]`` or seconds."""

    low: int = 0
    high: int | None = 86399
    unit: str = "s"
    editor: ClassVar[str] = "time"

    def parse(self, text: Any) -> int:
        if isinstance(text, str) and ":" in text:
            parts = text.strip().split(":")
            if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts):
                raise InvalidValueError(f"'{text}' is not a time; use HH:MM or HH:MM:SS")
            h, m, s = (int(p) for p in (*parts, "0")[:3])
            if h > 23 or m > 59 or s > 59:
                raise InvalidValueError(f"'{text}' is not a time of day (00:00:00 to 23:59:59)")
            return h * 3600 + m * 60 + s
        return super().parse(text)

    def label(self, value: Any) -> str:
        v = int(value)
        return f"{v // 3600:02d}:{v % 3600 // 60:02d}:{v % 60:02d}"

    def describe(self) -> str:
        return "a time of day: seconds 0 to 86399, or HH:MM[:SS]"


@dataclass(frozen=True)
class Choice(ParamType):
    """One of a fixed set of whole numbers, each with a label (``0 = off``)."""

    options: tuple[tuple[int, str], ...] = ()
    unit: str = ""
    editor: ClassVar[str] = "combo"

    def parse(self, text: Any) -> int:
        if isinstance(text, str) and not re.fullmatch(r"\s*-?(0x[0-9a-fA-F]+|\d+)\s*", text):
            wanted = text.strip().lower()
            for number, label in self.options:
                if label.lower() == wanted:
                    return number
            raise InvalidValueError(
                f"'{text}' is not one of the choices; must be {self.describe()}"
            )
        value = _as_int(text, f"must be {self.describe()}")
        if value not in self.values:
            raise InvalidValueError(f"{value} is not allowed; must be {self.describe()}")
        return value

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(number for number, _ in self.options)

    def label(self, value: Any) -> str:
        return dict(self.options).get(int(value), str(value))

    def describe(self) -> str:
        return "one of " + ", ".join(f"{n} ({label})" for n, label in self.options)


def choice(*labels: str, start: int = 0) -> Choice:
    """A :class:`Choice` numbered consecutively from ``start``."""
    return Choice(tuple(enumerate(labels, start)))


def choices(mapping: dict[int, str], unit: str = "") -> Choice:
    """A :class:`Choice` with explicit numbers."""
    return Choice(tuple(mapping.items()), unit)


@dataclass(frozen=True)
class Switch(Choice):
    """A 0/1 switch."""

    options: tuple[tuple[int, str], ...] = ((0, "Off"), (1, "On"))
    editor: ClassVar[str] = "switch"


def switch(off: str = "Off", on: str = "On") -> Switch:
    """A 0/1 switch with its own two labels."""
    return Switch(((0, off), (1, on)))


DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


@dataclass(frozen=True)
class DaySet(Choice):
    """Schedule day: 0 Sunday ... 6 Saturday, 7 every day."""

    options: tuple[tuple[int, str], ...] = (*enumerate(DAYS), (7, "Every day"))
    editor: ClassVar[str] = "dayset"


@dataclass(frozen=True)
class Text(ParamType):
    """Text of at most ``max_bytes`` UTF-8 bytes, optionally matching ``pattern``."""

    max_bytes: int | None = None
    pattern: str | None = None
    pattern_hint: str = ""
    min_bytes: int = 0
    editor: ClassVar[str] = "text"

    def parse(self, text: Any) -> str:
        s = str(text)
        size = len(s.encode("utf-8"))
        if self.max_bytes is not None and size > self.max_bytes:
            raise InvalidValueError(
                f"text is {size} bytes long; must be at most {self.max_bytes} bytes"
            )
        if size < self.min_bytes:
            raise InvalidValueError(f"text must be at least {self.min_bytes} bytes")
        if self.pattern and s and not re.fullmatch(self.pattern, s):
            raise InvalidValueError(f"'{s}' is not allowed; must be {self.describe()}")
        if any(ord(c) < 32 for c in s):
            raise InvalidValueError("text must not contain control characters or line breaks")
        return s

    def describe(self) -> str:
        parts = [self.pattern_hint or "text"]
        if self.max_bytes is not None:
            parts.append(f"up to {self.max_bytes} bytes")
        return ", ".join(parts)


@dataclass(frozen=True)
class Secret(Text):
    """A write-only secret: the device never returns it; never logged or backed up."""

    editor: ClassVar[str] = "password"

    def label(self, value: Any) -> str:
        return "••••••" if value else ""


@dataclass(frozen=True)
class IPv4(ParamType):
    """A dotted-quad IPv4 address."""

    allow_empty: bool = False
    editor: ClassVar[str] = "ipv4"

    def parse(self, text: Any) -> str:
        s = str(text).strip()
        if not s and self.allow_empty:
            return ""
        try:
            return str(ipaddress.IPv4Address(s))
        except ValueError:
            raise InvalidValueError(f"'{s}' is not an IPv4 address like 192.168.1.10") from None

    def describe(self) -> str:
        return "an IPv4 address like 192.168.1.10"


@dataclass(frozen=True)
class PackedPoint(ParamType):
    """A point packed as X in the high 2 bytes and Y in the low 2 bytes.

    >>> PackedPoint().parse("490,5")
    Point(x=490, y=5)
    >>> PackedPoint().format(Point(660, 480))
    '43254240'
    """

    max_x: int = 704
    max_y: int = 576
    editor: ClassVar[str] = "point"

    def parse(self, text: Any) -> Point:
        if isinstance(text, tuple) and len(text) == 2:
            x, y = int(text[0]), int(text[1])
        elif isinstance(text, str) and "," in text:
            try:
                x, y = (int(p) for p in text.split(","))
            except ValueError:
                raise InvalidValueError(f"'{text}' is not a point; use X,Y") from None
        else:
            packed = _as_int(text, "must be a packed point (X<<16 | Y) or X,Y")
            if packed < 0 or packed > 0xFFFFFFFF:
                raise InvalidValueError(f"{packed} is not a packed point")
            x, y = packed >> 16, packed & 0xFFFF
        if not (0 <= x <= self.max_x and 0 <= y <= self.max_y):
            raise InvalidValueError(
                f"point ({x}, {y}) is outside the {self.max_x}x{self.max_y} grid"
            )
        return Point(x, y)

    def format(self, value: Any) -> str:
        p = value if isinstance(value, Point) else self.parse(value)
        return str((p.x << 16) | (p.y & 0xFFFF))

    def label(self, value: Any) -> str:
        return f"{value.x},{value.y}"

    def describe(self) -> str:
        return f"a point X,Y with 0<=X<={self.max_x}, 0<=Y<={self.max_y} (wire: X<<16 | Y)"


@dataclass(frozen=True)
class Resolution(Choice):
    """A picture size packed as width in the high 2 bytes and height in the low 2 bytes."""

    editor: ClassVar[str] = "combo"

    @classmethod
    def of(cls, *sizes: tuple[int, int]) -> Resolution:
        return cls(tuple(((w << 16) | h, f"{w}x{h}") for w, h in sizes))

    def parse(self, text: Any) -> int:
        if isinstance(text, str) and re.fullmatch(r"\s*\d+\s*[xX]\s*\d+\s*", text):
            w, h = (int(p) for p in text.lower().split("x"))
            text = str((w << 16) | h)
        return super().parse(text)


@dataclass(frozen=True)
class WeekTable(ParamType):
    """168 characters of 0/1, one per hour of the week (7 days x 24 hours)."""

    editor: ClassVar[str] = "weektable"

    def parse(self, text: Any) -> str:
        s = str(text).strip()
        if len(s) != 168 or set(s) - {"0", "1"}:
            raise InvalidValueError(
                f"must be {self.describe()}; got {len(s)} characters"
                + (" with characters other than 0 and 1" if set(s) - {"0", "1"} else "")
            )
        return s

    def describe(self) -> str:
        return "168 characters of 0 and 1 (7 days x 24 hours)"

    def label(self, value: Any) -> str:
        return f"{str(value).count('1')} of 168 hours on"


class MaskRegion(NamedTuple):
    """One privacy-mask rectangle in the 704x576 CMOS space."""

    enabled: bool
    x1: int
    y1: int
    x2: int
    y2: int


MASK_IDS = "ABCD"


@dataclass(frozen=True)
class PrivacyMask(ParamType):
    """Four privacy-mask rectangles A-D.

    Wire (SET format 1, see docs/protocol-notes.md): ``AE,AX1,AY1,AX2,AY2,BE,...`` for
    regions A to D, 20 numbers. GET records ``ID,E,X1,Y1,X2,Y2`` are accepted too, separated
    by ``;`` or line breaks, with ID 0-3 or A-D.

    >>> PrivacyMask().parse("1,10,10,100,100").__len__()
    4
    """

    max_x: int = 704
    max_y: int = 576
    editor: ClassVar[str] = "privacymask"

    def parse(self, text: Any) -> tuple[MaskRegion, ...]:
        if isinstance(text, (list, tuple)) and all(isinstance(r, MaskRegion) for r in text):
            regions = list(text)
        else:
            regions = self._parse_text(str(text))
        regions += [MaskRegion(False, 0, 0, 0, 0)] * (4 - len(regions))
        if len(regions) > 4:
            raise InvalidValueError("at most 4 privacy-mask regions (A-D)")
        for name, r in zip(MASK_IDS, regions, strict=True):
            if not (0 <= r.x1 <= self.max_x and 0 <= r.x2 <= self.max_x):
                raise InvalidValueError(f"region {name}: X must be 0 to {self.max_x}")
            if not (0 <= r.y1 <= self.max_y and 0 <= r.y2 <= self.max_y):
                raise InvalidValueError(f"region {name}: Y must be 0 to {self.max_y}")
            if r.enabled and (r.x2 <= r.x1 or r.y2 <= r.y1):
                raise InvalidValueError(f"region {name}: X2,Y2 must lie right of and below X1,Y1")
        return tuple(regions)

    def _parse_text(self, s: str) -> list[MaskRegion]:
        s = s.strip()
        if not s:
            return []
        records = [r for r in re.split(r"[;\r\n]+", s) if r.strip()]
        try:
            if len(records) > 1 or len(records[0].split(",")) == 6:
                out: dict[int, MaskRegion] = {}
                for rec in records:
                    rid, e, x1, y1, x2, y2 = (p.strip() for p in rec.split(","))
                    index = MASK_IDS.index(rid.upper()) if rid.isalpha() else int(rid)
                    if not 0 <= index < 4:
                        raise InvalidValueError(f"privacy-mask ID {rid} is not 0-3 (A-D)")
                    out[index] = MaskRegion(e == "1", int(x1), int(y1), int(x2), int(y2))
                return [out.get(i, MaskRegion(False, 0, 0, 0, 0)) for i in range(4)]
            numbers = [int(p) for p in records[0].split(",")]
        except (ValueError, IndexError):
            raise InvalidValueError(
                f"'{s}' is not a privacy-mask string; {self.describe()}"
            ) from None
        if len(numbers) % 5:
            raise InvalidValueError(
                f"privacy-mask string needs groups of 5 numbers; {self.describe()}"
            )
        return [
            MaskRegion(bool(numbers[i]), *numbers[i + 1 : i + 5]) for i in range(0, len(numbers), 5)
        ]

    def format(self, value: Any) -> str:
        regions = self.parse(value)
        return ",".join(f"{int(r.enabled)},{r.x1},{r.y1},{r.x2},{r.y2}" for r in regions)

    def label(self, value: Any) -> str:
        on = [n for n, r in zip(MASK_IDS, value, strict=True) if r.enabled]
        return "masks " + ",".join(on) if on else "no masks"

    def describe(self) -> str:
        return (
            "privacy masks A-D as E,X1,Y1,X2,Y2 groups (E 0/1, "
            f"0<=X<={self.max_x}, 0<=Y<={self.max_y})"
        )


@dataclass(frozen=True)
class Colour(Choice):
    """An OSD colour: one of the document's named 0xRRGGBB values."""

    editor: ClassVar[str] = "colour"

    def format(self, value: Any) -> str:
        return f"0x{int(value):06X}"


@dataclass(frozen=True)
class Trigger(ParamType):
    """A one-shot action sent as a fixed word or number (``restart=yes``, ``ftptest=1``)."""

    word: str = "yes"
    editor: ClassVar[str] = "action"

    def parse(self, text: Any) -> str:
        if str(text).strip() != self.word:
            raise InvalidValueError(f"'{text}' is not allowed; this action takes '{self.word}'")
        return self.word

    def describe(self) -> str:
        return f"the word '{self.word}' (an action)"


@dataclass(frozen=True)
class IdList(ParamType):
    """One or more item IDs, comma separated (``1,2,3``)."""

    low: int = 0
    editor: ClassVar[str] = "text"

    def parse(self, text: Any) -> str:
        parts = [p.strip() for p in str(text).split(",")]
        if not parts or not all(p.isdigit() and int(p) >= self.low for p in parts):
            raise InvalidValueError(f"'{text}' is not {self.describe()}")
        return ",".join(str(int(p)) for p in parts)

    def describe(self) -> str:
        return f"one or more IDs of at least {self.low}, comma separated"


@dataclass(frozen=True)
class Raw(ParamType):
    """A value whose format the document does not settle; passed through unchanged."""

    hint: str = "text as the device gives it"
    editor: ClassVar[str] = "text"

    def parse(self, text: Any) -> str:
        s = str(text)
        if any(ord(c) < 32 for c in s):
            raise InvalidValueError("text must not contain control characters or line breaks")
        return s

    def describe(self) -> str:
        return self.hint
