"""``gxvdesk``: the command line (and, with no command, the desktop app).

CAMERA is ``[http[s]://][user[:password]@]host[:port]``. Exit codes: 0 done, 2 invalid input
(nothing sent), 3 refused by the camera (Invalid, Missing, No Privilege, wrong password),
4 camera unreachable or not answering in time, 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..services import ptz
from . import backup_cmds, config_cmds, device_cmds
from .common import run_guarded, setup_logging

COMMANDS = ("spec", "get", "set", "add", "remove", "backup", "restore", "snapshot", "ptz",
            "discover", "sim")  # fmt: skip


def _common(parser: argparse.ArgumentParser, camera: bool = True) -> None:
    if camera:
        parser.add_argument(
            "camera", metavar="CAMERA", help="[http[s]://][user[:password]@]host[:port]"
        )
    parser.add_argument("--user", help="user name (or GXV_USER)")
    parser.add_argument("--password", help="password (or GXV_PASSWORD; safer than this option)")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for an answer")
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="log details (twice: debug)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gxvdesk",
        description="Configure Grandstream GXV IP cameras and video encoders.",
        epilog="Run with no command to open the desktop app; 'gxvdesk --demo' shows it on "
        "simulated cameras.",
    )
    parser.add_argument("--version", action="version", version=f"gxvdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("spec", help="show the parameter registry")
    p.add_argument("module", nargs="?", help="one module (default: list them all)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _common(p, camera=False)
    p.set_defaults(func=config_cmds.cmd_spec)

    p = sub.add_parser("get", help="read a module's settings")
    _common(p)
    p.add_argument("module", metavar="MODULE")
    p.add_argument("names", nargs="*", metavar="NAME", help="only these parameters (any spelling)")
    p.add_argument("--channel", type=int, help="channel of a multi-channel encoder (0-3)")
    p.add_argument("--json", action="store_true", help="structured JSON")
    p.set_defaults(func=config_cmds.cmd_get)

    for verb, text in (("set", "change settings"), ("add", "add an item (schedule, user...)"),
                       ("remove", "remove an item")):  # fmt: skip
        p = sub.add_parser(verb, help=text)
        _common(p)
        p.add_argument("module", metavar="MODULE")
        p.add_argument("assignments", nargs="*", metavar="NAME=VALUE")
        p.add_argument("--channel", type=int, help="channel of a multi-channel encoder (0-3)")
        p.set_defaults(func=config_cmds.cmd_change, verb=verb)

    p = sub.add_parser("backup", help="save every setting of a camera to a JSON file")
    _common(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE.json")
    p.set_defaults(func=backup_cmds.cmd_backup)

    p = sub.add_parser("restore", help="apply the differences between a backup and a camera")
    _common(p)
    p.add_argument("file", metavar="FILE.json")
    p.add_argument("--dry-run", action="store_true", help="show the differences, send nothing")
    p.add_argument("--modules", help="only these modules (comma separated)")
    p.add_argument("--force", action="store_true", help="restore a backup of another model")
    p.set_defaults(func=backup_cmds.cmd_restore)

    p = sub.add_parser("snapshot", help="save a JPEG snapshot")
    _common(p)
    p.add_argument("-o", "--output", metavar="FILE.jpg")
    p.add_argument("--stream", choices=("primary", "secondary"), default="primary")
    p.add_argument("--channel", type=int, default=0, help="input of a GXV3504 (0-3)")
    p.set_defaults(func=device_cmds.cmd_snapshot)

    p = sub.add_parser("ptz", help="move a PTZ head or use its presets")
    _common(p)
    p.add_argument("action", choices=list(ptz.ACTIONS), metavar="ACTION",
                   help=", ".join(ptz.ACTIONS))  # fmt: skip
    p.add_argument("--speed", type=int, default=32, help="0-63 (default 32)")
    p.add_argument("--duration", type=float, default=0.5,
                   help="seconds a move lasts before the stop (default 0.5)")  # fmt: skip
    p.add_argument("--preset", type=int, help="preset 1-128 for goto/set-preset/clear-preset")
    p.add_argument("--channel", type=int, help="input of a GXV3504 (0-3)")
    p.set_defaults(func=device_cmds.cmd_ptz)

    p = sub.add_parser("discover", help="find GXV cameras by sweeping address ranges")
    _common(p, camera=False)
    p.add_argument(
        "--subnet",
        action="append",
        metavar="CIDR",
        help="range to sweep (repeatable; default: the /24 of each network card)",
    )
    p.add_argument("--port", action="append", type=int, metavar="N", help="HTTP port (default 80)")
    p.add_argument("--json", action="store_true", help="one JSON object per camera")
    p.set_defaults(func=device_cmds.cmd_discover, timeout=2.0)

    sub.add_parser("sim", help="run simulated cameras (see: gxvdesk sim --help)", add_help=False)
    return parser


def is_command(argv: Sequence[str]) -> bool:
    """Whether ``argv`` is for the command line (a command, help or version)."""
    first = argv[0] if argv else ""
    return first in (*COMMANDS, "-h", "--help", "--version")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command of the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["sim"]:
        from ..sim import run_cli

        return run_cli(args_list[1:])
    parser = build_parser()
    if not is_command(args_list):
        parser.print_help(sys.stderr)
        return 2
    args = parser.parse_args(args_list)
    setup_logging(args.verbose)
    func: Callable[[argparse.Namespace], int] = args.func
    return run_guarded(func, args)


if __name__ == "__main__":
    sys.exit(main())
