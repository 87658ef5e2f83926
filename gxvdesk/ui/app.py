"""Start the desktop app: ``gxvdesk [--demo] [CAMERA...]``."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..protocol.address import AddressError, CameraAddress
from ..services.credentials import Credentials, CredentialStore

log = logging.getLogger(__name__)

DEMO_MODELS = ("GXV3672_FHD", "GXV3504", "GXV3615W")
DEMO_USER = "admin"
DEMO_PASSWORD = "admin"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="gxvdesk", description="gxvdesk desktop app")
    parser.add_argument(
        "cameras",
        nargs="*",
        metavar="CAMERA",
        help="[http[s]://][user[:password]@]host[:port] to open",
    )
    parser.add_argument("--demo", action="store_true", help="start three simulated cameras first")
    parser.add_argument("--user", help="user for the CAMERA arguments")
    parser.add_argument("--password", help="password for the CAMERA arguments")
    parser.add_argument("-v", "--verbose", action="count", default=0)
    parser.add_argument("--version", action="version", version=f"gxvdesk {__version__}")
    return parser.parse_args(list(argv))


def start_demo() -> object:
    """Three simulated cameras on loopback (GXV3672_FHD, GXV3504, GXV3615W)."""
    from ..sim import SimCluster

    cluster = SimCluster(
        models=list(DEMO_MODELS), host="127.0.0.1", user=DEMO_USER, password=DEMO_PASSWORD
    )
    cluster.start()
    return cluster


def build_window(
    args: argparse.Namespace,
    demo: object | None = None,
    store: CredentialStore | None = None,
    remember: bool = True,
):
    """The main window with the command line's cameras (and the demo's) in the inventory.

    ``remember=False`` starts from an empty list and saves nothing (tests, screenshots).
    """
    from .main_window import MainWindow

    store = store or CredentialStore()
    window = MainWindow(entries=None if remember else [], store=store, save_inventory=remember)
    first = None
    targets: list[tuple[str, Credentials | None, str]] = []
    if demo is not None:
        for cam, model in zip(demo.cameras, DEMO_MODELS, strict=True):  # type: ignore[attr-defined]
            targets.append((cam.url, Credentials(DEMO_USER, DEMO_PASSWORD), f"Demo {model}"))
    for text in args.cameras:
        address = CameraAddress.parse(text)
        user = address.user or args.user
        password = address.password if address.password is not None else args.password
        creds = Credentials(user or "admin", password) if password is not None else None
        targets.append((address.base_url, creds, ""))
    for url, creds, name in targets:
        entry = window.add_entry(url, name, creds, check=False)
        first = first or entry
    window.check_all()
    if first is not None:
        window.select(first)
    return window


def no_display() -> bool:
    """Whether Qt would find no screen to open a window on (Linux without X11/Wayland)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_app(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    if no_display():
        print(
            "gxvdesk: no display to open the desktop app on; the command line works without one "
            "(see gxvdesk --help)",
            file=sys.stderr,
        )
        return 2
    try:
        for text in args.cameras:
            CameraAddress.parse(text)
    except AddressError as exc:
        print(f"gxvdesk: {exc}", file=sys.stderr)
        return 2
    from ..logs import configure

    configure(level=logging.DEBUG if args.verbose > 1 else logging.INFO, console=bool(args.verbose))

    import qasync
    from PySide6.QtWidgets import QApplication

    from . import tasks, theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("gxvdesk")
    app.setApplicationVersion(__version__)
    from .icons import app_icon

    app.setWindowIcon(app_icon())
    app.setDesktopFileName("org.gxvdesk.GxvDesk")  # Wayland app id = the desktop entry
    theme.apply(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    demo = start_demo() if args.demo else None
    store = None
    if demo is not None:  # a demo leaves no trace: no saved list, no stored credentials
        import tempfile
        from pathlib import Path

        scratch = Path(tempfile.mkdtemp(prefix="gxvdesk-demo-"))
        store = CredentialStore(scratch / "credentials-fallback.json", use_keyring=False)
    window = build_window(args, demo, store, remember=demo is None)
    window.show()
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    try:
        with loop:
            loop.run_until_complete(closed.wait())
    finally:
        tasks.EXECUTOR.shutdown(wait=False, cancel_futures=True)
        if demo is not None:
            demo.stop()  # type: ignore[attr-defined]
    return 0
