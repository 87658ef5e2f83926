"""Live-view throughput: 4 and then 9 simultaneous 1280x720 MJPEG streams in a LiveGrid.

Usage::

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_streams.py [--seconds 10] [--size 1280x800]

The simulated cameras run in a separate process (``python -m gxvdesk.sim --prerendered``:
pre-encoded frames, so the simulator is not what is measured) and stream 1280x720 at
25 fps. For each layout the script warms up one full picture cycle, then measures:

- frames displayed per second, per stream (frames actually painted, not just received);
- the UI event loop's worst stall: the largest gap between ticks of a 10 ms QTimer;
- CPU% of this (viewer) process and of the simulator process (100% = one core);
- the viewer's resident memory (RSS) before and after.

Prints a table; exits 1 when a target is missed (4 streams >= 24 fps with stalls <= 50 ms;
3x3 >= 20 fps).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from gxvdesk.protocol.client import Camera
from gxvdesk.ui.live import LiveGrid

PASSWORD = "bench"
MODEL = "GXV3672_HD"  # primary stream 1280x720 at 25 fps by default
CYCLE_SECONDS = 8.0  # the simulator's picture repeats every 8 s (pre-encoded once)


@dataclass
class Result:
    label: str
    streams: int
    fps: list[float]
    arriving: list[float]
    worst_stall_ms: float
    p99_gap_ms: float
    viewer_cpu: float
    sim_cpu: float
    rss_before_mb: float
    rss_after_mb: float
    tile: tuple[int, int]
    decoded: tuple[int, int]


def start_simulators(count: int) -> tuple[subprocess.Popen[str], list[str]]:
    cmd = [sys.executable, "-m", "gxvdesk.sim", "--model", MODEL, "--count", str(count),
           "--prerendered", "--password", PASSWORD]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    urls = [proc.stdout.readline().strip() for _ in range(count)]
    if not all(u.startswith("http") for u in urls):
        proc.kill()
        raise SystemExit(f"the simulator did not start: {urls}")
    return proc, urls


def make_mjpeg(url: str) -> Camera:
    camera = Camera(url, user="admin", password=PASSWORD, timeout=5.0)
    camera.set("audio_video", {"video.primary.encoder": "26"})
    return camera


class StallMeter:
    """Ticks every 10 ms on the UI thread and records the gaps between ticks."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        self.gaps.append(self.clock.nsecsElapsed() / 1e6)
        self.clock.restart()


def run_for(app: QApplication, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)  # like an idle event loop: wake for events, not spin


def measure(app: QApplication, grid: LiveGrid, label: str, seconds: float,
            sim: psutil.Process) -> Result:  # fmt: skip
    me = psutil.Process()
    previews = grid.previews
    run_for(app, CYCLE_SECONDS + 1.0)  # warm up: connect, and one whole picture cycle
    rss_before = me.memory_info().rss
    painted = [p.view.frames_painted for p in previews]
    received = [p.source.frames_received for p in previews]
    meter = StallMeter()
    me.cpu_percent(None)
    sim.cpu_percent(None)
    started = time.monotonic()
    meter.start()
    # A real event loop (exec), so the stall meter sees what a user would. Not app.exec():
    # quitting the application closes its windows.
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    meter.stop()
    elapsed = time.monotonic() - started
    viewer_cpu, sim_cpu = me.cpu_percent(None), sim.cpu_percent(None)
    fps = [(p.view.frames_painted - n) / elapsed for p, n in zip(previews, painted, strict=True)]
    arriving = [
        (p.source.frames_received - n) / elapsed for p, n in zip(previews, received, strict=True)
    ]
    gaps = sorted(meter.gaps[1:])
    view = previews[0].view
    frame = view.frame
    decoded = (frame.image.width(), frame.image.height()) if frame is not None else (0, 0)
    return Result(
        label=label,
        streams=len(previews),
        fps=fps,
        arriving=arriving,
        worst_stall_ms=gaps[-1],
        p99_gap_ms=gaps[int(len(gaps) * 0.99)],
        viewer_cpu=viewer_cpu,
        sim_cpu=sim_cpu,
        rss_before_mb=rss_before / 2**20,
        rss_after_mb=me.memory_info().rss / 2**20,
        tile=(view.width(), view.height()),
        decoded=decoded,
    )


def report(r: Result) -> None:
    print(f"\n{r.label}: {r.streams} streams of 1280x720 MJPEG at 25 fps")
    print(f"  tile {r.tile[0]}x{r.tile[1]} px, frames decoded at {r.decoded[0]}x{r.decoded[1]}")
    print("  displayed fps per stream: " + ", ".join(f"{f:.1f}" for f in r.fps))
    print(f"  min {min(r.fps):.1f}  mean {sum(r.fps) / len(r.fps):.1f} fps "
          f"(frames arriving: mean {sum(r.arriving) / len(r.arriving):.1f} fps)")  # fmt: skip
    print(f"  UI loop: worst stall {r.worst_stall_ms:.1f} ms, 99th percentile gap "
          f"{r.p99_gap_ms:.1f} ms (timer interval 10 ms)")  # fmt: skip
    print(f"  CPU: viewer {r.viewer_cpu:.0f}%, simulator {r.sim_cpu:.0f}% "
          f"(100% = one core; {psutil.cpu_count()} cores)")  # fmt: skip
    print(f"  RSS viewer: {r.rss_before_mb:.0f} MB -> {r.rss_after_mb:.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="measuring time per layout")
    parser.add_argument("--size", default="1280x800", help="window size (default 1280x800)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))

    proc, urls = start_simulators(9)
    try:
        sim = psutil.Process(proc.pid)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        cameras = [(f"Camera {i + 1}", make_mjpeg(url)) for i, url in enumerate(urls)]
        grid = LiveGrid(columns=2)
        grid.resize(width, height)
        grid.set_cameras(cameras[:4])
        grid.show()
        four = measure(app, grid, "2x2 grid", args.seconds, sim)
        report(four)
        grid.set_cameras(cameras)
        grid.set_columns(3)
        nine = measure(app, grid, "3x3 grid", args.seconds, sim)
        report(nine)
        grid.shutdown()
    finally:
        proc.terminate()
        proc.wait(10)
    ok = min(four.fps) >= 24 and four.worst_stall_ms <= 50 and min(nine.fps) >= 20
    print(f"\ntargets (4 x >= 24 fps, stalls <= 50 ms; 3x3 >= 20 fps): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
