"""The command line, end to end over real HTTP against the simulator."""

from __future__ import annotations

import json

import pytest
import requests
from conftest import TEST_PASSWORD

from gxvdesk.cli.main import main
from gxvdesk.registry import module
from gxvdesk.sim import SimCamera


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def target(cam: SimCamera) -> str:
    return f"admin:{TEST_PASSWORD}@{cam.host}:{cam.port}"


def sets(cam: SimCamera) -> list:
    return [r for r in cam.requests if r.cmd in ("set", "add", "remove")]


@pytest.fixture(params=["dots", "underscores"])
def camera(request, sim_camera) -> SimCamera:
    return sim_camera("GXV3672_FHD", spelling=request.param)


def test_spec_lists_every_module(capsys):
    code, out, _ = run(capsys, "spec")
    assert code == 0
    assert len(out.strip().splitlines()) == 29
    code, out, _ = run(capsys, "spec", "motiondetect", "--json")
    data = json.loads(out)
    assert data["name"] == "motiondetect"
    assert {r["name"] for r in data["records"]} == {"regions", "schedules"}


def test_get_prints_the_device_spelling(capsys, camera):
    code, out, _ = run(capsys, "get", target(camera), "audio_video")
    assert code == 0
    sep = "." if camera.spelling == "dots" else "_"
    assert f"video{sep}primary{sep}framerate=" in out


