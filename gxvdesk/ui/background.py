"""Run a blocking device call in the I/O thread pool and get its result on the UI thread.

The editors have no asyncio loop of their own (they also run under plain pytest-qt), so
results come back through a queued Qt signal instead of ``await``.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from .tasks import EXECUTOR

_pending: set[_Relay] = set()


class _Relay(QObject):
    """Lives on the UI thread; the pool thread emits, the UI thread runs the callbacks."""

    finished = Signal(object, object)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                 guard: QObject | None) -> None:  # fmt: skip
        super().__init__()
        self.on_done, self.on_error, self.guard = on_done, on_error, guard
        self.finished.connect(self.deliver)

    @Slot(object, object)
    def deliver(self, result: Any, error: BaseException | None) -> None:
        _pending.discard(self)
        if self.guard is not None and not shiboken6.isValid(self.guard):
            return  # the widget that asked is gone
        if error is None:
            self.on_done(result)
        else:
            self.on_error(error)


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None],
                      guard: QObject | None = None) -> Future[Any]:  # fmt: skip
    """Run ``fn()`` in the I/O pool; then ``on_done(result)`` or ``on_error(exc)`` on the UI
    thread, unless ``guard`` (the asking widget) has been deleted meanwhile."""
    relay = _Relay(on_done, on_error, guard)
    _pending.add(relay)

    def report(future: Future[Any]) -> None:
        error = future.exception()
        relay.finished.emit(None if error else future.result(), error)

    future = EXECUTOR.submit(fn)
    future.add_done_callback(report)
    return future
