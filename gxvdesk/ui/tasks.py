"""Device calls off the UI thread: asyncio (qasync) tasks awaiting a thread-pool executor.

Every call runs the blocking client in :data:`EXECUTOR` with a deadline, is tracked so the
window can show what is busy and cancel it, and reports failures as one sentence (the
exception's ``str``, which never contains a password).
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Threads for blocking device I/O; many cameras answer slowly at once on site.
EXECUTOR = ThreadPoolExecutor(max_workers=32, thread_name_prefix="gxvdesk-io")

#: Seconds added to a camera's own timeout before a call is abandoned.
GRACE = 2.0

#: How often (s) a thread holding the GIL hands it over; Python's default is 5 ms. Every Qt
#: callback into Python (a model's data(), a slot) must win the GIL from the I/O threads, so
#: a shorter interval keeps the UI turning while many cameras answer at once.
SWITCH_INTERVAL = 0.0005


def prepare_threads() -> None:
    """Make the UI thread win the GIL quickly and start the I/O threads ahead of need.

    Starting a thread waits for it to run, which under load can stall the UI thread for
    tens of milliseconds; so the pool's threads are started once, up front.
    """
    import sys
    import threading

    sys.setswitchinterval(SWITCH_INTERVAL)
    if getattr(EXECUTOR, "_gxvdesk_warm", False):
        return
    EXECUTOR._gxvdesk_warm = True  # type: ignore[attr-defined]
    gate = threading.Barrier(EXECUTOR._max_workers + 1)  # type: ignore[attr-defined]
    for _ in range(EXECUTOR._max_workers):  # type: ignore[attr-defined]
        EXECUTOR.submit(gate.wait, 5)
    gate.wait(5)


class Busy:
    """A record of one running task, for the status bar."""

    def __init__(self, text: str, task: asyncio.Task[Any], owner: object | None) -> None:
        self.text = text
        self.task = task
        self.owner = owner


class TaskRunner(QObject):
    """Starts and tracks the app's device tasks."""

    #: Number of running tasks and the newest one's description ("" when idle).
    busy_changed = Signal(int, str)
    #: A task failed: (description, sentence for the technician).
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: list[Busy] = []

    @property
    def running(self) -> list[str]:
        return [b.text for b in self._running]

    def start(
        self,
        coro: Coroutine[Any, Any, T],
        text: str,
        owner: object | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> asyncio.Task[T]:
        """Run ``coro`` as a tracked task; failures go to ``on_error`` or :attr:`failed`."""
        task = asyncio.ensure_future(coro)
        busy = Busy(text, task, owner)
        self._running.append(busy)
        self._emit()
        task.add_done_callback(functools.partial(self._finished, busy, on_error))
        return task

    def _finished(
        self, busy: Busy, on_error: Callable[[BaseException], None] | None, task: asyncio.Task[Any]
    ) -> None:
        if busy in self._running:
            self._running.remove(busy)
        self._emit()
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        log.info("%s failed: %s", busy.text, exc)
        if on_error is not None:
            on_error(exc)
        else:
            self.failed.emit(busy.text, describe(exc))

    def running_for(self, owner: object) -> bool:
        """Whether a task of ``owner`` is still running."""
        return any(b.owner is owner for b in self._running)

    def cancel(self, owner: object | None = None) -> int:
        """Cancel the tasks of ``owner`` (all tasks when None); returns how many."""
        doomed = [b for b in self._running if owner is None or b.owner is owner]
        for busy in doomed:
            busy.task.cancel()
        return len(doomed)

    def _emit(self) -> None:
        text = self._running[-1].text if self._running else ""
        self.busy_changed.emit(len(self._running), text)


async def call(fn: Callable[..., T], *args: Any, timeout: float | None = 30.0) -> T:
    """Run the blocking ``fn(*args)`` in the I/O executor; give up after ``timeout`` s.

    Cancelling the awaiting task abandons the call: the thread finishes on its own, bounded
    by the client's own connect/read timeouts, and its result is dropped.
    """
    loop = asyncio.get_running_loop()
    future = loop.run_in_executor(EXECUTOR, functools.partial(fn, *args))
    try:
        return await asyncio.wait_for(future, timeout)
    except TimeoutError:
        from ..protocol.errors import CameraTimeoutError

        raise CameraTimeoutError(f"no answer within {timeout:g} s") from None


def describe(exc: BaseException) -> str:
    """One sentence for the technician about a failure."""
    text = str(exc).strip()
    if isinstance(exc, asyncio.CancelledError):
        return "cancelled"
    if not text:
        return f"unexpected error ({type(exc).__name__}); see the log"
    return text


async def gather_settled(awaitables: list[Awaitable[T]]) -> list[T | BaseException]:
    """Await all; each result or its exception, so one failure does not stop the others."""
    return list(await asyncio.gather(*awaitables, return_exceptions=True))
