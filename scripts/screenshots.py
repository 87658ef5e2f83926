"""Make the README's screenshots from the real app on simulated cameras.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [docs/screenshots]

Each PNG is a ``QWidget.grab()`` of a real window, so the pictures stay current.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GXVDESK_HOME", tempfile.mkdtemp(prefix="gxvdesk-shots-"))
os.environ.setdefault("GXVDESK_NO_KEYRING", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from guitools import loop_for, open_settings, run_for, run_until  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gxvdesk.services.credentials import CredentialStore  # noqa: E402
from gxvdesk.services.inventory import State  # noqa: E402
from gxvdesk.ui import theme  # noqa: E402
from gxvdesk.ui.app import build_window, parse_args, start_demo  # noqa: E402


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    theme.apply(app)
    loop = loop_for(app)
    demo = start_demo()
    try:
        store = CredentialStore(
            Path(os.environ["GXVDESK_HOME"]) / "credentials-fallback.json", use_keyring=False
        )
        window = build_window(parse_args(["--demo"]), demo, store, remember=False)
        window.resize(1360, 820)
        window.show()
        entries = window.inventory.entries
        run_until(loop, lambda: all(e.state == State.ONLINE for e in entries), timeout=30)

        def settings(entry_index: int, module: str, name: str) -> None:
            open_settings(window, loop, entries[entry_index], module, timeout=20)
            run_for(loop, 0.3)
            window.grab().save(str(out_dir / name))
            print("saved", out_dir / name)

        settings(0, "audio_video", "main-window-video.png")
        settings(0, "cmos", "settings-cmos.png")
        settings(1, "osd", "settings-encoder-osd.png")
        settings(0, "sdrecord", "settings-record-schedule.png")
        settings(0, "motiondetect", "settings-motion.png")

        from gxvdesk.ui.discovery_dialog import DiscoveryDialog

        dialog = DiscoveryDialog(window)
        dialog.ranges.setText("127.0.0.1/32")
        dialog.ports.setText(",".join(str(c.port) for c in demo.cameras))
        dialog.password.setText("admin")
        dialog.multicast.setChecked(False)
        dialog.show()
        dialog.start()
        run_until(
            loop,
            lambda: dialog.table.rowCount() == 3 and dialog.start_button.isEnabled(),
            timeout=20,
        )
        run_for(loop, 0.3)
        dialog.grab().save(str(out_dir / "discovery.png"))
        print("saved", out_dir / "discovery.png")
        dialog.close()

        for index, tab, name in (
            (0, "Live", "camera-live.png"),
            (0, "Motion regions", "md-regions-tab.png"),
            (1, "PTZ", "ptz-tab.png"),
        ):
            workspace = window.workspace(entries[index])
            titles = [workspace.tabs.tabText(i) for i in range(workspace.tabs.count())]
            if tab not in titles:
                print("skipped", name, "(no", tab, "tab)")
                continue
            workspace.tabs.setCurrentIndex(titles.index(tab))
            run_for(loop, 3.0)
            window.grab().save(str(out_dir / name))
            print("saved", out_dir / name)
        window.close()
    finally:
        demo.stop()

    from gxvdesk.ui.live.screenshots import save_screenshots
    from gxvdesk.ui.ptz.screenshots import save_screenshot

    save_screenshots(out_dir)  # live-grid.png, md-editor.png, privacy-masks.png
    save_screenshot(out_dir / "ptz-pad.png")
    print("saved live grid, editors and PTZ pad")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
