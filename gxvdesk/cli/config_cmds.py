"""``spec``, ``get``, ``set``, ``add``, ``remove``: the registry and a camera's settings."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..protocol.codec import Block, Reading
from ..registry import REGISTRY, Module, Param, module
from .common import EXIT_OK, UsageError, open_camera, parse_assignments


def _module(name: str) -> Module:
    try:
        return module(name)
    except KeyError as exc:
        raise UsageError(str(exc.args[0])) from None


# --- spec -------------------------------------------------------------------------------


def param_spec(p: Param) -> dict[str, Any]:
    return {
        "name": p.name,
        "label": p.label,
        "help": p.help,
        "type": type(p.type).__name__,
        "allowed": p.type.describe(),
        "editor": p.type.editor,
        "default": p.default,
        "models": list(p.models) if p.models else None,
        "model_ranges": {f: t.describe() for f, t in p.model_types},
        "read_only": p.read_only,
        "secret": p.secret,
        "action": p.action,
        "needs_reboot": p.needs_reboot,
        "companions": list(p.companions),
        "other_spellings": list(p.spellings),
        "confidence": p.confidence,
    }


def module_spec(m: Module) -> dict[str, Any]:
    return {
        "name": m.name,
        "title": m.title,
        "page": m.page,
        "group": m.group,
        "path": m.url_path,
        "verbs": sorted(m.verbs),
        "models": list(m.models) if m.models else None,
        "channel_key": m.channel_key,
        "needs_reboot": m.needs_reboot,
        "params": [param_spec(p) for p in m.params],
        "records": [
            {
                "name": r.name,
                "label": r.label,
                "kind": r.kind,
                "key": r.key,
                "count": r.count,
                "parent": r.parent,
                "params": [param_spec(p) for p in r.params],
            }
            for r in m.records
        ],
        "notes": m.notes,
    }


def _flags(p: Param) -> str:
    flags = [
        f for f, on in (("read-only", p.read_only), ("write-only", p.secret), ("action", p.action),
                        ("reboot", p.needs_reboot)) if on
    ]  # fmt: skip
    if p.models:
        flags.append("models " + "/".join(p.models))
    return f"  [{', '.join(flags)}]" if flags else ""


def cmd_spec(args: argparse.Namespace) -> int:
    modules = [_module(args.module)] if args.module else list(REGISTRY.values())
    if args.json:
        data = [module_spec(m) for m in modules]
        print(json.dumps(data[0] if args.module else data, indent=1))
        return EXIT_OK
    for m in modules:
        if not args.module:
            print(f"{m.name:18} {m.title} (p.{m.page}; {', '.join(sorted(m.verbs))})")
            continue
        print(f"{m.name}: {m.title} — {m.url_path} — cmd={'/'.join(sorted(m.verbs))}")
        if m.models:
            print(f"models: {', '.join(m.models)}")
        if m.channel_key:
            print(f"per channel: {m.channel_key}=N")
        for p in m.params:
            print(f"  {p.name:34} {p.type.describe()}{_flags(p)}")
        for r in m.records:
            print(f"  {r.label} ({r.kind}, key {r.key}):")
            for p in r.params:
                print(f"    {p.name:32} {p.type.describe()}{_flags(p)}")
    return EXIT_OK


# --- get --------------------------------------------------------------------------------


def _canonical(mod: Module, name: str) -> str:
    param = mod.find(name)
    return param.name if param is not None else name


def block_json(mod: Module, block: Block, wanted: set[str] | None) -> dict[str, Any]:
    values = {
        _canonical(mod, k): v
        for k, v in block.values.items()
        if wanted is None or _canonical(mod, k) in wanted
    }
    out: dict[str, Any] = {"values": values}
    for name, items in block.records.items():
        out[name] = [{_canonical(mod, k): v for k, v in item.items()} for item in items]
    return out


def reading_json(mod: Module, reading: Reading, wanted: set[str] | None) -> dict[str, Any]:
    data = block_json(mod, reading.blocks[None], wanted)
    if reading.channels:
        data["channels"] = {
            str(c): block_json(mod, reading.blocks[c], wanted) for c in reading.channels
        }
    if reading.malformed:
        data["malformed_lines"] = [text for _, text in reading.malformed]
    return data


def cmd_get(args: argparse.Namespace) -> int:
    mod = _module(args.module)
    unknown = [n for n in args.names if mod.find(n) is None]
    if unknown:
        raise UsageError(
            f"{mod.name} has no parameter {', '.join(unknown)} (see: gxvdesk spec {mod.name})"
        )
    wanted = {mod.param(n).name for n in args.names} or None
    with open_camera(args) as camera:
        reading = camera.get(mod.name, channel=args.channel)
    if reading.malformed:
        count = len(reading.malformed)
        print(
            f"gxvdesk: note: {count} unreadable line(s) in the reply were ignored", file=sys.stderr
        )
    if args.json:
        print(json.dumps(reading_json(mod, reading, wanted), indent=1, ensure_ascii=False))
        return EXIT_OK
    for name, value in reading.pairs:
        if wanted is None or _canonical(mod, name) in wanted or name == mod.channel_key:
            print(f"{name}={value}")
    return EXIT_OK


# --- set / add / remove -----------------------------------------------------------------


def cmd_change(args: argparse.Namespace) -> int:
    mod = _module(args.module)
    pairs = parse_assignments(args.assignments)
    if not pairs and args.verb != "add":
        raise UsageError(f"give at least one NAME=VALUE to {args.verb}")
    with open_camera(args) as camera:
        send = getattr(camera, args.verb)
        outcome = send(mod.name, pairs, channel=args.channel)
    print(outcome)
    return EXIT_OK
