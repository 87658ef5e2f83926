"""The camera simulator over real HTTP on loopback ports (gxvdesk.sim)."""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PIL import Image

from gxvdesk.registry import REGISTRY, modules_for
from gxvdesk.sim import SimCamera, SimCluster

ADMIN = ("admin", "admin")
ROOT = Path(__file__).resolve().parents[1]
FULL_FRAME = ((0 << 16) | 0, (704 << 16) | 576)  # leftup, rightdown of a whole-picture region


def get(cam: SimCamera, module: str, query: str = "", auth: tuple[str, str] | None = ADMIN,
        **kwargs: object) -> requests.Response:  # fmt: skip
    """``GET /goform/<module>?cmd=get&<query>`` with the query sent exactly as written."""
    url = f"{cam.url}/goform/{module}?cmd=get" + (f"&{query}" if query else "")
    return requests.get(url, auth=auth, timeout=5, **kwargs)  # type: ignore[arg-type]


def cmd(cam: SimCamera, module: str, verb: str, query: str,
        auth: tuple[str, str] = ADMIN) -> str:  # fmt: skip
    """Send ``cmd=<verb>&<query>`` and return the answer line."""
    r = requests.get(f"{cam.url}/goform/{module}?cmd={verb}&{query}", auth=auth, timeout=5)
    assert r.status_code == 200, r.text
    assert r.text.endswith("\r\n")
    return r.text.strip()


def pairs(text: str) -> list[tuple[str, str]]:
    """A GET body as ordered pairs (tolerant: LF endings, blank and junk lines skipped)."""
    out = []
    for line in text.replace("\r", "\n").split("\n"):
        if "=" in line:
            key, _, value = line.partition("=")
            out.append((key, value))
    return out


