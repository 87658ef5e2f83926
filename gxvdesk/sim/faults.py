"""Fault modes that make a simulated camera misbehave the way field devices do.

- ``slow``: every reply is delayed by ``slow_seconds``.
- ``flaky``: requests are numbered from 1; every even one fails, alternately with a 503
  (2, 6, 10...) and by closing the connection without a reply (4, 8, 12...).
- ``garbage``: GET bodies carry junk lines (no ``=``, binary bytes, whitespace, LF-only and
  CR-CR-LF endings, a duplicated line) around the intact ``key=value`` lines.
- ``cutstream``: an MJPEG stream stops in the middle of the part after ``CUT_AFTER_FRAMES``.
- ``authfail``: every request answers 401, whatever the credentials.
"""

from __future__ import annotations

import threading

FAULTS = ("slow", "flaky", "garbage", "cutstream", "authfail")
CUT_AFTER_FRAMES = 5

_JUNK = (
    b"garbage line without an equals sign\r\n",
    b"\x00\x01\xfe\xff\x80 binary\r\n",
    b"   \t  \r\n",
    b"\r\n",
    b"<!-- stray markup -->\r\r\n",
)


def check_fault(fault: str | None) -> str | None:
    if fault is not None and fault not in FAULTS:
        raise ValueError(f"unknown fault {fault!r}; choose from {', '.join(FAULTS)}")
    return fault


class Flaky:
    """Counts requests and says which ones fail, and how."""

    def __init__(self) -> None:
        self._count = 0
        self._lock = threading.Lock()

    def next_failure(self) -> str | None:
        """``"503"``, ``"drop"`` or None for the next request."""
        with self._lock:
            self._count += 1
            n = self._count
        if n % 2:
            return None
        return "503" if n % 4 == 2 else "drop"


def garble(lines: list[tuple[str, str]]) -> bytes:
    """A GET body with junk mixed in; every real ``key=value`` line is still there."""
    out = [b"\r\n", b"  \r\n"]
    for i, (key, value) in enumerate(lines):
        line = f"{key}={value}".encode()
        out.append(line + (b"\n" if i % 2 else b"\r\n"))
        if i == min(1, len(lines) - 1):
            out.append(line + b"\r\n")
        if i % 3 == 1:
            out.append(_JUNK[i % len(_JUNK)])
    out.append(_JUNK[1])
    return b"".join(out)
