"""Live previews against the simulator: MJPEG, snapshots, reconnects, hiding, memory, grid."""

from __future__ import annotations

import gc
import io
import time
import tracemalloc

import pytest
from conftest import TEST_PASSWORD
from PIL import Image
from PySide6.QtCore import QPoint, Qt

from gxvdesk.protocol.client import Camera
from gxvdesk.ui.live import FrameSource, FrameView, LiveGrid, PreviewWidget

pytestmark = pytest.mark.gui

MJPEG = "26"


def camera_of(sim) -> Camera:
    return Camera(sim.url, user="admin", password=TEST_PASSWORD, timeout=5.0)


def stream_requests(sim) -> int:
    return sum(1 for r in sim.requests if r.path == "/goform/stream")


def picture_requests(sim) -> int:
    return sum(1 for r in sim.requests if r.path.startswith(("/goform/stream", "/snapshot/")))


@pytest.fixture
def show(qtbot):
    """Show a preview-like widget; shut it down at the end of the test."""
    shown = []

    def show(widget, size=(480, 320)):
        qtbot.addWidget(widget)
        widget.resize(*size)
        widget.show()
        qtbot.waitExposed(widget)
        shown.append(widget)
        return widget

    yield show
    for widget in shown:
        widget.hide()
        assert widget.shutdown(3.0) in (True, None)


def test_mjpeg_preview_receives_frames(sim_camera, qtbot, show):
    sim = sim_camera()
    sim.set_value("audio_video", "video.primary.encoder", MJPEG)
    sim.set_value("audio_video", "video.primary.resolution", "1280x720")
    preview = show(PreviewWidget(camera_of(sim), "Gate"))
    qtbot.waitUntil(lambda: preview.view.frames_painted >= 5, timeout=15000)
    source = preview.source
    assert source.using == "mjpeg"
    assert source.state == "live"
    assert preview.view.frame.source_size == (1280, 720)  # the configured resolution
    assert preview.view.frame.image.width() <= preview.view.width()  # decoded at shown size
    assert "fps" in preview.view.status_line()[0]
    assert stream_requests(sim) == 1


def test_h264_stream_is_polled_as_snapshots(sim_camera, qtbot, show):
    sim = sim_camera()  # the default codec is H.264: no MJPEG stream
    preview = show(PreviewWidget(camera_of(sim), "Yard", snapshot_rate=5.0))
    qtbot.waitUntil(lambda: preview.source.frames_received >= 3, timeout=15000)
    assert preview.source.using == "snapshot"
    assert stream_requests(sim) == 0
    assert "snapshots" in preview.view.status_line()[0]


def test_broken_stream_reconnects_and_keeps_receiving(sim_camera, qtbot, show):
    sim = sim_camera(fault="cutstream")  # each stream ends mid-frame after 5 frames
    sim.set_value("audio_video", "video.primary.encoder", MJPEG)
    preview = show(PreviewWidget(camera_of(sim), "Cut"))
    states = []
    preview.source.state_changed.connect(lambda state, text: states.append((state, text)))
    qtbot.waitUntil(lambda: preview.source.frames_received >= 14, timeout=30000)
    assert stream_requests(sim) >= 3
    reconnecting = [text for state, text in states if state == "reconnecting"]
    assert reconnecting and reconnecting[0].startswith("reconnecting in 0.5 s: ")
    assert "interrupted" in reconnecting[0]
    qtbot.waitUntil(lambda: preview.source.state == "live", timeout=15000)


def test_hidden_preview_stops_asking_for_pictures(sim_camera, qtbot, show):
    sim = sim_camera()
    sim.set_value("audio_video", "video.primary.encoder", MJPEG)
    preview = show(PreviewWidget(camera_of(sim), "Hide"))
    qtbot.waitUntil(lambda: preview.source.frames_received >= 3, timeout=15000)
    preview.hide()
    assert preview.source.state == "stopped"
    assert preview.source.shutdown(3.0)  # the worker ends after its current frame
    before = picture_requests(sim)
    painted = preview.view.frames_painted
    qtbot.wait(1200)
    assert picture_requests(sim) == before
    assert preview.view.frames_painted == painted
    preview.show()  # and comes back when shown again
    qtbot.waitUntil(lambda: picture_requests(sim) > before, timeout=15000)


def test_wrong_password_is_shown_in_words(sim_camera, qtbot, show):
    sim = sim_camera()
    camera = Camera(sim.url, user="admin", password="wrong", timeout=5.0, retries=0)
    preview = show(PreviewWidget(camera, "Locked"))
    qtbot.waitUntil(lambda: preview.source.state == "reconnecting", timeout=15000)
    text = preview.view.status_line()[0]
    assert "wrong user name or password" in text
    assert "wrong" not in text.replace("wrong user name", "")  # never the password itself


def test_snapshot_to_file(sim_camera, qtbot, show, tmp_path):
    sim = sim_camera()  # a GXV3672_FHD: primary stream 1920x1080
    preview = show(PreviewWidget(camera_of(sim), "Shot"))
    path = tmp_path / "gate.jpg"
    with qtbot.waitSignal(preview.snapshot_saved, timeout=15000) as saved:
        preview.save_snapshot(str(path))
    assert saved.args == [str(path)]
    assert Image.open(io.BytesIO(path.read_bytes())).size == (1920, 1080)
    with qtbot.waitSignal(preview.snapshot_failed, timeout=15000) as failed:
        preview.save_snapshot(str(tmp_path / "missing-folder" / "x.jpg"))
    assert "No such file or directory" in failed.args[0]