def wait_until(check, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


def reachable(url: str) -> bool:
    try:
        requests.get(f"{url}/goform/systeminfo?cmd=get", auth=ADMIN, timeout=1)
    except requests.ConnectionError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def cam() -> Iterator[SimCamera]:
    with SimCamera(model="GXV3672_FHD", reboot_seconds=0.4) as camera:
        yield camera


@pytest.fixture
def encoder() -> Iterator[SimCamera]:
    with SimCamera(model="GXV3504") as camera:
        yield camera


# authentication -------------------------------------------------------------------------


def test_missing_or_wrong_credentials_get_401(cam: SimCamera) -> None:
    for auth in (None, ("admin", "wrong"), ("nobody", "admin")):
        r = get(cam, "systeminfo", auth=auth)
        assert r.status_code == 401
        assert r.headers["WWW-Authenticate"] == 'Basic realm="GXV"'
    assert requests.get(f"{cam.url}/snapshot/view0.jpg", timeout=5).status_code == 401
    assert get(cam, "systeminfo").status_code == 200


def test_user_level_reads_but_cannot_change(cam: SimCamera) -> None:
    assert cmd(cam, "usermanage", "add", "user.name=bob&user.password=pw&user.level=1") == (
        "Successful"
    )
    bob = ("bob", "pw")
    assert ("md.active.enable", "0") in pairs(get(cam, "motiondetect", auth=bob).text)
    assert cmd(cam, "motiondetect", "set", "md.active.enable=1", auth=bob) == "No Privilege"
    assert cmd(cam, "usermanage", "remove", "user.name=admin", auth=bob) == "No Privilege"
    assert cam.value("motiondetect", "md.active.enable") == "0"
    users = pairs(get(cam, "usermanage").text)
    assert ("user.count", "2") in users and ("user.name", "bob") in users
    assert not any(k == "user.password" for k, _ in users)


def test_anonymous_may_fetch_pictures_only(cam: SimCamera) -> None:
    cam.set_value("usermanage", "anonymous.enable", 1)
    assert requests.get(f"{cam.url}/snapshot/view0.jpg", timeout=5).status_code == 200
    assert get(cam, "systeminfo", auth=None).status_code == 401


# GET bodies -----------------------------------------------------------------------------


def test_get_body_single_channel(cam: SimCamera) -> None:
    r = get(cam, "systeminfo")
    assert r.headers["Content-Type"].startswith("text/plain")
    assert r.text.endswith("\r\n") and "\n" not in r.text.replace("\r\n", "")
    info = dict(pairs(r.text))
    assert info["productmode"] == "GXV3672_FHD"
    assert info["mac"] == cam.mac == "000B82000001"
    assert info["devicename"] == "Camera 1"
    assert info["ipaddress"] == "127.0.0.1"
    assert info["firmwareversion"].count(".") == 3
    av = pairs(get(cam, "audio_video").text)
    assert not any(k == "channel" for k, _ in av)
    assert av[0] == ("video.primary.encoder", "96")
    assert ("video.primary.resolution", str((1920 << 16) | 1080)) in av
    net = dict(pairs(get(cam, "network").text))
    assert net["httpport"] == str(cam.port)


def test_get_channel_blocks_on_gxv3504(encoder: SimCamera) -> None:
    av = pairs(get(encoder, "audio_video").text)
    assert [v for k, v in av if k == "channel"] == ["0", "1", "2", "3"]
    assert av[0] == ("channel", "0")
    per_block = len(av) // 4
    assert av[per_block] == ("channel", "1")
    md = pairs(get(encoder, "motiondetect").text)
    assert [v for k, v in md if k == "md.channel.index"] == ["0", "1", "2", "3"]
    one = pairs(get(encoder, "audio_video", "channel=2").text)
    assert one[0] == ("channel", "2") and len(one) == per_block
    assert get(encoder, "audio_video", "channel=4").status_code == 404
    # a module without a channel key has no channel lines
    assert not any(k == "channel" for k, _ in pairs(get(encoder, "network").text))


def test_region_slots_and_schedule_list(cam: SimCamera) -> None:
    md = pairs(get(cam, "motiondetect").text)
    regions = [i for i, (k, _) in enumerate(md) if k == "md.regn.index"]
    assert [md[i][1] for i in regions] == [str(n) for n in range(16)]
    first = regions[0]
    assert [k for k, _ in md[first : first + 4]] == [
        "md.regn.index", "md.regn.leftup", "md.regn.rightdown", "md.regn.sensitivity",
    ]  # fmt: skip
    assert ("md.regn.schedule.count", "0") in md
    add = "md.regn.index=3&md.regn.schedule.dayset=2&md.regn.schedule.starttime=3600"
    assert cmd(cam, "motiondetect", "add", add) == "Successful"
    assert cmd(cam, "motiondetect", "add", "md.regn.index=0") == "Successful"
    md = pairs(get(cam, "motiondetect").text)
    start = md.index(("md.regn.schedule.count", "2"))
    assert md[start + 1 : start + 6] == [
        ("md.regn.schedule.id", "1"),
        ("md.regn.index", "3"),
        ("md.regn.schedule.dayset", "2"),
        ("md.regn.schedule.starttime", "3600"),
        ("md.regn.schedule.endtime", "86399"),
    ]
    assert md[start + 6 : start + 9] == [
        ("md.regn.schedule.id", "2"), ("md.regn.index", "0"), ("md.regn.schedule.dayset", "7"),
    ]  # fmt: skip


# set ------------------------------------------------------------------------------------


def test_set_is_all_or_nothing(cam: SimCamera) -> None:
    bad = "md.active.enable=1&md_retrigger_interval=5&md.regn.index=2&md.regn.sensitivity=101"
    assert cmd(cam, "motiondetect", "set", bad) == "md.regn.sensitivity Invalid"
    assert cam.value("motiondetect", "md.active.enable") == "0"
    assert cam.value("motiondetect", "md_retrigger_interval") == "1"
    assert cmd(cam, "motiondetect", "set", "md.active.enable=1&no.such.name=1") == (
        "no.such.name Invalid"
    )
    assert cmd(cam, "audio_video", "set", "video.primary.resolution=1280x720") == (
        "video.primary.resolution Invalid"  # wire text only, not a label
    )
    good = (
        "md.active.enable=1&md.regn.index=2&md.regn.sensitivity=80"
        "&md.regn.index=5&md.regn.sensitivity=7"
    )
    assert cmd(cam, "motiondetect", "set", good) == "Successful"
    assert cam.value("motiondetect", "md.active.enable") == "1"
    assert cam.value("motiondetect", "md.regn.sensitivity", slot=2) == "80"
    assert cam.value("motiondetect", "md.regn.sensitivity", slot=5) == "7"
    assert cam.value("motiondetect", "md.regn.sensitivity", slot=0) == "50"
    assert cmd(cam, "motiondetect", "set", "md.regn.sensitivity=3") == "md.regn.index Missing"


def test_read_only_and_unknown_module(cam: SimCamera) -> None:
    assert cmd(cam, "systeminfo", "set", "productmode=GXV3500") == "productmode Invalid"
    assert cmd(cam, "usermanage", "set", "user.count=3") == "user.count Invalid"
    assert cmd(cam, "systeminfo", "set", "devicename=Gate") == "Successful"
    assert dict(pairs(get(cam, "systeminfo").text))["devicename"] == "Gate"
    assert dict(pairs(get(cam, "device").text))["devicename"] == "Gate"
    assert get(cam, "nosuchmodule").status_code == 404
    assert get(cam, "wireless").status_code == 404  # not on this model
    r = requests.get(f"{cam.url}/goform/systeminfo?cmd=add", auth=ADMIN, timeout=5)
    assert r.status_code == 404


def test_remove_by_remove_key(cam: SimCamera) -> None:
    files = cam.items("storage", "files")
    assert len(files) == 2
    name = files[0]["file.name"]
    assert cmd(cam, "storage", "remove", "file.name=/sd/nothing.jpg") == "file.name Invalid"
    assert cmd(cam, "storage", "remove", f"file.name={name}") == "Successful"
    assert ("file.count", "1") in pairs(get(cam, "storage").text)
    assert cmd(cam, "storage", "remove", "storage.index=101") == "file.name Missing"


def test_secret_is_stored_but_never_returned(cam: SimCamera) -> None:
    assert cmd(cam, "ftp", "set", "ftpuser=cam&ftppassword=s3cret") == "Successful"
    body = get(cam, "ftp").text
    assert "s3cret" not in body and "ftppassword" not in body
    assert cam.value("ftp", "ftppassword") == "s3cret"


def test_post_form_body(cam: SimCamera) -> None:
    r = requests.post(f"{cam.url}/goform/osd", data={"cmd": "set", "osdtext": "Front door"},
                      auth=ADMIN, timeout=5)  # fmt: skip
    assert r.text == "Successful\r\n"
    assert cam.value("osd", "osdtext") == "Front door"
    log = cam.requests[-1]
    assert (log.method, log.path, log.module, log.cmd) == ("POST", "/goform/osd", "osd", "set")
    assert log.params == [("osdtext", "Front door")]


def test_spelling_modes_are_strict() -> None:
    with SimCluster(models=["GXV3672_FHD"], count=1, spelling="underscores") as under, SimCamera(
        spelling="dots"
    ) as dots:  # fmt: skip
        u = under.cameras[0]
        md = dict(pairs(get(u, "motiondetect").text))
        assert "md_active_enable" in md and "md.active.enable" not in md
        assert "md_retrigger_interval" in md
        assert cmd(u, "motiondetect", "set", "md.active.enable=1") == "md.active.enable Invalid"
        assert cmd(u, "motiondetect", "set", "md_active_enable=1") == "Successful"
        assert u.value("motiondetect", "md.active.enable") == "1"
        assert "md.active.enable" in dict(pairs(get(dots, "motiondetect").text))
        assert cmd(dots, "motiondetect", "set", "md_active_enable=1") == "md_active_enable Invalid"


def test_videocontrol_omitted_values_become_zero(cam: SimCamera) -> None:
    assert cmd(cam, "videocontrol", "set", "brightness=100") == "Successful"
    assert cam.value("videocontrol", "brightness") == "100"
    assert cam.value("videocontrol", "contrast") == "0"
    assert cam.value("videocontrol", "saturation") == "0"


def test_required_parameters_missing() -> None:
    with SimCamera(model="GXV3500") as cam:
        assert cmd(cam, "date_time", "set", "ntpserver=time.example") == "updatemode Missing"
        assert cmd(cam, "date_time", "set", "updatemode=2&ntpserver=time.example") == "Successful"
        assert cmd(cam, "ptz", "set", "protocol=1") == "Successful"
        assert cmd(cam, "ptz", "set", "ptzcontrol=0") == "ptzparam Missing"


def test_add_and_remove_schedules(cam: SimCamera) -> None:
    for day in (1, 2, 3):
        assert cmd(cam, "alarmio", "add", f"alarmin.index=0&alarmin.schedule.dayset={day}") == (
            "Successful"
        )
    items = cam.items("alarmio", "schedules")
    assert [i["alarmin.schedule.id"] for i in items] == ["1", "2", "3"]
    assert cmd(cam, "alarmio", "remove", "alarmin.schedule.id=2") == "Successful"
    assert [i["alarmin.schedule.dayset"] for i in cam.items("alarmio", "schedules")] == ["1", "3"]
    assert cmd(cam, "alarmio", "remove", "alarmin.schedule.id=9") == "alarmin.schedule.id Invalid"
    assert cmd(cam, "alarmio", "remove", "alarmin.index=0") == "alarmin.schedule.id Missing"
    assert cmd(cam, "alarmio", "add", "alarmin.schedule.dayset=1") == "Successful"
    assert cmd(cam, "alarmio", "remove", "alarmin.schedule.id=1,3") == "Successful"
    assert [i["alarmin.schedule.id"] for i in cam.items("alarmio", "schedules")] == ["4"]
    assert cmd(cam, "alarmio", "remove", "alarmin.schedule.id=0") == "Successful"
    assert cam.items("alarmio", "schedules") == []
    assert cmd(cam, "sip", "add", "phone.name=Guard&phone.number=100") == ("Successful Need Reboot")


def test_network_answers_need_reboot(cam: SimCamera) -> None:
    assert cmd(cam, "network", "set", "subnetmask=255.255.255.0") == "Successful Need Reboot"
    assert cmd(cam, "osd", "set", "osdtimeshow=0") == "Successful"


def test_reboot_goes_away_comes_back_at_new_address(cam: SimCamera) -> None:
    old, new = cam.url, free_port()
    query = f"httpport={new}&ipaddress=127.0.0.3"
    assert cmd(cam, "network", "set", query) == "Successful Need Reboot"
    assert cam.url == old  # pending until the reboot
    assert cmd(cam, "maintenance", "set", "restart=yes") == "Successful"
    went = time.monotonic()
    assert not reachable(old)
    wait_until(lambda: reachable(f"http://127.0.0.3:{new}"))
    assert time.monotonic() - went >= 0.3
    assert (cam.host, cam.port, cam.mac) == ("127.0.0.3", new, "000B82000001")
    assert dict(pairs(get(cam, "systeminfo").text))["ipaddress"] == "127.0.0.3"
    assert not reachable(old)


def test_restore_resets_settings(cam: SimCamera) -> None:
    assert cmd(cam, "osd", "set", "osdtext=Changed") == "Successful"
    assert cmd(cam, "maintenance", "set", "restore=yes") == "Successful"
    wait_until(lambda: reachable(cam.url))
    assert cam.value("osd", "osdtext") == "Camera 1"


# pictures -------------------------------------------------------------------------------


def jpeg_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "JPEG"
        return img.size


def test_snapshot_is_a_jpeg_at_the_configured_size(cam: SimCamera) -> None:
    packed = (640 << 16) | 480
    assert cmd(cam, "audio_video", "set", f"video.primary.resolution={packed}") == "Successful"
    r = requests.get(f"{cam.url}/snapshot/view0.jpg", auth=ADMIN, timeout=5)
    assert r.headers["Content-Type"] == "image/jpeg"
    assert jpeg_size(r.content) == (640, 480)
    r = requests.get(f"{cam.url}/snapshot/view4.jpg", auth=ADMIN, timeout=5)
    assert jpeg_size(r.content) == (640, 360)
    assert requests.get(f"{cam.url}/snapshot/view1.jpg", auth=ADMIN, timeout=5).status_code == 404


def test_snapshot_views_of_gxv3504(encoder: SimCamera) -> None:
    for view in (0, 3, 7):
        r = requests.get(f"{encoder.url}/snapshot/view{view}.jpg", auth=ADMIN, timeout=5)
        assert jpeg_size(r.content)[0] > 0


def read_parts(r: requests.Response, count: int) -> list[bytes]:
    """Parse multipart/x-mixed-replace parts by their headers and Content-Length."""
    raw, frames = r.raw, []
    while len(frames) < count:
        line = raw.readline()
        if not line:
            break
        if line.strip() != b"--gxvsimframe":
            continue
        headers = {}
        while (h := raw.readline().strip()) != b"":
            name, _, value = h.decode().partition(":")
            headers[name.lower()] = value.strip()
        assert headers["content-type"] == "image/jpeg"
        data = raw.read(int(headers["content-length"]))
        if len(data) < int(headers["content-length"]):
            break
        frames.append(data)
    return frames


def test_mjpeg_stream_frames(cam: SimCamera) -> None:
    url = f"{cam.url}/goform/stream?cmd=get&channel=0"
    assert requests.get(url, auth=ADMIN, timeout=5).status_code == 404  # H.264 configured
    packed = (320 << 16) | 240
    query = f"video.primary.encoder=26&video.primary.framerate=25&video.primary.resolution={packed}"
    assert cmd(cam, "audio_video", "set", query) == "Successful"
    with requests.get(url, auth=ADMIN, stream=True, timeout=5) as r:
        assert r.headers["Content-Type"] == "multipart/x-mixed-replace; boundary=gxvsimframe"
        frames = read_parts(r, 3)
    assert len(frames) == 3
    assert all(jpeg_size(f) == (320, 240) for f in frames)


def test_ptz_moves_until_stopped_and_returns_to_presets() -> None:
    with SimCamera(model="GXV3500") as cam:
        assert cam.ptz_position() == (0.0, 0.0, 1.0)
        assert cmd(cam, "ptz", "set", "ptzcontrol=17&ptzparam=1") == "Successful"  # preset 1
        assert cmd(cam, "ptz", "set", "ptzcontrol=4&ptzparam=40") == "Successful"
        time.sleep(0.25)
        moving = cam.ptz_position()
        assert moving[0] > 5.0
        time.sleep(0.1)
        assert cam.ptz_position()[0] > moving[0]
        assert cmd(cam, "ptz", "set", "ptzcontrol=0&ptzparam=0") == "Successful"
        stopped = cam.ptz_position()
        time.sleep(0.15)
        assert cam.ptz_position() == stopped
        assert cmd(cam, "ptz", "set", "ptzcontrol=1&ptzparam=63") == "Successful"
        time.sleep(0.1)
        assert cmd(cam, "ptz", "set", "ptzcontrol=0&ptzparam=0") == "Successful"
        assert cam.ptz_position()[1] > 0
        assert cmd(cam, "ptz", "set", "ptzcontrol=15&ptzparam=1") == "Successful"
        assert cam.ptz_position() == (0.0, 0.0, 1.0)
        with pytest.raises(ValueError):
            SimCamera(model="GXV3672_FHD").ptz_position()


def test_motion_status_follows_enabled_regions(cam: SimCamera) -> None:
    def status(query: str = "") -> str:
        url = f"{cam.url}/goform/motiondetect?cmd=get_md_statu" + query
        return requests.get(url, auth=ADMIN, timeout=5).text

    assert status() == "md_alarm_statu=0\r\n"
    corner = f"md.regn.index=1&md.regn.leftup=0&md.regn.rightdown={(60 << 16) | 60}"
    assert cmd(cam, "motiondetect", "set", "md.active.enable=1&" + corner) == "Successful"
    assert status() == "md_alarm_statu=0\r\n"  # the object never reaches the top corner
    leftup, rightdown = FULL_FRAME
    full = f"md.regn.index=0&md.regn.leftup={leftup}&md.regn.rightdown={rightdown}"
    assert cmd(cam, "motiondetect", "set", full) == "Successful"
    assert status() == "md_alarm_statu=1\r\n"
    assert cam.motion_active()
    assert get(cam, "motiondetect", "md_statu").text == "md_alarm_statu=1\r\n"
    assert cmd(cam, "motiondetect", "set", "md.active.enable=0") == "Successful"
    assert status() == "md_alarm_statu=0\r\n"


# faults ---------------------------------------------------------------------------------


def test_fault_slow() -> None:
    with SimCamera(fault="slow", slow_seconds=0.3) as cam:
        started = time.monotonic()
        assert get(cam, "systeminfo").status_code == 200
        assert time.monotonic() - started >= 0.3


def test_fault_flaky_alternates_503_and_drop() -> None:
    with SimCamera(fault="flaky") as cam:
        assert get(cam, "systeminfo").status_code == 200
        assert get(cam, "systeminfo").status_code == 503
        assert get(cam, "systeminfo").status_code == 200
        with pytest.raises(requests.ConnectionError):
            get(cam, "systeminfo")
        assert get(cam, "systeminfo").status_code == 200
        assert len(cam.requests) == 5


def test_fault_garbage_keeps_the_real_lines() -> None:
    with SimCamera(fault="garbage") as bad, SimCamera() as good:
        messy = get(bad, "motiondetect").content
        clean = get(good, "motiondetect").text
        assert b"\x00" in messy and b"\r\n" in messy
        assert any(b"=" not in line and line.strip() for line in messy.splitlines())
        lines = pairs(messy.decode("latin-1"))
        assert len(lines) > len(pairs(clean))  # a duplicated line
        assert set(lines) == set(pairs(clean))


def test_fault_cutstream_stops_mid_frame() -> None:
    with SimCamera(fault="cutstream") as cam:
        cam.set_value("audio_video", "video.primary.encoder", 26)
        cam.set_value("audio_video", "video.primary.resolution", "320x240")
        url = f"{cam.url}/goform/stream?cmd=get&channel=0"
        with requests.get(url, auth=ADMIN, stream=True, timeout=5) as r:
            frames = read_parts(r, 10)
        assert len(frames) == 5


def test_fault_authfail() -> None:
    with SimCamera(fault="authfail") as cam:
        assert get(cam, "systeminfo").status_code == 401


# test API, cluster and command line -----------------------------------------------------


def test_request_log_and_test_api(cam: SimCamera) -> None:
    cam.clear_requests()
    get(cam, "motiondetect", "channel=0")
    log = cam.requests
    assert len(log) == 1
    assert (log[0].method, log[0].module, log[0].cmd) == ("GET", "motiondetect", "get")
    assert log[0].params == [("channel", "0")] and log[0].time <= time.monotonic()
    cam.set_value("motiondetect", "md_regn_leftup", "10,20", slot=4)
    assert cam.value("motiondetect", "md.regn.leftup", slot=4) == str((10 << 16) | 20)
    assert cam.value("motiondetect", "md.regn.schedule.count") == "0"
    hidden = SimCamera(password="pa55word")
    assert "pa55word" not in repr(hidden) + repr(hidden.state.identity)


def test_every_module_round_trips_its_own_values() -> None:
    """Each module's GET names are registry names, and setting them back succeeds."""
    with SimCluster(models=["GXV3672_FHD", "GXV3504", "GXV3615W", "GXV3500"]) as cluster:
        for cam in cluster.cameras:
            for module in modules_for(cam.model.name):
                if module.path or module.name == "stream":
                    continue
                lines = pairs(get(cam, module.name).text)
                in_records = {p.key for r in module.records for p in r.params}
                flat = []
                for name, value in lines:
                    if name in ("channel", module.channel_key):
                        if flat:
                            break
                        continue
                    param = module.find(name)
                    assert param is not None, f"{cam.model.name} {module.name}: {name}"
                    if not (param.read_only or param.key in in_records):
                        flat.append(f"{name}={requests.utils.quote(value, safe='')}")
                if "set" in module.verbs and flat and module.name != "systeminfo":
                    answer = cmd(cam, module.name, "set", "&".join(flat))
                    assert answer.startswith("Successful"), (cam.model.name, module.name, answer)


def test_cluster_hosts_macs_and_names() -> None:
    with SimCluster(models=["GXV3672_FHD"], count=3, host=["127.0.0.1", "127.0.0.2"]) as cluster:
        assert len(cluster.urls) == 3
        assert cluster.urls[1].startswith("http://127.0.0.2:")
        macs = {dict(pairs(get(c, "systeminfo").text))["mac"] for c in cluster.cameras}
        assert len(macs) == 3
        names = [c.value("systeminfo", "devicename") for c in cluster.cameras]
        assert names == ["Camera 1", "Camera 2", "Camera 3"]
    assert set(REGISTRY) >= {"audio_video", "motiondetect"}


def test_command_line_serves_until_terminated() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "gxvdesk.sim", "--count", "2", "--password", "pa55word"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        urls = [proc.stdout.readline().strip() for _ in range(2)]
        for url in urls:
            r = requests.get(f"{url}/goform/systeminfo?cmd=get", auth=("admin", "pa55word"),
                             timeout=5)  # fmt: skip
            assert r.status_code == 200
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0
    assert "pa55word" not in out + err + " ".join(urls)


def test_smtp_checks_addresses_once_mail_is_on() -> None:
    with SimCamera(model="GXV3672_FHD") as cam:
        assert cmd(cam, "smtp", "set", "emailfrom=not-an-address") == "Successful"
        assert cmd(cam, "smtp", "set", "enablesmtp=1") == "emailfrom Invalid"
        assert cam.value("smtp", "enablesmtp") == "0"
        assert cmd(cam, "smtp", "set", "enablesmtp=1&emailfrom=cam%40site.example") == "Successful"
