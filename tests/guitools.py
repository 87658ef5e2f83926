"""Helpers for GUI tests: run the qasync loop until something is true."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import qasync


def loop_for(app) -> qasync.QEventLoop:
    """One qasync loop per QApplication, set as the asyncio loop."""
    loop = getattr(app, "_gxvdesk_loop", None)
    if loop is None or loop.is_closed():
        loop = qasync.QEventLoop(app)
        app._gxvdesk_loop = loop
    asyncio.set_event_loop(loop)
    return loop


def run_until(loop, condition: Callable[[], object], timeout: float = 15.0, what: str = "") -> None:
    """Turn the event loop (Qt and asyncio) until ``condition()`` is true."""

    async def wait() -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise AssertionError(f"timed out after {timeout} s waiting for {what or condition}")
            await asyncio.sleep(0.02)

    loop.run_until_complete(wait())


def run_for(loop, seconds: float) -> None:
    loop.run_until_complete(asyncio.sleep(seconds))


def open_settings(window, loop, entry, module_name: str, timeout: float = 15.0):
    """Show a camera's settings page of ``module_name`` once it has been read from the camera."""
    workspace = window.workspace(entry)
    workspace.tabs.setCurrentIndex(0)
    page = workspace.settings
    page.select_module(module_name)
    run_until(
        loop,
        lambda: (
            page.form is not None
            and page.module.name == module_name
            and "Read from the camera" in page.status.text()
        ),
        timeout=timeout,
        what=f"{module_name} read",
    )
    return page
