"""``snapshot``, ``ptz`` and ``discover``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import threading
import time
from pathlib import Path

from ..services import discovery, ptz
from ..services.netinfo import local_networks
from .common import EXIT_OK, UsageError, open_camera


def cmd_snapshot(args: argparse.Namespace) -> int:
    with open_camera(args) as camera:
        data = camera.snapshot(args.stream, args.channel or 0)
        host = camera.address.host
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = Path(args.output or f"snapshot-{host}-{stamp}.jpg")
    path.write_bytes(data)
    print(f"saved {len(data)} bytes to {path}")
    return EXIT_OK


def cmd_ptz(args: argparse.Namespace) -> int:
    action = args.action
    if not 0 <= args.speed <= ptz.MAX_SPEED:
        raise UsageError(f"--speed must be 0 to {ptz.MAX_SPEED}")
    with open_camera(args) as camera:
        if action in ptz.MOVES:
            outcome = ptz.timed_move(camera, action, args.speed, args.duration, args.channel)
            print(f"{action} for {args.duration:g} s, then stop: {outcome}")
            return EXIT_OK
        if action in ptz.PRESET_ACTIONS:
            if args.preset is None or args.preset not in ptz.PRESETS:
                first, last = ptz.PRESETS.start, ptz.PRESETS.stop - 1
                raise UsageError(f"{action} needs --preset {first}-{last}")
            outcome = camera.ptz(ptz.PRESET_ACTIONS[action], args.preset, args.channel)
        else:
            outcome = camera.ptz(ptz.OTHER_ACTIONS[action], args.speed, args.channel)
    print(f"{action}: {outcome}")
    return EXIT_OK


def cmd_discover(args: argparse.Namespace) -> int:
    subnets = args.subnet or [str(n) for n in local_networks()]
    if not subnets:
        raise UsageError("no network found on this computer; give --subnet CIDR")
    try:
        hosts = discovery.hosts_of(subnets)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    user = args.user or os.environ.get("GXV_USER")
    password = args.password if args.password is not None else os.environ.get("GXV_PASSWORD")
    auth = (user or "admin", password or "") if (user or password) else None
    lock = threading.Lock()
    print(f"sweeping {len(hosts)} addresses in {', '.join(subnets)}", file=sys.stderr)

    def show(found: discovery.Found) -> None:
        with lock:
            if args.json:
                print(json.dumps(_as_json(found)), flush=True)
            else:
                print(found.describe(), flush=True)

    started = time.monotonic()
    results = discovery.sweep(
        subnets, ports=args.port or discovery.DEFAULT_PORTS, auth=auth, timeout=args.timeout,
        on_found=show,
    )  # fmt: skip
    print(f"{len(results)} camera(s) found in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return EXIT_OK


def _as_json(found: discovery.Found) -> dict[str, object]:
    return {
        "address": found.host,
        "port": found.port,
        "url": found.url,
        "model": found.model,
        "firmware": found.firmware,
        "mac": found.mac,
        "needs_login": found.needs_login,
        "seen_by": sorted(found.seen_by),
    }
