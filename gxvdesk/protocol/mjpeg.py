"""A tolerant reader of ``multipart/x-mixed-replace`` MJPEG streams.

The boundary name and part headers of GXV streams are not documented, and field devices get
them wrong in several known ways (boundary with or without ``--``, no Content-Length, an empty
boundary). So frames are cut by Content-Length when a part gives one, and otherwise by the JPEG
start/end markers (SOI ``FFD8`` ... EOI ``FFD9``).

>>> p = MjpegParser("multipart/x-mixed-replace; boundary=frame")
>>> p.feed(b"--frame\\r\\nContent-Type: image/jpeg\\r\\n\\r\\n\\xff\\xd8abc\\xff\\xd9\\r\\n")
[b'\\xff\\xd8abc\\xff\\xd9']
"""

from __future__ import annotations

import re

SOI = b"\xff\xd8"
EOI = b"\xff\xd9"

#: A frame larger than this is dropped as corrupt (keeps memory bounded on a broken stream).
MAX_FRAME_BYTES = 16 * 1024 * 1024


def boundary_of(content_type: str) -> bytes | None:
    """The boundary named in a Content-Type header, without a leading ``--``."""
    match = re.search(r'boundary="?([^";]*)"?', content_type, re.IGNORECASE)
    if not match or not match.group(1).strip():
        return None
    return match.group(1).strip().removeprefix("--").encode("latin-1")


class MjpegParser:
    """Feed it bytes as they arrive; it returns complete JPEG frames."""

    def __init__(self, content_type: str = "") -> None:
        self.boundary = boundary_of(content_type)
        self._buffer = bytearray()
        self._expected: int | None = None
        self.dropped = 0

    def feed(self, data: bytes) -> list[bytes]:
        self._buffer += data
        frames: list[bytes] = []
        while True:
            frame = self._next_frame()
            if frame is None:
                break
            frames.append(frame)
        if len(self._buffer) > MAX_FRAME_BYTES:
            self._buffer.clear()
            self._expected = None
            self.dropped += 1
        return frames

    def _next_frame(self) -> bytes | None:
        buf = self._buffer
        if self._expected is not None:
            if len(buf) < self._expected:
                return None
            frame = bytes(buf[: self._expected])
            del buf[: self._expected]
            self._expected = None
            if frame.startswith(SOI):
                return frame
            self.dropped += 1
            return self._next_frame()
        start = buf.find(SOI)
        if start < 0:
            self._keep_tail()
            return None
        length = self._content_length_before(start)
        if length is not None:
            del buf[:start]
            self._expected = length
            return self._next_frame()
        end = buf.find(EOI, start + 2)
        if end < 0:
            if start:
                del buf[:start]
            return None
        frame = bytes(buf[start : end + 2])
        del buf[: end + 2]
        return frame

    def _content_length_before(self, start: int) -> int | None:
        """Content-Length of the part whose body begins at ``start``, if its headers say."""
        head = bytes(self._buffer[:start])
        blank = max(head.rfind(b"\r\n\r\n"), head.rfind(b"\n\n"))
        if blank < 0:
            return None
        headers = head[:blank]
        found = re.findall(rb"content-length\s*:\s*(\d+)", headers, re.IGNORECASE)
        if not found or head[blank:].strip():
            return None
        value = int(found[-1])
        return value if 0 < value <= MAX_FRAME_BYTES else None

    def _keep_tail(self) -> None:
        """Keep only what may hold the start of a part (headers before the next SOI)."""
        if len(self._buffer) > 64 * 1024:
            del self._buffer[:-2]
