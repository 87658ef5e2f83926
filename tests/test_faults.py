"""Fault modes of the simulator against the client and the CLI: clear words, safe retries."""

from __future__ import annotations

import pytest
from conftest import TEST_PASSWORD

from gxvdesk.cli.main import main
from gxvdesk.protocol.client import Camera
from gxvdesk.protocol.errors import AuthenticationError, CameraTimeoutError, OutcomeUnknownError


def target(cam) -> str:
    return f"admin:{TEST_PASSWORD}@{cam.host}:{cam.port}"


def client(cam, **kwargs) -> Camera:
    return Camera(cam.url, user="admin", password=TEST_PASSWORD, **kwargs)


def test_slow_camera_times_out_in_words(capsys, sim_camera):
    cam = sim_camera(fault="slow", slow_seconds=2.0)
    code = main(["get", target(cam), "osd", "--timeout", "0.5"])
    err = capsys.readouterr().err
    assert code == 4
    assert "no answer within 0.5 s" in err and "Traceback" not in err


def test_slow_camera_answers_within_a_longer_timeout(capsys, sim_camera):
    cam = sim_camera(fault="slow", slow_seconds=0.5)
    assert main(["get", target(cam), "osd", "--timeout", "3"]) == 0
    assert "osdtext=" in capsys.readouterr().out


def test_flaky_camera_reads_and_sets_through_retries(sim_camera):
    cam = sim_camera(fault="flaky")
    camera = client(cam, backoff=0.01)
    for i in range(6):
        assert camera.get("osd").value("osdtext") is not None
        camera.set("osd", {"osdtext": f"pass {i}"})
        assert cam.value("osd", "osdtext") == f"pass {i}"
    statuses = [r.status for r in cam.requests]
    assert 503 in statuses, "the fault mode should have answered 503 at least once"


def test_a_dropped_add_is_reported_as_unknown_not_retried(sim_camera):
    cam = sim_camera(fault="flaky")
    camera = client(cam, backoff=0.01)
    outcomes = []
    for i in range(4):
        try:
            camera.add("motiondetect", {"md.regn.index": "0", "md.regn.schedule.dayset": str(i)})
            outcomes.append("ok")
        except OutcomeUnknownError as exc:
            outcomes.append("unknown")
            assert "may or may not have been applied" in str(exc)
        except Exception as exc:  # a 503 answer is a clear refusal
            outcomes.append(type(exc).__name__)
    adds = [r for r in cam.requests if r.cmd == "add"]
    assert len(adds) == 4, "an add is never repeated behind the technician's back"
    assert "ok" in outcomes and len(set(outcomes)) > 1


def test_garbage_lines_are_skipped_and_reported(capsys, sim_camera):
    cam = sim_camera(fault="garbage")
    reading = client(cam).get("audio_video")
    assert reading.malformed
    assert reading.value("video.primary.framerate") == cam.value(
        "audio_video", "video.primary.framerate"
    )
    code = main(["get", target(cam), "osd"])
    captured = capsys.readouterr()
    assert code == 0 and "osdtext=" in captured.out
    assert "unreadable line(s)" in captured.err


def test_garbage_does_not_break_backup_and_restore(capsys, sim_camera, tmp_path):
    cam = sim_camera(fault="garbage")
    path = tmp_path / "b.json"
    assert main(["backup", target(cam), "-o", str(path)]) == 0
    assert main(["restore", target(cam), str(path)]) == 0
    out = capsys.readouterr().out
    assert "failed" not in out


def test_authfail_is_one_clear_line(capsys, sim_camera):
    cam = sim_camera(fault="authfail")
    assert main(["set", target(cam), "osd", "osdtext=x"]) == 3
    err = capsys.readouterr().err
    assert "wrong user name or password" in err and err.count("\n") == 1
    with pytest.raises(AuthenticationError):
        client(cam).get("osd")


def test_cutstream_ends_the_frames_cleanly(sim_camera):
    cam = sim_camera(fault="cutstream")
    cam.set_value("audio_video", "video.primary.encoder", "26")
    frames = []
    try:
        for frame in client(cam, timeout=5).mjpeg_frames():
            frames.append(frame)
            if len(frames) > 50:
                break
    except Exception as exc:  # an interrupted stream may also raise, in words
        assert "interrupted" in str(exc)
    assert 1 <= len(frames) <= 10
    assert all(f.startswith(b"\xff\xd8") for f in frames)


def test_timeout_on_a_change_says_the_outcome_is_unknown(sim_camera):
    cam = sim_camera()
    camera = client(cam, timeout=0.5)
    camera.identify()  # model and spelling known: the next set goes straight out
    camera.get("osd")
    cam.fault, cam.slow_seconds = "slow", 1.5
    with pytest.raises(OutcomeUnknownError) as info:
        camera.set("osd", {"osdtext": "late"})
    assert "may or may not have been applied" in str(info.value)
    assert not isinstance(info.value, CameraTimeoutError)
