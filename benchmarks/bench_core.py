"""Core figures: discovery sweep, backups, cold start, page build times. Prints a table.

    .venv/bin/python benchmarks/bench_core.py

Targets (2-core machine): /24 sweep with 5 cameras, last camera <= 1 s and done <= 3 s;
backup of one camera <= 0.5 s and of 20 in parallel <= 3 s; cold start to the first shown
window <= 1.5 s; every GXV3504 settings page built in <= 100 ms.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GXVDESK_HOME", tempfile.mkdtemp(prefix="gxvdesk-bench-"))
os.environ.setdefault("GXVDESK_NO_KEYRING", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gxvdesk.protocol.client import Camera  # noqa: E402
from gxvdesk.services import backup, discovery  # noqa: E402
from gxvdesk.sim import SimCamera, SimCluster  # noqa: E402

ROWS: list[tuple[str, str, str]] = []


def row(name: str, value: str, target: str) -> None:
    ROWS.append((name, value, target))
    print(f"{name:48} {value:>12}   target {target}", flush=True)


def bench_sweep() -> None:
    hosts = [f"127.0.0.{i}" for i in (20, 77, 130, 201, 254)]
    cams = [
        SimCamera(model="GXV3672_FHD", host=h, port=8080, index=i, password="pw").start()
        for i, h in enumerate(hosts)
    ]
    try:
        start = time.monotonic()
        times: list[float] = []
        found = discovery.sweep(
            ["127.0.0.0/24"],
            ports=(8080,),
            auth=("admin", "pw"),
            timeout=1.0,
            on_found=lambda f: times.append(time.monotonic() - start),
        )
        total = time.monotonic() - start
        assert len(found) == 5, found
        row("sweep /24, 5 cameras: time to the last camera", f"{max(times):.2f} s", "<= 1 s")
        row("sweep /24, 5 cameras: time to completion", f"{total:.2f} s", "<= 3 s")
    finally:
        for cam in cams:
            cam.stop()


def bench_backup() -> None:
    with SimCluster(models=["GXV3504"], count=20, host="127.0.0.1", password="pw") as cluster:
        one = Camera(cluster.urls[0], user="admin", password="pw")
        backup.take_backup(one)  # warm: learn spelling, open pools
        samples = []
        for _ in range(5):
            cam = Camera(cluster.urls[0], user="admin", password="pw")
            start = time.monotonic()
            backup.take_backup(cam)
            samples.append(time.monotonic() - start)
        row(
            "backup of one GXV3504 (median of 5)", f"{statistics.median(samples):.3f} s", "<= 0.5 s"
        )
        cams = [Camera(u, user="admin", password="pw") for u in cluster.urls]
        start = time.monotonic()
        with ThreadPoolExecutor(20) as pool:
            results = list(pool.map(backup.take_backup, cams))
        total = time.monotonic() - start
        assert all(not r["errors"] for r in results)
        row("backup of 20 GXV3504 in parallel", f"{total:.2f} s", "<= 3 s")


def bench_cold_start() -> None:
    code = (
        "import time; t0=time.monotonic();"
        "from PySide6.QtWidgets import QApplication; app=QApplication([]);"
        "from gxvdesk.ui.main_window import MainWindow;"
        "w=MainWindow(entries=[], save_inventory=False);"
        "w.show(); app.processEvents(); print(time.monotonic()-t0)"
    )
    samples = []
    for _ in range(3):
        start = time.monotonic()
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        samples.append(time.monotonic() - start)
        _ = out
    row("cold start to first shown window (process)", f"{min(samples):.2f} s", "<= 1.5 s")


def bench_pages() -> None:
    from PySide6.QtWidgets import QApplication

    from gxvdesk.registry import modules_for
    from gxvdesk.ui.forms import ModuleForm, RecordTable

    QApplication.instance() or QApplication([])
    times = {}
    for mod in modules_for("GXV3504"):
        start = time.perf_counter()
        form = ModuleForm(mod, "GXV3504")
        tables = [RecordTable(mod, r, "GXV3504") for r in mod.records_for("GXV3504")]
        times[mod.name] = time.perf_counter() - start
        form.deleteLater()
        for t in tables:
            t.deleteLater()
    worst = max(times, key=times.__getitem__)
    row(f"GXV3504 page build, worst ({worst})", f"{times[worst] * 1000:.0f} ms", "<= 100 ms")
    row(
        "GXV3504 page build, median",
        f"{statistics.median(times.values()) * 1000:.0f} ms",
        "<= 100 ms",
    )


if __name__ == "__main__":
    bench_sweep()
    bench_backup()
    bench_cold_start()
    bench_pages()
