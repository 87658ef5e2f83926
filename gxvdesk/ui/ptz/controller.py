"""PTZ commands for one camera channel, sent from a worker thread so the UI never waits.

The rules that keep a head from spinning on its own:

- one request in flight at a time; while dragging, a newer direction or speed replaces the
  older pending one (latest wins), so a drag costs one request per round trip, not a flood;
- a stop always follows a move: :meth:`PtzController.stop` goes before any pending work, and
  a stop asked for while a move is in flight is sent as soon as that move returns;
- a watchdog sends the stop once more a moment later when the release came while the move
  was in flight (the camera may act on it late), and retries once when a stop failed;
- :meth:`PtzController.shutdown` sends a final stop when anything moved and joins the thread
  within a bound.

Every command reports a :class:`CommandResult` with the camera's round-trip time, so the pad
can show camera lag apart from tool lag.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from ...protocol.client import Camera
from ...services.ptz import MAX_SPEED, MOVES, OTHER_ACTIONS, PRESET_ACTIONS, STOP
from ..tasks import describe

log = logging.getLogger(__name__)

#: Seconds after a late stop before the watchdog sends it again.
WATCHDOG_DELAY = 0.3
#: Extra stops the watchdog may send after a failed stop.
STOP_RETRIES = 1

_NAMES = {code: name for name, code in {**MOVES, **PRESET_ACTIONS, **OTHER_ACTIONS}.items()}

#: How the pad's sentences name each action (translated when shown).
ACTION_TEXT = {
    "up": QT_TRANSLATE_NOOP("PtzController", "Up"),
    "down": QT_TRANSLATE_NOOP("PtzController", "Down"),
    "left": QT_TRANSLATE_NOOP("PtzController", "Left"),
    "right": QT_TRANSLATE_NOOP("PtzController", "Right"),
    "up-left": QT_TRANSLATE_NOOP("PtzController", "Up-left"),
    "down-left": QT_TRANSLATE_NOOP("PtzController", "Down-left"),
    "up-right": QT_TRANSLATE_NOOP("PtzController", "Up-right"),
    "down-right": QT_TRANSLATE_NOOP("PtzController", "Down-right"),
    "zoom-in": QT_TRANSLATE_NOOP("PtzController", "Zoom-in"),
    "zoom-out": QT_TRANSLATE_NOOP("PtzController", "Zoom-out"),
    "focus-near": QT_TRANSLATE_NOOP("PtzController", "Focus-near"),
    "focus-far": QT_TRANSLATE_NOOP("PtzController", "Focus-far"),
    "iris-open": QT_TRANSLATE_NOOP("PtzController", "Iris-open"),
    "iris-close": QT_TRANSLATE_NOOP("PtzController", "Iris-close"),
    "goto": QT_TRANSLATE_NOOP("PtzController", "Goto"),
    "clear-preset": QT_TRANSLATE_NOOP("PtzController", "Clear-preset"),
    "set-preset": QT_TRANSLATE_NOOP("PtzController", "Set-preset"),
    "auto-pan": QT_TRANSLATE_NOOP("PtzController", "Auto-pan"),
    "stop-auto-pan": QT_TRANSLATE_NOOP("PtzController", "Stop-auto-pan"),
}


@dataclass(frozen=True)
class CommandResult:
    """What happened to one PTZ command.

    ``rtt`` is the camera's round trip in seconds (None when it did not answer); ``queued`` is
    how long the command waited in the tool before it was sent. ``error`` is a sentence for
    the technician, empty on success.
    """

    action: str
    control: int
    param: int
    rtt: float | None
    queued: float
    error: str = ""
    watchdog: bool = False

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass
class _Job:
    kind: str  # "move", "stop", "command" or "warm-up"
    control: int
    param: int
    requested: float
    retries: int = 0
    watchdog: bool = False
    late: bool = False  # a stop asked for while a move was in flight


class PtzController(QObject):
    """Sends PTZ commands for one camera channel from its own worker thread.

    ``channel`` is passed to :meth:`Camera.ptz` as is: None on single-channel models.
    Signals are emitted from the worker thread; Qt queues them to receivers in the UI thread.
    """

    #: Every command's outcome (a :class:`CommandResult`).
    finished = Signal(object)
    #: A command failed: a sentence for the technician.
    failed = Signal(str)

    def __init__(
        self,
        camera: Camera,
        channel: int | None = None,
        parent: QObject | None = None,
        *,
        watchdog_delay: float = WATCHDOG_DELAY,
    ) -> None:
        super().__init__(parent)
        self.camera = camera
        self.channel = channel
        self.watchdog_delay = watchdog_delay
        self._cond = threading.Condition()
        self._stop_pending: _Job | None = None
        self._move_pending: _Job | None = None
        self._commands: deque[_Job] = deque()
        self._in_flight: _Job | None = None
        self._active_move: tuple[int, int] | None = None  # last move sent since a stop
        self._moving = False  # a move went out and no stop has been sent since
        self._stop_during_move = False
        self._watchdog: _Job | None = None
        self._watchdog_at = 0.0
        self._closing = False
        self._silent = False  # after a shutdown that timed out: emit nothing more
        self._last: CommandResult | None = None
        self._thread = threading.Thread(
            target=self._run, name=f"gxvdesk-ptz-{camera.name}-{channel}", daemon=True
        )
        self._thread.start()

    def __repr__(self) -> str:
        return f"PtzController({self.camera!r}, channel={self.channel})"

    # -- what the UI asks for ------------------------------------------------------------

    def move(self, action: str, speed: int) -> None:
        """Start or change a move (``"up"``, ``"zoom-in"``...); it lasts until :meth:`stop`."""
        if action not in MOVES:
            raise ValueError(f"{action!r} is not a move; choose from {', '.join(MOVES)}")
        speed = max(0, min(MAX_SPEED, int(speed)))
        wanted = (MOVES[action], speed)
        with self._cond:
            if self._closing:
                return
            self._watchdog = None  # the new move supersedes a late second stop
            flying = self._in_flight
            current = (
                (flying.control, flying.param)
                if flying is not None and flying.kind == "move"
                else self._active_move
            )
            if self._stop_pending is None and current == wanted:
                self._move_pending = None  # the camera already does this
                return
            self._move_pending = _Job("move", *wanted, time.perf_counter())
            self._cond.notify_all()

    def stop(self, always: bool = False) -> bool:
        """Stop the head before anything else pending; True when a stop is (already) queued.

        Without ``always`` nothing is sent when nothing moves; ``always`` sends a stop anyway
        (the Stop key: it also ends an auto pan started elsewhere).
        """
        with self._cond:
            self._move_pending = None
            if self._stop_pending is not None:
                return True
            move_flying = self._in_flight is not None and self._in_flight.kind == "move"
            if not (always or self._moving or move_flying):
                return False
            self._stop_pending = _Job("stop", STOP, 0, time.perf_counter(), STOP_RETRIES)
            self._stop_during_move = self._stop_during_move or move_flying
            self._cond.notify_all()
            return True

    def preset(self, action: str, number: int) -> None:
        """``goto``, ``set-preset`` or ``clear-preset`` a preset number."""
        if action not in PRESET_ACTIONS:
            raise ValueError(f"{action!r} is not a preset action")
        self._queue(_Job("command", PRESET_ACTIONS[action], int(number), time.perf_counter()))

    def auto_pan(self, on: bool) -> None:
        """Start or stop the head's auto pan."""
        code = OTHER_ACTIONS["auto-pan" if on else "stop-auto-pan"]
        self._queue(_Job("command", code, 0, time.perf_counter()))

    def warm_up(self) -> None:
        """Learn the model and the module's spelling now, so the first move is not slower."""
        self._queue(_Job("warm-up", -1, 0, time.perf_counter()))

    def _queue(self, job: _Job) -> None:
        with self._cond:
            if self._closing:
                return
            self._commands.append(job)
            self._cond.notify_all()

    # -- state --------------------------------------------------------------------------

    @property
    def moving(self) -> bool:
        """Whether a move went out (or is going) with no stop sent after it."""
        with self._cond:
            return self._moving or self._move_pending is not None

    @property
    def busy(self) -> bool:
        with self._cond:
            return self._has_work() or self._in_flight is not None

    @property
    def last_result(self) -> CommandResult | None:
        return self._last

    @property
    def last_rtt(self) -> float | None:
        """The camera's round trip of the last command answered, in seconds."""
        last = self._last
        return None if last is None else last.rtt

    @property
    def last_error(self) -> str:
        """The last command's failure as a sentence ("" when it succeeded)."""
        last = self._last
        return "" if last is None else last.error

    @property
    def alive(self) -> bool:
        return self._thread.is_alive() and not self._closing

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Block until nothing is pending or in flight (tests, benchmarks, shutdown)."""
        with self._cond:
            return self._cond.wait_for(
                lambda: not self._has_work() and self._in_flight is None, timeout
            )

    def shutdown(self, timeout: float = 3.0) -> bool:
        """Send a final stop when anything moved, then end the thread; True when it ended.

        Waits at most ``timeout`` seconds; after that the thread is abandoned (a daemon) and
        reports nothing more.
        """
        self.request_shutdown()
        return self.join(timeout)

    def request_shutdown(self, silent: bool = False) -> None:
        """Queue the final stop (when anything moved) and ask the thread to end; no wait.

        ``silent``: report nothing more (the Qt side is being destroyed).
        """
        with self._cond:
            self._silent = self._silent or silent
            self._closing = True
            self._move_pending = None
            move_flying = self._in_flight is not None and self._in_flight.kind == "move"
            if self._stop_pending is None and (self._moving or move_flying):
                self._stop_pending = _Job("stop", STOP, 0, time.perf_counter(), STOP_RETRIES)
                self._stop_during_move = self._stop_during_move or move_flying
            self._cond.notify_all()

    def join(self, timeout: float = 3.0) -> bool:
        """Wait for the thread after :meth:`request_shutdown`; True when it ended."""
        if threading.current_thread() is not self._thread:
            self._thread.join(max(0.0, timeout))
        ended = not self._thread.is_alive()
        if not ended:
            log.warning("%r: the PTZ thread did not end in time; abandoned", self)
            self._silent = True
        return ended

    # -- the worker ---------------------------------------------------------------------

    def _has_work(self) -> bool:
        return bool(self._stop_pending or self._commands or self._move_pending or self._watchdog)

    def _next_job(self) -> _Job | None:
        """The next job by priority (stop, due watchdog, commands, move); None to end."""
        with self._cond:
            while True:
                now = time.perf_counter()
                due = self._watchdog is not None and (self._closing or now >= self._watchdog_at)
                job: _Job | None = None
                if self._stop_pending is not None:
                    job, self._stop_pending = self._stop_pending, None
                elif due:
                    job, self._watchdog = self._watchdog, None
                elif self._commands:
                    job = self._commands.popleft()
                elif self._move_pending is not None:
                    job, self._move_pending = self._move_pending, None
                elif self._closing and self._watchdog is None:
                    return None
                if job is not None:
                    if job.kind == "stop":
                        # Count it as sent now, so a second release does not queue a twin.
                        self._moving = False
                        self._active_move = None
                        job.late = self._stop_during_move and not job.watchdog
                        self._stop_during_move = False
                    elif job.kind == "move":
                        self._moving = True
                        self._active_move = (job.control, job.param)
                    self._in_flight = job
                    return job
                wait = max(0.0, self._watchdog_at - now) if self._watchdog is not None else None
                self._cond.wait(wait)

    def _after_stop(self, job: _Job, result: CommandResult | None) -> None:
        """Arm the watchdog after a late stop, or after a failed one with retries left."""
        failed = result is not None and not result.ok
        if failed:
            self._moving = True  # unknown: the head may still turn
        if self._watchdog is not None or self._move_pending is not None or self._active_move:
            return  # a new move came in; its own stop will follow it
        if job.late:
            self._arm_watchdog(STOP_RETRIES, late=True)
        elif failed and job.retries > 0:
            self._arm_watchdog(job.retries - 1, late=False)

    def _arm_watchdog(self, retries: int, late: bool) -> None:
        """Send the stop again after ``watchdog_delay`` (unless a new move comes first)."""
        self._watchdog = _Job("stop", STOP, 0, time.perf_counter(), retries, watchdog=True)
        self._watchdog_at = time.perf_counter() + self.watchdog_delay
        log.debug("%r: watchdog stop armed (%s)", self, "late release" if late else "retry")

    def _run(self) -> None:
        while True:
            job = self._next_job()
            if job is None:
                return
            result = self._send(job)
            with self._cond:
                self._in_flight = None
                if job.kind == "stop":
                    self._after_stop(job, result)
                self._cond.notify_all()
            if result is not None:
                self._report(result)

    def _send(self, job: _Job) -> CommandResult | None:
        start = time.perf_counter()
        if job.kind == "warm-up":
            if self._closing:
                return None
            try:
                _ = self.camera.model
                self.camera.get("ptz", channel=self.channel)
            except Exception as exc:  # reported by the first real command instead
                log.info("%r: warm-up failed: %s", self, exc)
            return None
        error = ""
        rtt: float | None = None
        try:
            self.camera.ptz(job.control, job.param, self.channel)
            rtt = time.perf_counter() - start
        except Exception as exc:  # every failure becomes a sentence on the pad
            error = describe(exc)
            log.info("%r: %s failed: %s", self, _NAMES.get(job.control, job.control), error)
        return CommandResult(
            action=_NAMES.get(job.control, str(job.control)),
            control=job.control,
            param=job.param,
            rtt=rtt,
            queued=start - job.requested,
            error=error,
            watchdog=job.watchdog,
        )

    def _report(self, result: CommandResult) -> None:
        self._last = result
        if self._silent:
            return
        try:
            self.finished.emit(result)
            if result.error:
                self.failed.emit(failure_text(result))
        except RuntimeError:  # the Qt side is already gone (application quitting)
            self._silent = True


def failure_text(result: CommandResult) -> str:
    """The pad's sentence for a failed command (also built in the worker thread:
    QCoreApplication.translate is thread-safe)."""
    if result.control == STOP:
        text = QCoreApplication.translate(
            "PtzController", "Stop not confirmed: {problem}. The head may still be moving."
        )
        return text.format(problem=result.error)
    name = ACTION_TEXT.get(result.action)
    action = (
        QCoreApplication.translate("PtzController", name) if name else result.action.capitalize()
    )
    text = QCoreApplication.translate("PtzController", "{action} failed: {problem}")
    return text.format(action=action, problem=result.error)
