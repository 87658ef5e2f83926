"""``backup`` and ``restore``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..services import backup
from .common import EXIT_OK, EXIT_REFUSED, UsageError, open_camera


def cmd_backup(args: argparse.Namespace) -> int:
    with open_camera(args) as camera:
        data = backup.take_backup(
            camera,
            progress=(lambda m: print(f"reading {m}", file=sys.stderr)) if args.verbose else None,
        )
    backup.save(data, Path(args.output))
    count = len(data["modules"])
    print(f"saved {count} modules of {data['model']} {data['mac']} to {args.output}")
    for name, error in data["errors"].items():
        print(f"  not saved: {name}: {error}", file=sys.stderr)
    if data["secrets_not_included"]:
        print(f"  secrets not included: {', '.join(data['secrets_not_included'])}")
    return EXIT_OK if not data["errors"] else EXIT_REFUSED


def cmd_restore(args: argparse.Namespace) -> int:
    try:
        data = backup.load(Path(args.file))
    except backup.BackupFormatError as exc:
        raise UsageError(str(exc)) from None
    modules = [m.strip() for m in args.modules.split(",")] if args.modules else None
    with open_camera(args) as camera:
        try:
            plan = backup.plan_restore(camera, data, modules, force=args.force)
        except backup.ModelMismatchError as exc:
            raise UsageError(str(exc)) from None
        reports = backup.restore(camera, plan, dry_run=args.dry_run)
    failed = False
    for rep in sorted(reports, key=lambda r: r.module):
        note = f" — {rep.message}" if rep.message else ""
        reboot = " (reboot required)" if rep.needs_reboot else ""
        print(f"{rep.module}: {rep.status}{reboot}{note}")
        for line in rep.changes:
            print(f"    {line}")
        failed |= rep.status == "failed"
    if args.dry_run:
        print("dry run: nothing was sent")
    return EXIT_REFUSED if failed else EXIT_OK
