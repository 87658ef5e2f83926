"""Frames off the wire: scaled JPEG decoding, a one-slot mailbox, a rate meter.

Decoding runs in the stream's worker thread (``QImageReader`` releases the GIL). It asks
libjpeg for the size on screen: libjpeg decodes at 1/2, 1/4 and 1/8 scale for a fraction of
the full cost, and Qt scales the rest of the way.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QImageReader


@dataclass(frozen=True)
class Frame:
    """One decoded picture: ``image`` at display size, ``source_size`` as the camera sent it."""

    image: QImage
    source_size: tuple[int, int]
    received: float  # time.monotonic() when it was decoded
    number: int


def decode_jpeg(
    data: bytes, target: tuple[int, int] | None = None
) -> tuple[QImage, tuple[int, int]]:
    """Decode a JPEG, scaled down to exactly ``target`` (w, h) when that is smaller.

    Returns the image (null when the data is not a readable JPEG) and the full picture size.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, b"jpeg")
    size = reader.size()
    source = (size.width(), size.height())
    if target is not None and size.isValid():
        w, h = target
        if 0 < w < source[0] or 0 < h < source[1]:
            reader.setScaledSize(QSize(min(w, source[0]), min(h, source[1])))
    image = reader.read()
    buffer.close()
    return image, source


class FrameMailbox:
    """Holds only the newest frame: a frame that is not taken in time is replaced (dropped).

    The producer learns from :meth:`put` whether the slot was empty, so it signals the
    consumer once per taken frame and the event queue never holds more than one notice.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._frame: Frame | None = None
        self.delivered = 0  # frames put
        self.dropped = 0  # frames replaced before they were taken
        self.notices = 0  # puts that found the slot empty (one signal each)
        self.taken = 0

    def put(self, frame: Frame) -> bool:
        """Store ``frame``; True when the slot was empty (the consumer must be told)."""
        with self._lock:
            was_empty = self._frame is None
            if not was_empty:
                self.dropped += 1
            self._frame = frame
            self.delivered += 1
            self.notices += was_empty
            return was_empty

    def take(self) -> Frame | None:
        """The newest frame, emptying the slot (None when nothing new arrived)."""
        with self._lock:
            frame, self._frame = self._frame, None
            self.taken += frame is not None
            return frame

    @property
    def pending(self) -> int:
        with self._lock:
            return 0 if self._frame is None else 1


class RateMeter:
    """Events per second over the last ``window`` seconds (thread-safe)."""

    def __init__(self, window: float = 2.0) -> None:
        self.window = window
        self._times: deque[float] = deque(maxlen=256)
        self._lock = threading.Lock()

    def tick(self, now: float | None = None) -> None:
        with self._lock:
            self._times.append(time.monotonic() if now is None else now)

    def rate(self, now: float | None = None) -> float:
        now = time.monotonic() if now is None else now
        with self._lock:
            recent = [t for t in self._times if now - t <= self.window]
        if len(recent) < 2:
            return 0.0
        span = recent[-1] - recent[0]
        return (len(recent) - 1) / span if span > 0 else 0.0

    def reset(self) -> None:
        with self._lock:
            self._times.clear()
