"""The protocol client against the simulator: search, motion status, pictures, channels."""

from __future__ import annotations

import io

import pytest
from conftest import TEST_PASSWORD
from PIL import Image

from gxvdesk.protocol.client import Camera, InvalidSettingsError, view_number
from gxvdesk.protocol.errors import StreamNotMjpegError


def client(cam) -> Camera:
    return Camera(cam.url, user="admin", password=TEST_PASSWORD)


def test_wifi_search_lists_networks(sim_camera):
    cam = sim_camera("GXV3615W")
    reading = client(cam).search("wireless")
    (results,) = reading.block().records.values()
    names = [next(v for k, v in item.items() if k.endswith("ssid")) for item in results]
    assert len(names) == 3 and all(names)


def test_motion_alarm_follows_the_moving_object(sim_camera):
    cam = sim_camera()
    camera = client(cam)
    assert camera.motion_alarm() is False
    camera.set("motiondetect", {"md.active.enable": "1"})
    camera.set(
        "motiondetect",
        {
            "md.regn.index": "0",
            "md.regn.leftup": "0,0",
            "md.regn.rightdown": "704,576",
            "md.regn.sensitivity": "90",
        },
    )
    assert camera.motion_alarm() is True


def test_snapshot_views_follow_stream_and_channel(sim_camera):
    cam = sim_camera("GXV3504")
    camera = client(cam)
    primary = Image.open(io.BytesIO(camera.snapshot("primary", 2)))
    secondary = Image.open(io.BytesIO(camera.snapshot("secondary", 2)))
    assert primary.size != secondary.size
    paths = [r.path for r in cam.requests if r.path.startswith("/snapshot")]
    assert paths == ["/snapshot/view2.jpg", "/snapshot/view6.jpg"]
    assert [view_number(s, c) for s, c in (("primary", 0), ("secondary", 3))] == [0, 7]
    with pytest.raises(ValueError):
        view_number("tertiary", 0)


def test_stream_needs_mjpeg_and_then_delivers_frames(sim_camera):
    cam = sim_camera()
    camera = client(cam)
    with pytest.raises(StreamNotMjpegError, match="set this stream's codec to MJPEG"):
        next(camera.mjpeg_frames())
    camera.set("audio_video", {"video.primary.encoder": "MJPEG"})
    frames = camera.mjpeg_frames()
    first, second = next(frames), next(frames)
    frames.close()
    assert first[:2] == second[:2] == b"\xff\xd8"
    assert Image.open(io.BytesIO(first)).format == "JPEG"


def test_model_specific_range_needs_no_request_to_refuse_garbage(sim_camera):
    cam = sim_camera()
    camera = client(cam)
    with pytest.raises(InvalidSettingsError) as info:
        camera.set("osd", {"osdtext": "x" * 64})
    assert "at most 63 bytes" in str(info.value)
    assert cam.requests == [], "a value no model allows is refused before any request"