def test_get_names_in_either_spelling_and_json(capsys, camera):
    code, out, _ = run(
        capsys, "get", target(camera), "audio_video", "video_primary_framerate", "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert list(data["values"]) == ["video.primary.framerate"]


def test_set_in_either_spelling_reaches_the_device(capsys, camera):
    for typed in ("video.primary.framerate=12", "video_primary_framerate=12"):
        camera.set_value("audio_video", "video.primary.framerate", "25")
        code, out, err = run(capsys, "set", target(camera), "audio_video", typed)
        assert (code, out.strip()) == (0, "Successful"), err
        assert camera.value("audio_video", "video.primary.framerate") == "12"


def test_all_modules_read_in_both_spellings(capsys, camera):
    for mod in ("osd", "network", "motiondetect", "alarmio", "usermanage", "sip", "cmos"):
        code, out, err = run(capsys, "get", target(camera), mod, "--json")
        assert code == 0, (mod, err)
        assert json.loads(out)["values"], mod


def test_out_of_range_is_refused_before_sending(capsys, camera):
    camera.clear_requests()
    code, _, err = run(capsys, "set", target(camera), "motiondetect", "md_retrigger_interval=99")
    assert code == 2
    assert "md_retrigger_interval=99" in err and "1 to 60" in err
    assert "nothing was sent" in err
    assert sets(camera) == []


def test_model_specific_range(capsys, sim_camera):
    cam = sim_camera("GXV3615W")
    camera_arg = target(cam)
    code, _, err = run(
        capsys, "set", camera_arg, "videocontrol", "brightness=100", "contrast=5", "saturation=5"
    )
    assert code == 2 and "0 to 60" in err
    assert sets(cam) == []


def test_required_companions_are_added_from_the_device(capsys, sim_camera):
    cam = sim_camera("GXV3672_FHD")
    cam.set_value("videocontrol", "contrast", "77")
    code, _, err = run(capsys, "set", target(cam), "date_time", "ntpserver=pool.ntp.org")
    assert code == 0, err
    code, _, err = run(capsys, "set", target(cam), "videocontrol", "brightness=10")
    assert code == 0, err
    # The device zeroes an omitted one of the three; the client sent the live contrast along.
    assert cam.value("videocontrol", "contrast") == "77"
    sent = [dict(r.params) for r in sets(cam)]
    assert "updatemode" in sent[0] and "ntpserver" in sent[0]
    assert {"brightness", "contrast", "saturation"} <= set(sent[1])


def test_device_refusal_is_exit_3(capsys, sim_camera):
    cam = sim_camera("GXV3672_FHD")
    code, _, err = run(
        capsys, "add", target(cam), "usermanage", "user.name=viewer",
        "user.password=Viewer-Pass-1", "user.level=1",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run(
        capsys, "set", f"viewer:Viewer-Pass-1@{cam.host}:{cam.port}", "osd", "osdtext=x"
    )
    assert code == 3 and "No Privilege" in err
    assert "Viewer-Pass-1" not in err


def test_wrong_password_is_one_clear_line(capsys, sim_camera):
    cam = sim_camera()
    code, _, err = run(capsys, "get", f"admin:nope@{cam.host}:{cam.port}", "osd")
    assert code == 3
    assert "wrong user name or password" in err
    assert "Traceback" not in err and "nope" not in err


def test_unreachable_is_exit_4(capsys):
    code, _, err = run(capsys, "get", "127.0.0.1:1", "osd", "--timeout", "1")
    assert code == 4 and "refused" in err


def test_needs_reboot_answer(capsys, camera):
    code, out, _ = run(capsys, "set", target(camera), "systemlog", "loglevel=3")
    assert (code, out.strip()) == (0, "Successful (reboot required)")


def test_add_and_remove_schedule(capsys, camera):
    before = len(camera.items("motiondetect", "schedules"))
    code, _out, err = run(
        capsys, "add", target(camera), "motiondetect", "md.regn.index=0",
        "md_regn_schedule_dayset=2", "md.regn.schedule.starttime=08:00",
        "md.regn.schedule.endtime=17:30",
    )  # fmt: skip
    assert code == 0, err
    items = camera.items("motiondetect", "schedules")
    assert len(items) == before + 1
    new = items[-1]
    assert new["md.regn.schedule.starttime"] == "28800"
    assert new["md.regn.schedule.endtime"] == "63000"
    code, _, err = run(
        capsys, "remove", target(camera), "motiondetect",
        f"md.regn.schedule.id={new['md.regn.schedule.id']}",
    )  # fmt: skip
    assert code == 0, err
    assert len(camera.items("motiondetect", "schedules")) == before


def test_channel_blocks_on_the_encoder(capsys, sim_camera):
    cam = sim_camera("GXV3504")
    code, out, err = run(
        capsys, "set", target(cam), "osd", "osdtext=Gate 3 & yard", "--channel", "2"
    )
    assert code == 0, err
    assert cam.value("osd", "osdtext", channel=2) == "Gate 3 & yard"
    assert cam.value("osd", "osdtext", channel=0) != "Gate 3 & yard"
    code, out, _ = run(capsys, "get", target(cam), "osd", "--json")
    data = json.loads(out)
    assert data["channels"]["2"]["values"]["osdtext"] == "Gate 3 & yard"


def test_backup_and_restore_round_trip(capsys, tmp_path, sim_camera):
    cam = sim_camera("GXV3504")
    path = tmp_path / "cam.json"
    code, out, err = run(capsys, "backup", target(cam), "-o", str(path))
    assert code == 0, err
    data = json.loads(path.read_text())
    assert data["model"] == "GXV3504" and data["mac"] == cam.mac
    assert set(data["modules"]["osd"]) == {"0", "1", "2", "3"}
    assert "usermanage.user.password" in data["secrets_not_included"]
    assert TEST_PASSWORD not in path.read_text()

    cam.set_value("osd", "osdtext", "changed", channel=1)
    cam.set_value("motiondetect", "md_retrigger_interval", "9")
    code, out, _ = run(capsys, "restore", target(cam), str(path), "--dry-run")
    assert code == 0 and "nothing was sent" in out
    assert "osdtext: changed -> " in out
    assert cam.value("osd", "osdtext", channel=1) == "changed"

    cam.clear_requests()
    code, out, err = run(capsys, "restore", target(cam), str(path))
    assert code == 0, err
    assert cam.value("osd", "osdtext", channel=1) != "changed"
    assert (
        cam.value("motiondetect", "md_retrigger_interval")
        == (data["modules"]["motiondetect"]["0"]["values"]["md_retrigger_interval"])
    )
    changed_modules = {r.module for r in sets(cam)}
    assert changed_modules == {"osd", "motiondetect"}


def test_restore_refuses_another_model(capsys, tmp_path, sim_camera):
    a, b = sim_camera("GXV3504"), sim_camera("GXV3672_FHD")
    path = tmp_path / "a.json"
    assert run(capsys, "backup", target(a), "-o", str(path))[0] == 0
    code, _, err = run(capsys, "restore", target(b), str(path))
    assert code == 2 and "--force" in err


def test_snapshot_writes_a_jpeg(capsys, tmp_path, sim_camera):
    cam = sim_camera()
    out_file = tmp_path / "snap.jpg"
    code, _, err = run(capsys, "snapshot", target(cam), "-o", str(out_file))
    assert code == 0, err
    assert out_file.read_bytes()[:2] == b"\xff\xd8"


def test_ptz_timed_move_ends_with_stop(capsys, sim_camera):
    cam = sim_camera("GXV3504")
    start = cam.ptz_position(1)
    code, _out, err = run(
        capsys, "ptz", target(cam), "right", "--speed", "40", "--duration", "0.4", "--channel", "1"
    )
    assert code == 0, err
    moved = cam.ptz_position(1)
    assert moved[0] != start[0]
    controls = [
        dict(r.params).get("ptzcontrol")
        for r in cam.requests
        if r.module == "ptz" and r.cmd == "set"
    ]
    assert controls == ["4", "0"]


def test_ptz_presets(capsys, sim_camera):
    cam = sim_camera("GXV3504")
    assert run(capsys, "ptz", target(cam), "set-preset", "--preset", "5")[0] == 0
    here = cam.ptz_position(0)
    run(capsys, "ptz", target(cam), "left", "--duration", "0.3")
    assert cam.ptz_position(0) != here
    assert run(capsys, "ptz", target(cam), "goto", "--preset", "5")[0] == 0
    assert pytest.approx(cam.ptz_position(0), abs=1.0) == here


def test_discover_sweeps_loopback(capsys, sim_camera):
    cams = [sim_camera("GXV3672_FHD"), sim_camera("GXV3504")]
    ports = [str(c.port) for c in cams]
    code, out, err = run(
        capsys, "discover", "--subnet", "127.0.0.1/32", "--port", ports[0], "--port", ports[1],
        "--user", "admin", "--password", TEST_PASSWORD, "--json",
    )  # fmt: skip
    assert code == 0, err
    found = [json.loads(line) for line in out.splitlines()]
    assert sorted(f["mac"] for f in found) == sorted(c.mac for c in cams)
    assert {f["model"] for f in found} == {"GXV3672_FHD", "GXV3504"}


def test_raw_http_spelling_is_strict(sim_camera):
    """The simulator refuses the other spelling, so the CLI tests above prove adaptation."""
    cam = sim_camera(spelling="underscores")
    reply = requests.get(
        f"{cam.url}/goform/audio_video?cmd=set&video.primary.framerate=10",
        auth=("admin", TEST_PASSWORD),
        timeout=5,
    )
    assert "Invalid" in reply.text
    assert module("audio_video").find("video.primary.framerate") is not None
