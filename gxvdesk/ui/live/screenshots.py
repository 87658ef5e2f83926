"""Screenshots of the live grid and the region editors against simulated cameras.

``python -m gxvdesk.ui.live.screenshots OUT_DIR`` writes live-grid.png, md-editor.png and
privacy-masks.png (use ``QT_QPA_PLATFORM=offscreen`` without a display).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from ...protocol.client import Camera
from ...sim import SimCamera
from .grid import LiveGrid
from .motion import MotionRegionEditor
from .privacy import PrivacyMaskEditor

PASSWORD = "screenshots"
NAMES = ("Gate", "Car park", "Loading bay", "Reception")


def _wait(app: QApplication, done: Callable[[], bool], timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if done():
            return True
        time.sleep(0.01)
    return False


def _settle(app: QApplication, seconds: float) -> None:
    _wait(app, lambda: False, seconds)


def _grab(widget: QWidget, path: Path) -> Path:
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    return path


def _camera(sim: SimCamera) -> Camera:
    return Camera(sim.url, user="admin", password=PASSWORD, timeout=5.0)


def save_screenshots(out_dir: str | Path) -> list[Path]:
    """Build the three views against simulated cameras and save PNGs into ``out_dir``."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    sims = [SimCamera(model="GXV3672_HD", password=PASSWORD, index=i) for i in range(4)]
    written: list[Path] = []
    try:
        for i, sim in enumerate(sims):
            sim.start()
            sim.set_value("systeminfo", "devicename", NAMES[i])
            if i % 2 == 0:  # two stream MJPEG, two are polled as snapshots
                sim.set_value("audio_video", "video.primary.encoder", "26")
        written.append(_grid_shot(app, sims, out / "live-grid.png"))
        written.append(_motion_shot(app, sims[0], out / "md-editor.png"))
        written.append(_privacy_shot(app, sims[1], out / "privacy-masks.png"))
    finally:
        for sim in sims:
            sim.stop()
    return written


def _grab_and_close(widget: Any, path: Path) -> Path:
    """Save a picture of ``widget``, then stop its streams and close it."""
    try:
        return _grab(widget, path)
    finally:
        widget.shutdown()
        widget.close()
        widget.deleteLater()


def _grid_shot(app: QApplication, sims: list[SimCamera], path: Path) -> Path:
    grid = LiveGrid(columns=2)
    grid.set_cameras([(NAMES[i], _camera(sim)) for i, sim in enumerate(sims)])
    grid.resize(1100, 720)
    grid.show()
    _wait(app, lambda: all(p.view.frame is not None for p in grid.previews))
    _settle(app, 1.5)  # let the frame rates settle
    return _grab_and_close(grid, path)


def _motion_shot(app: QApplication, sim: SimCamera, path: Path) -> Path:
    boxes = ((40, 60, 300, 260), (330, 200, 660, 520), (60, 330, 260, 540))
    for slot, (x1, y1, x2, y2) in enumerate(boxes):
        sim.set_value("motiondetect", "md.regn.leftup", f"{x1},{y1}", slot=slot)
        sim.set_value("motiondetect", "md.regn.rightdown", f"{x2},{y2}", slot=slot)
        sim.set_value("motiondetect", "md.regn.sensitivity", 40 + 20 * slot, slot=slot)
    sim.set_value("motiondetect", "md.active.enable", "1")
    editor = MotionRegionEditor(_camera(sim), title=NAMES[0])
    editor.resize(1280, 640)
    editor.show()
    _wait(app, lambda: editor.is_loaded and editor.canvas.frame is not None)
    editor.regions.select(1)
    _wait(app, lambda: editor.motion, 10.0)
    _settle(app, 0.6)
    return _grab_and_close(editor, path)


def _privacy_shot(app: QApplication, sim: SimCamera, path: Path) -> Path:
    sim.set_value("cmos", "privacymask", "1,40,40,240,200,1,420,300,660,520,0,0,0,0,0,0,0,0,0,0")
    editor = PrivacyMaskEditor(_camera(sim), title=NAMES[1])
    editor.resize(1200, 600)
    editor.show()
    _wait(app, lambda: editor.is_loaded and editor.canvas.frame is not None)
    editor.regions.select(0)
    _settle(app, 0.5)
    return _grab_and_close(editor, path)


if __name__ == "__main__":
    for written_path in save_screenshots(sys.argv[1] if len(sys.argv) > 1 else "."):
        print(written_path)
