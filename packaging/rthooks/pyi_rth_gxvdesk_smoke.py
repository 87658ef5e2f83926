"""PyInstaller runtime hook: a start-up check of the built app, off unless asked for.

With ``GXVDESK_SMOKE_SECONDS=N`` in the environment, the frozen ``gxvdesk`` opens its window as
usual; N seconds after the main window was built it prints one line, ``window shown: ...``
(or ``window NOT shown``), saves a picture of the window to ``GXVDESK_SMOKE_SCREENSHOT`` when
that is set, checks that the app icon loads from the bundled package data and that keyring finds its
backends, and closes every
window so that the app ends the way it does when a user closes it. ``packaging/build.sh`` uses
it under Xvfb. Without the variable this hook does nothing, and the app code knows nothing of it.
"""

import os
import sys


def _smoke(seconds: float, screenshot: str) -> None:
    try:
        import gxvdesk.ui.app as app_module

        original = app_module.build_window
    except (ImportError, AttributeError) as exc:  # the app changed: say so, build.sh also polls X
        print(f"smoke: cannot attach to gxvdesk.ui.app.build_window ({exc})", file=sys.stderr)
        return

    def build_window(*args, **kwargs):
        window = original(*args, **kwargs)

        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        def report() -> None:
            app = QApplication.instance()
            shown = [w for w in app.topLevelWidgets() if w is window and w.isVisible()]
            if not shown:
                print("window NOT shown", flush=True)
                os._exit(3)
            try:
                from gxvdesk.ui.icons import app_icon

                icon = app_icon()
                sizes = sorted(s.width() for s in icon.availableSizes())
                icon_state = "null" if icon.isNull() else f"ok {sizes}"
            except Exception as exc:  # reported, not fatal: the window itself did start
                icon_state = f"error {exc!r}"
            try:  # keyring finds its backends through entry points: metadata must be bundled
                from importlib.metadata import entry_points

                found = entry_points(group="keyring.backends")
                for point in found:
                    point.load()
                backends = ",".join(sorted(point.name for point in found)) or "NONE"
            except Exception as exc:
                backends = f"error {exc!r}"
            if screenshot:
                window.grab().save(screenshot)
            title = window.windowTitle()
            size = f"{window.width()}x{window.height()}"
            print(f"window shown: {title!r} {size}", flush=True)
            print(f"app_icon: {icon_state}; keyring backends: {backends}", flush=True)
            app.closeAllWindows()

        QTimer.singleShot(int(seconds * 1000), report)
        return window

    app_module.build_window = build_window


_seconds = os.environ.get("GXVDESK_SMOKE_SECONDS")
if _seconds:
    _smoke(float(_seconds), os.environ.get("GXVDESK_SMOKE_SCREENSHOT", ""))
