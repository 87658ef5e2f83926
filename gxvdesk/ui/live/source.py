"""A camera's pictures, fetched and decoded off the UI thread: one worker thread per preview.

The worker reads the stream's codec: MJPEG (26) is watched on ``/goform/stream``, anything
else is polled as snapshots. Frames are decoded at the size shown and left in a one-slot
mailbox; the UI is told with :attr:`FrameSource.frame_ready` and takes the newest frame.
When the stream breaks the worker waits (0.5 s, doubling to 8 s) and connects again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from ...protocol.client import channels_of
from ...protocol.errors import CameraError, RequestRefusedError, StreamNotMjpegError
from .frames import Frame, FrameMailbox, RateMeter, decode_jpeg

log = logging.getLogger(__name__)

MJPEG_CODEC = "26"
BACKOFF_START = 0.5
BACKOFF_MAX = 8.0
#: How often snapshot polling checks whether the codec became MJPEG.
RECHECK_SECONDS = 15.0

STOPPED, CONNECTING, LIVE, RECONNECTING = "stopped", "connecting", "live", "reconnecting"


def reason_of(exc: BaseException) -> str:
    """The technician's sentence for a failure, without the camera name (the tile shows it)."""
    if isinstance(exc, CameraError) and exc.args:
        return str(exc.args[0])
    text = str(exc).strip()
    if text:
        return text
    unexpected = QCoreApplication.translate("FrameSource", "unexpected error ({kind}); see the log")
    return unexpected.format(kind=type(exc).__name__)


class _Run:
    """One life of the worker thread, from start() to stop()."""

    def __init__(self, stream: str, channel: int) -> None:
        self.stream = stream
        self.channel = channel
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None


