"""``gxvdesk sim`` / ``python -m gxvdesk.sim``: serve simulated cameras until interrupted."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading

from gxvdesk.registry import MODELS

from .cluster import DEFAULT_MODEL, SimCluster
from .faults import FAULTS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gxvdesk sim",
        description="Run simulated Grandstream GXV cameras on this computer. "
        "Prints one URL per camera, then serves until Ctrl-C.",
    )
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on; comma-separated loopback addresses spread "
                        "the cameras (default 127.0.0.1)")  # fmt: skip
    parser.add_argument("--port", type=int, default=0,
                        help="first camera's port; 0 picks free ports (default)")  # fmt: skip
    parser.add_argument("--model", action="append", choices=sorted(MODELS), metavar="MODEL",
                        help=f"camera model, repeatable (default {DEFAULT_MODEL}); one of: "
                        + ", ".join(sorted(MODELS)))  # fmt: skip
    parser.add_argument("--count", type=int, default=None,
                        help="cameras per model (default 1)")  # fmt: skip
    parser.add_argument("--user", default="admin", help="administrator name (default admin)")
    parser.add_argument("--password", default="admin", help="administrator password")
    parser.add_argument("--fault", choices=FAULTS, help="make every camera misbehave")
    parser.add_argument("--spelling", choices=("dots", "underscores"),
                        help="how older names are joined (default: as the registry)")  # fmt: skip
    parser.add_argument("--reboot-seconds", type=float, default=3.0,
                        help="how long a reboot keeps a camera away (default 3)")  # fmt: skip
    parser.add_argument("--prerendered", action="store_true",
                        help="serve pre-encoded frames (for benchmarks)")  # fmt: skip
    return parser


def run_cli(argv: list[str] | None = None) -> int:
    """Start the cameras, print their URLs, serve until SIGINT/SIGTERM; returns an exit code."""
    args = build_parser().parse_args(argv)
    if args.count is not None and args.count < 1:
        print("gxvdesk sim: --count must be at least 1", file=sys.stderr)
        return 2
    hosts = [h.strip() for h in args.host.split(",") if h.strip()]
    cluster = SimCluster(
        models=args.model or [DEFAULT_MODEL], count=args.count, host=hosts, port=args.port,
        user=args.user, password=args.password, fault=args.fault, spelling=args.spelling,
        reboot_seconds=args.reboot_seconds, prerendered=args.prerendered,
    )  # fmt: skip
    done = threading.Event()
    with contextlib.suppress(ValueError):  # not the main thread: the caller stops us
        signal.signal(signal.SIGTERM, lambda *_: done.set())
    try:
        cluster.start()
    except OSError as exc:
        print(f"gxvdesk sim: cannot listen: {exc}", file=sys.stderr)
        return 1
    try:
        for cam in cluster.cameras:
            print(cam.url, flush=True)
        while not done.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
    return 0
