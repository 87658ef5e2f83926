"""Secrets never land in logs, saved files or exception texts (runs last: it reads the run's files).

The test password of every simulated camera (``TEST_PASSWORD``) is searched for in everything
the test run wrote: the log file, the inventory, backups and other files under the test home
and pytest's temporary folders. The one exception is the credential store's fallback file,
which exists to hold credentials where no OS keyring is available and says so in the UI.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from conftest import TEST_PASSWORD

from gxvdesk import logs
from gxvdesk.protocol.address import CameraAddress
from gxvdesk.protocol.client import Camera, InvalidSettingsError
from gxvdesk.protocol.errors import CameraError
from gxvdesk.services.credentials import Credentials

ALLOWED = {"credentials-fallback.json"}


def files_under(root: Path):
    for path in root.rglob("*"):
        if path.is_file() and path.name not in ALLOWED:
            yield path


def test_debug_log_of_a_secret_change_is_masked(sim_camera):
    cam = sim_camera()
    logs.configure(level=logging.DEBUG)
    camera = Camera(f"admin:{TEST_PASSWORD}@{cam.host}:{cam.port}")
    camera.set("sip", {"accountpassword": TEST_PASSWORD, "userid": "1001"})
    text = (Path(os.environ["GXVDESK_HOME"]) / "logs" / "gxvdesk.log").read_text("utf-8")
    assert "accountpassword=***&userid=1001" in text
    assert TEST_PASSWORD not in text


def test_exception_texts_and_reprs_hide_the_password(sim_camera):
    cam = sim_camera()
    texts = []
    address = CameraAddress.parse(f"admin:{TEST_PASSWORD}@{cam.host}:{cam.port}")
    texts += [repr(address), str(address), repr(Credentials("admin", TEST_PASSWORD))]
    for target in (
        f"admin:{TEST_PASSWORD}@127.0.0.1:1",
        f"http://admin:{TEST_PASSWORD}@{cam.host}:{cam.port}",
    ):
        camera = Camera(target, timeout=1)
        texts.append(repr(camera))
        try:
            camera.set("sip", {"accountpassword": TEST_PASSWORD, "localsipport": "99999"})
        except (CameraError, InvalidSettingsError) as exc:
            texts += [str(exc), repr(exc)]
        cam.fault = "authfail"
        try:
            camera.get("osd")
        except CameraError as exc:
            texts += [str(exc), repr(exc)]
        cam.fault = None
    assert len(texts) > 6
    for text in texts:
        assert TEST_PASSWORD not in text, text


@pytest.mark.parametrize("verbose", [[], ["-v"], ["-vv"]])
def test_cli_error_lines_hide_the_password(capsys, sim_camera, verbose):
    from gxvdesk.cli.main import main

    cam = sim_camera()
    main(["set", f"admin:{TEST_PASSWORD}@{cam.host}:{cam.port}", "sip",
          f"accountpassword={TEST_PASSWORD}", "localrtpport=5", *verbose])  # fmt: skip
    main(["get", f"admin:{TEST_PASSWORD}x@{cam.host}:{cam.port}", "osd", *verbose])
    out, err = capsys.readouterr()
    assert TEST_PASSWORD not in out + err


def test_no_file_written_by_the_run_holds_the_password(tmp_path_factory):
    roots = [Path(os.environ["GXVDESK_HOME"]), tmp_path_factory.getbasetemp()]
    needle = TEST_PASSWORD.encode()
    scanned = 0
    leaks = []
    for root in roots:
        for path in files_under(root):
            scanned += 1
            try:
                if needle in path.read_bytes():
                    leaks.append(str(path))
            except OSError:
                continue
    assert scanned > 1
    assert leaks == []
