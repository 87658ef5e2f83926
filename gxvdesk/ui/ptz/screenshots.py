"""A screenshot of the PTZ panel beside the live view, against a simulated GXV3504.

``python -m gxvdesk.ui.ptz.screenshots docs/screenshots/ptz-pad.png``
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QWidget

SIZE = (1280, 620)


def _wait(app: QApplication, until, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if until():
            return True
        time.sleep(0.01)
    return False


def _preview(camera, channel: int) -> QWidget:  # type: ignore[no-untyped-def]
    """The live view when the app has one, else a still snapshot of the channel."""
    try:
        from ..live import PreviewWidget  # type: ignore[attr-defined]

        widget = PreviewWidget(camera, channel=channel)  # type: ignore[call-arg]
        widget.setMinimumSize(480, 360)
        return widget
    except Exception:  # the live view is not there (yet): a still picture stands in
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setMinimumSize(480, 360)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        label.setStyleSheet("background: #111; color: #ddd;")
        try:
            image = QImage.fromData(camera.snapshot(channel=channel))
            label.setPixmap(
                QPixmap.fromImage(image).scaled(
                    640, 480, Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )  # fmt: skip
        except Exception as exc:
            text = QCoreApplication.translate("PtzPanel", "Live view unavailable: {problem}")
            label.setText(text.format(problem=exc))
        return label


def _press(widget: QWidget, pos: QPointF, kind: QMouseEvent.Type) -> None:
    buttons = (
        Qt.MouseButton.LeftButton
        if kind != QMouseEvent.Type.MouseButtonRelease
        else (Qt.MouseButton.NoButton)
    )
    event = QMouseEvent(
        kind, pos, widget.mapToGlobal(pos), Qt.MouseButton.LeftButton, buttons,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def save_screenshot(path: str | os.PathLike[str]) -> Path:
    """Show a PtzPanel for a simulated GXV3504 (held mid-move) and save it as a PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("GXVDESK_HOME", tempfile.mkdtemp(prefix="gxvdesk-shot-"))
    from ...protocol.client import Camera
    from ...services.ptz_presets import PresetNames
    from ...sim import SimCamera
    from .panel import PtzPanel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = Path(path)
    sim = SimCamera(model="GXV3504", password="shot").start()
    camera = Camera(sim.url, user="admin", password="shot", timeout=5)
    store = PresetNames(Path(tempfile.mkdtemp(prefix="gxvdesk-shot-")) / "presets.json")
    try:
        key = sim.mac
        for n, name in ((1, "Main gate"), (2, "Loading bay"), (3, "Car park north"),
                        (5, "Reception door")):  # fmt: skip
            store.set_name(key, 1, n, name)
            store.set_saved(key, 1, n, True)
        panel = PtzPanel(camera, "GXV3504", channel=1, preview=_preview(camera, 1),
                         presets=store, key=key)  # fmt: skip
        panel.setWindowTitle(QCoreApplication.translate("PtzPanel", "gxvdesk — PTZ"))
        panel.resize(*SIZE)
        panel.show()
        page = panel.settings_for(1)
        read = QCoreApplication.translate("PtzSettings", "Read from the camera.")
        _wait(app, lambda: page.status.text() == read)
        panel.presets.select(3)  # type: ignore[union-attr]
        pad = panel.pad
        assert pad is not None
        pad.speed.setValue(24)
        # hold the joystick up-right so the picture shows an active move and its answer time
        target = pad.joystick.point_for("up-right", 0.66)
        _press(pad.joystick, target, QMouseEvent.Type.MouseButtonPress)
        _wait(app, lambda: "answered" in pad.answer.text())
        _wait(app, lambda: False, 1.2)  # the live view catches up with the moving head
        out.parent.mkdir(parents=True, exist_ok=True)
        panel.grab().save(str(out))
        _press(pad.joystick, target, QMouseEvent.Type.MouseButtonRelease)
        shutdown = getattr(panel.preview, "shutdown", None)
        if callable(shutdown):
            shutdown()
        panel.close()
        panel.deleteLater()
        app.processEvents()
    finally:
        camera.close()
        sim.stop()
    return out


if __name__ == "__main__":
    print(save_screenshot(sys.argv[1] if len(sys.argv) > 1 else "ptz-pad.png"))