class FrameSource(QObject):
    """Pictures of one camera stream, fetched and decoded in a worker thread.

    ``camera`` is a :class:`gxvdesk.protocol.client.Camera` (anything with ``model``,
    ``get``, ``snapshot`` and ``mjpeg_frames``). ``mode`` is ``"auto"`` (by the codec),
    ``"mjpeg"`` or ``"snapshot"``; ``snapshot_rate`` is in pictures per second.
    """

    #: A new frame waits in the mailbox; take it with :meth:`take_frame`.
    frame_ready = Signal()
    #: ``(state, text)``: state is stopped/connecting/live/reconnecting; text is for people.
    state_changed = Signal(str, str)
    #: ``(model, channels)`` once the camera has told its model.
    info_ready = Signal(str, int)

    def __init__(self, camera: Any, stream: str = "primary", channel: int = 0,
                 snapshot_rate: float = 2.0, mode: str = "auto",
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        if mode not in ("auto", "mjpeg", "snapshot"):
            raise ValueError(f"mode must be auto, mjpeg or snapshot, not {mode!r}")
        self.camera = camera
        self.stream = stream
        self.channel = channel
        self.snapshot_rate = snapshot_rate
        self.mode = mode
        self.mailbox = FrameMailbox()
        self.meter = RateMeter()
        self.state = STOPPED
        # State texts are shown in the picture's badge; the worker thread translates too
        # (QCoreApplication.translate is thread-safe).
        self.state_text = self.tr("stopped")
        self.using = ""  # "mjpeg" or "snapshot" once connected
        self.model: str | None = None
        self.channels = 1
        self.frames_received = 0
        self.last_frame_at: float | None = None
        self._target: tuple[int, int] | None = None
        self._run: _Run | None = None
        self._old: list[_Run] = []

    # -- control (UI thread) ---------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._run is not None

    def start(self) -> None:
        """Start fetching (a no-op when running)."""
        if self._run is not None:
            return
        run = _Run(self.stream, self.channel)
        run.thread = threading.Thread(target=self._work, args=(run,), daemon=True,
                                      name=f"gxvdesk-live-{self.camera!r}")  # fmt: skip
        self._run = run
        self._old = [r for r in self._old if r.thread is not None and r.thread.is_alive()]
        self._set_state(run, CONNECTING, self.tr("connecting"), force=True)
        run.thread.start()

    def stop(self) -> None:
        """Ask the worker to stop; it ends after the frame it is reading (never blocks)."""
        if self.halt():
            self.state_changed.emit(STOPPED, self.tr("stopped"))

    @Slot()
    def halt(self) -> bool:
        """:meth:`stop` without telling anyone (the viewer is being deleted); True if running."""
        run, self._run = self._run, None
        if run is None:
            return False
        run.stop.set()
        self._old.append(run)
        self.meter.reset()
        self.state, self.state_text = STOPPED, self.tr("stopped")
        return True

    def restart(self) -> None:
        if self._run is not None:
            self.stop()
            self.start()

    def shutdown(self, timeout: float = 1.0) -> bool:
        """Stop and wait (at most ``timeout`` s in all) for the worker threads to end."""
        self.stop()
        deadline = time.monotonic() + timeout
        for run in self._old:
            if run.thread is not None:
                run.thread.join(max(0.0, deadline - time.monotonic()))
        self._old = [r for r in self._old if r.thread is not None and r.thread.is_alive()]
        return not self._old

    def set_stream(self, stream: str, channel: int | None = None) -> None:
        """Watch another stream (primary/secondary) or channel; restarts when running."""
        changed = stream != self.stream or (channel is not None and channel != self.channel)
        self.stream = stream
        self.channel = self.channel if channel is None else channel
        if changed:
            self.restart()

    def set_target_size(self, width: int, height: int) -> None:
        """The size the picture is shown at: frames are decoded to it."""
        self._target = (max(1, int(width)), max(1, int(height)))

    def take_frame(self) -> Frame | None:
        return self.mailbox.take()

    @property
    def fps(self) -> float:
        return self.meter.rate()

    # -- worker thread ---------------------------------------------------------------------

    def _set_state(self, run: _Run, state: str, text: str, force: bool = False) -> None:
        if run.stop.is_set() and not force:
            return
        if (state, text) == (self.state, self.state_text):
            return
        self.state, self.state_text = state, text
        try:
            self.state_changed.emit(state, text)
        except RuntimeError:  # the QObject is gone (window closed); the thread ends soon
            run.stop.set()

    def _work(self, run: _Run) -> None:
        delay = BACKOFF_START
        while not run.stop.is_set():
            self._set_state(run, CONNECTING, self.tr("connecting"))
            before = self.frames_received
            try:
                self._connect_once(run)
                reason = self.tr("the stream was interrupted")
            except CameraError as exc:
                reason = reason_of(exc)
            except Exception as exc:  # a bug must not kill the preview silently
                log.exception("live view of %r failed", self.camera)
                reason = reason_of(exc)
            if run.stop.is_set():
                break
            delay = BACKOFF_START if self.frames_received > before else min(delay * 2, BACKOFF_MAX)
            waiting = self.tr("reconnecting in {seconds} s: {reason}")
            self._set_state(run, RECONNECTING, waiting.format(seconds=f"{delay:g}", reason=reason))
            log.info("live view of %r: %s; retrying in %g s", self.camera, reason, delay)
            run.stop.wait(delay)

    def _connect_once(self, run: _Run) -> None:
        """Fetch until the stream ends or fails (raises) or the run is stopped."""
        if self.model is None:
            model = self.camera.model
            self.model, self.channels = model, channels_of(model)
            try:
                self.info_ready.emit(model, self.channels)
            except RuntimeError:
                run.stop.set()
                return
        if self.mode == "snapshot" or (self.mode == "auto" and not self._is_mjpeg(run)):
            self._poll(run)
            return
        try:
            self._watch(run, self.camera.mjpeg_frames(run.stream, run.channel))
        except StreamNotMjpegError:
            if self.mode == "mjpeg":
                raise
            self._poll(run)

    def _is_mjpeg(self, run: _Run) -> bool:
        channel = run.channel if self.channels > 1 else None
        try:
            reading = self.camera.get("audio_video", channel=channel)
        except RequestRefusedError:  # e.g. a viewer account: try the stream and see
            return True
        return reading.value(f"video.{run.stream}.encoder", channel) == MJPEG_CODEC

    def _using(self, run: _Run, kind: str) -> None:
        if not run.stop.is_set():  # a stopped run must not overwrite its successor's state
            self.using = kind

    def _watch(self, run: _Run, frames: Iterator[bytes]) -> None:
        self._using(run, "mjpeg")
        try:
            for jpeg in frames:
                if run.stop.is_set():
                    break
                self._deliver(run, jpeg)
        finally:
            frames.close()  # type: ignore[attr-defined]

    def _poll(self, run: _Run) -> None:
        self._using(run, "snapshot")
        interval = 1.0 / max(0.05, self.snapshot_rate)
        recheck = time.monotonic() + RECHECK_SECONDS
        while not run.stop.is_set():
            started = time.monotonic()
            self._deliver(run, self.camera.snapshot(run.stream, run.channel))
            if self.mode == "auto" and started > recheck:
                if self._is_mjpeg(run):
                    return  # the codec became MJPEG: reconnect to the stream
                recheck = started + RECHECK_SECONDS
            run.stop.wait(max(0.0, interval - (time.monotonic() - started)))

    def _deliver(self, run: _Run, jpeg: bytes) -> None:
        """Decode at the display size, keep only the newest, tell the UI when it must look."""
        image, source = decode_jpeg(jpeg, self._target)
        if image.isNull() or run.stop.is_set():
            return
        now = time.monotonic()
        self.frames_received += 1
        self.last_frame_at = now
        self.meter.tick(now)
        if self.state != LIVE:
            self._set_state(run, LIVE, self.tr("live"))
        if self.mailbox.put(Frame(image, source, now, self.frames_received)):
            try:
                self.frame_ready.emit()
            except RuntimeError:
                run.stop.set()
