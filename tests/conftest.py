"""Shared test set-up: offscreen Qt, a private home for files, simulated cameras."""

from __future__ import annotations

import os
import tempfile

# Before anything imports Qt or reads user folders: no display, no real keyring, no real home.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GXVDESK_HOME"] = tempfile.mkdtemp(prefix="gxvdesk-test-home-")
os.environ["GXVDESK_NO_KEYRING"] = "1"
for _name in ("GXV_USER", "GXV_PASSWORD"):
    os.environ.pop(_name, None)

import logging  # noqa: E402

import pytest  # noqa: E402

from gxvdesk import logs  # noqa: E402

# The whole run logs to the real rotating file at DEBUG; test_zz_secrets.py reads it at the end.
logs.configure(level=logging.DEBUG)

#: The password every simulated camera in the tests uses; the secrets test hunts for it.
TEST_PASSWORD = "Sim-Secret-7731"


@pytest.fixture
def sim_camera():
    """Factory: start a simulated camera (stopped at the end of the test)."""
    from gxvdesk.sim import SimCamera

    started = []

    def start(model: str = "GXV3672_FHD", **kwargs):
        kwargs.setdefault("password", TEST_PASSWORD)
        cam = SimCamera(model=model, host="127.0.0.1", port=0, index=len(started), **kwargs)
        cam.start()
        started.append(cam)
        return cam

    yield start
    for cam in started:
        cam.stop()


def pytest_sessionfinish(session, exitstatus):
    """Tear Qt down while the interpreter is whole (PySide6 can crash in late finalization)."""
    import gc
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    loop = getattr(app, "_gxvdesk_loop", None)
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    app.processEvents()
    gc.collect()
    app.processEvents()
    if loop is not None and not loop.is_closed() and not loop.is_running():
        loop.close()
