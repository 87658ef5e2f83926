"""PTZ pad latency: press → move request at the camera, release → stop at the camera.

Against the simulator on loopback, 200 presses each way:

- ``controller``: :class:`PtzController` driven directly (the tool's own cost: queue hand-off
  to the worker thread, validation, HTTP);
- ``pad``: synthetic mouse press/release events sent to the :class:`PtzPad` joystick under
  offscreen Qt (adds the widget's event handling).

Each latency is the simulator's receive time (``time.monotonic()`` in its request thread)
minus the moment just before the event was delivered, so polling does not blur it. Every
release happens after the move was answered (a release during a move in flight is a
different path: the stop waits for that move's answer).

Run: ``python benchmarks/bench_ptz.py [--presses 200] [--load N]`` (``--load`` starts N busy
processes to see the figures on a loaded machine).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GXVDESK_HOME", tempfile.mkdtemp(prefix="gxvdesk-bench-"))

PASSWORD = "bench-pw"
DIRECTIONS = ("right", "up", "left", "down", "up-right", "down-left", "up-left", "down-right")
TARGET_P95_MS = 30.0


def _burn() -> None:  # pragma: no cover - a load generator
    while True:
        pass


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def summary(name: str, values: list[float], judged: bool = True) -> str:
    ms = [v * 1000 for v in values]
    p95 = percentile(ms, 0.95)
    verdict = "ok" if p95 < TARGET_P95_MS else "OVER TARGET"
    verdict = verdict if judged else "for reference"
    return (
        f"{name:<28} n={len(ms):>3}  median {statistics.median(ms):6.2f} ms  "
        f"p95 {p95:6.2f} ms  max {max(ms):7.2f} ms  [{verdict}]"
    )


def wait_for(sim, control: str, after: float, pump: Callable[[], None], timeout: float = 5.0):
    """The first PTZ request with ``ptzcontrol=control`` received at or after ``after``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for entry in reversed(sim.requests):
            if entry.time < after:
                break
            if entry.module == "ptz" and dict(entry.params).get("ptzcontrol") == control:
                return entry
        pump()
    raise TimeoutError(f"no ptzcontrol={control} request within {timeout} s")


def bench_controller(sim, camera, presses: int) -> tuple[list[float], list[float], list[float]]:
    from gxvdesk.services.ptz import MOVES
    from gxvdesk.ui.ptz.controller import PtzController

    ctl = PtzController(camera, 0)
    ctl.warm_up()
    ctl.wait_idle(10)
    press, release, rtt = [], [], []

    def pump() -> None:
        time.sleep(0.0002)

    try:
        for i in range(presses):
            action = DIRECTIONS[i % len(DIRECTIONS)]
            t0 = time.monotonic()
            ctl.move(action, 20)
            entry = wait_for(sim, str(MOVES[action]), t0, pump)
            press.append(entry.time - t0)
            ctl.wait_idle(5)
            if ctl.last_rtt is not None:
                rtt.append(ctl.last_rtt)
            t1 = time.monotonic()
            ctl.stop()
            entry = wait_for(sim, "0", t1, pump)
            release.append(entry.time - t1)
            ctl.wait_idle(5)
            if i % 50 == 49:
                sim.clear_requests()
    finally:
        ctl.shutdown()
    return press, release, rtt


def bench_pad(sim, camera, presses: int) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from gxvdesk.services.ptz import MOVES
    from gxvdesk.ui.ptz.controller import PtzController
    from gxvdesk.ui.ptz.pad import PtzPad

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ctl = PtzController(camera, 1)
    ctl.warm_up()
    ctl.wait_idle(10)
    pad = PtzPad(ctl)
    pad.resize(300, 520)
    pad.show()
    pad.activateWindow()
    app.processEvents()
    joystick = pad.joystick

    def send(kind: QMouseEvent.Type, pos: QPointF) -> None:
        held = Qt.MouseButton.LeftButton
        buttons = Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseButtonRelease else held
        event = QMouseEvent(kind, pos, joystick.mapToGlobal(pos), held, buttons,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
        QApplication.sendEvent(joystick, event)

    def pump() -> None:
        app.processEvents()
        time.sleep(0.0002)

    press, release = [], []
    try:
        for i in range(presses):
            action = DIRECTIONS[i % len(DIRECTIONS)]
            pos = joystick.point_for(action, 0.6)
            t0 = time.monotonic()
            send(QMouseEvent.Type.MouseButtonPress, pos)
            entry = wait_for(sim, str(MOVES[action]), t0, pump)
            press.append(entry.time - t0)
            while ctl.busy:
                pump()
            t1 = time.monotonic()
            send(QMouseEvent.Type.MouseButtonRelease, pos)
            entry = wait_for(sim, "0", t1, pump)
            release.append(entry.time - t1)
            while ctl.busy:
                pump()
            if i % 50 == 49:
                sim.clear_requests()
    finally:
        pad.close()
        ctl.shutdown()
        app.processEvents()
    return press, release


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--load", type=int, default=0, help="busy processes to start")
    args = parser.parse_args(argv)

    from gxvdesk.protocol.client import Camera
    from gxvdesk.sim import SimCamera

    burners = [multiprocessing.Process(target=_burn, daemon=True) for _ in range(args.load)]
    for p in burners:
        p.start()
    sim = SimCamera(model="GXV3504", password=PASSWORD).start()
    camera = Camera(sim.url, user="admin", password=PASSWORD, timeout=5)
    try:
        print(f"PTZ latency, simulator on loopback, {args.presses} presses, "
              f"{os.cpu_count()} CPUs, {args.load} busy processes")  # fmt: skip
        press, release, rtt = bench_controller(sim, camera, args.presses)
        print(summary("controller press -> move", press))
        print(summary("controller release -> stop", release))
        print(summary("camera round trip (move)", rtt, judged=False))
        press, release = bench_pad(sim, camera, args.presses)
        print(summary("pad press -> move", press))
        print(summary("pad release -> stop", release))
    finally:
        camera.close()
        sim.stop()
        for p in burners:
            p.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