def test_encoder_offers_its_channels_and_secondary_stream(sim_camera, qtbot, show):
    sim = sim_camera("GXV3504")
    sim.set_value("audio_video", "video.secondary.encoder", MJPEG, channel=2)
    preview = show(PreviewWidget(camera_of(sim), "Encoder"))
    qtbot.waitUntil(lambda: preview.channel_box.isVisible(), timeout=15000)
    assert preview.channel_box.count() == 4
    preview.set_stream("secondary", 2)
    qtbot.waitUntil(lambda: preview.source.using == "mjpeg", timeout=15000)
    qtbot.waitUntil(lambda: stream_requests(sim) >= 1, timeout=15000)
    streams = [r for r in sim.requests if r.path == "/goform/stream"]
    assert ("channel", "6") in streams[-1].params  # input 3, secondary = 2 + 4


def test_shutdown_is_quick_while_streaming(sim_camera, qtbot, show):
    sim = sim_camera()
    sim.set_value("audio_video", "video.primary.encoder", MJPEG)
    preview = show(PreviewWidget(camera_of(sim), "Quick"))
    qtbot.waitUntil(lambda: preview.source.frames_received >= 2, timeout=15000)
    started = time.monotonic()
    assert preview.shutdown(2.0)
    assert time.monotonic() - started < 2.0


class FastCamera:
    """Serves the same JPEG as fast as it is read: a stream far faster than the screen."""

    model = "GXV3672_FHD"

    def __init__(self, jpeg: bytes, frames: int) -> None:
        self.jpeg, self.frames, self.served = jpeg, frames, 0

    def mjpeg_frames(self, stream="primary", channel=0, chunk_size=0):
        while self.served < self.frames:
            self.served += 1
            yield self.jpeg
        time.sleep(0.05)  # the "camera" has nothing more: the worker will reconnect

    def __repr__(self) -> str:
        return "FastCamera()"


def test_memory_stays_flat_when_frames_come_faster_than_the_screen(qtbot, show):
    psutil = pytest.importorskip("psutil")
    out = io.BytesIO()
    Image.new("RGB", (640, 360), (30, 90, 160)).save(out, "JPEG", quality=80)
    camera = FastCamera(out.getvalue(), frames=2000)
    source = FrameSource(camera, mode="mjpeg")
    view = show(FrameView(source, "Flood"), size=(320, 200))
    mailbox = source.mailbox
    backlog = []
    process = psutil.Process()
    gc.collect()
    tracemalloc.start()
    rss_at_200 = None
    try:
        while camera.served < 2000:
            qtbot.wait(5)
            backlog.append(mailbox.notices - mailbox.taken)
            if rss_at_200 is None and mailbox.delivered >= 200:
                rss_at_200 = process.memory_info().rss
                tracemalloc.reset_peak()
        source.stop()
        qtbot.waitUntil(lambda: mailbox.pending == 0 or not source.running, timeout=5000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert mailbox.delivered >= 1990
    assert max(backlog) <= 1  # never more than one frame (and one notice) waiting
    assert mailbox.pending <= 1
    assert mailbox.dropped > 0  # frames came faster than they were shown: old ones dropped
    assert view.frames_painted > 0
    assert peak < 8 * 1024 * 1024  # Python allocations stay small
    if rss_at_200 is not None:
        assert process.memory_info().rss - rss_at_200 < 40 * 1024 * 1024


def test_grid_layouts_and_double_click(sim_camera, qtbot, show):
    sims = [sim_camera() for _ in range(5)]
    grid = show(LiveGrid(columns=2, snapshot_rate=4.0), size=(900, 700))
    grid.set_cameras([(f"Camera {i + 1}", camera_of(s)) for i, s in enumerate(sims)])
    assert len(grid.previews) == 4 and grid.pages == 2
    qtbot.waitUntil(lambda: all(p.view.frame is not None for p in grid.previews), timeout=20000)
    assert picture_requests(sims[4]) == 0  # the fifth camera is on page 2: not fetched
    preview = grid.previews[2]
    with qtbot.waitSignal(grid.camera_activated, timeout=5000) as activated:
        qtbot.mouseDClick(preview.view, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    assert activated.args == [2]
    grid.set_columns(3)
    assert len(grid.previews) == 5 and grid.pages == 1
    qtbot.waitUntil(lambda: grid.previews[4].view.frame is not None, timeout=20000)
    grid.set_columns(1)
    assert [p.title for p in grid.previews] == ["Camera 1"]
    qtbot.waitUntil(lambda: not grid._previews[1].source.running, timeout=5000)
    assert not grid._previews[1].isVisible()


def test_a_frame_is_shown_without_waiting_for_the_next_one(sim_camera, qtbot, show):
    """At 1 fps each frame must show when it arrives, not when the next one pushes it out."""
    sim = sim_camera()
    sim.set_value("audio_video", "video.primary.encoder", MJPEG)
    sim.set_value("audio_video", "video.primary.framerate", 1)
    preview = show(PreviewWidget(camera_of(sim), "Slow"))
    qtbot.waitUntil(lambda: preview.source.frames_received >= 1, timeout=15000)
    asked = next(r.time for r in sim.requests if r.path == "/goform/stream")
    assert preview.source.last_frame_at - asked < 0.8


def test_a_deleted_preview_stops_streaming(sim_camera, qtbot):
    sim = sim_camera()
    sim.set_value("audio_video", "video.primary.encoder", MJPEG)
    preview = PreviewWidget(camera_of(sim), "Gone")
    preview.resize(320, 240)
    preview.show()
    source = preview.source
    qtbot.waitUntil(lambda: source.frames_received >= 2, timeout=15000)
    preview.deleteLater()
    qtbot.waitUntil(lambda: not source.running, timeout=5000)
    assert source.shutdown(3.0)
