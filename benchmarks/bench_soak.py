"""Memory soak: the app's 2x2 live grid showing 4 MJPEG streams for 10 minutes. Prints RSS.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_soak.py [--minutes 10]

Target: peak RSS <= 250 MB, flat after warm-up (the last minute's mean within 5 % of the
second minute's). Four simulated 1280x720 streams at 25 fps, simulator in its own process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psutil
from bench_streams import make_mjpeg, start_simulators
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from gxvdesk.ui.live import LiveGrid


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    args = parser.parse_args()
    proc, urls = start_simulators(4)
    me = psutil.Process()
    samples: list[tuple[float, float]] = []
    try:
        _app = QApplication.instance() or QApplication(sys.argv[:1])  # kept alive
        grid = LiveGrid(columns=2)
        grid.resize(1280, 800)
        grid.set_cameras([(f"Camera {i + 1}", make_mjpeg(u)) for i, u in enumerate(urls)])
        grid.show()
        start = time.monotonic()

        def sample() -> None:
            samples.append((time.monotonic() - start, me.memory_info().rss / 2**20))

        timer = QTimer()
        timer.timeout.connect(sample)
        timer.start(5000)
        loop = QEventLoop()
        QTimer.singleShot(int(args.minutes * 60_000), loop.quit)
        loop.exec()
        timer.stop()
        frames = [p.view.frames_painted for p in grid.previews]
        elapsed = time.monotonic() - start
        grid.shutdown()
    finally:
        proc.terminate()
        proc.wait(10)
    peak = max(r for _, r in samples)
    minute = [r for t, r in samples if 60 <= t < 120] or [samples[0][1]]
    last = [r for t, r in samples if t >= elapsed - 60]
    drift = (statistics.mean(last) - statistics.mean(minute)) / statistics.mean(minute) * 100
    print(f"{args.minutes:g} min, 4 streams: frames painted per stream "
          f"{', '.join(f'{f / elapsed:.1f} fps' for f in frames)}")  # fmt: skip
    print(f"RSS: start {samples[0][1]:.0f} MB, peak {peak:.0f} MB, "
          f"minute 2 mean {statistics.mean(minute):.0f} MB, last minute mean "
          f"{statistics.mean(last):.0f} MB ({drift:+.1f} %)")  # fmt: skip
    for t, r in samples[:: max(1, len(samples) // 12)]:
        print(f"  {t:6.0f} s  {r:6.1f} MB")
    ok = peak <= 250 and abs(drift) <= 5
    print(f"target (peak <= 250 MB, flat after warm-up): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
