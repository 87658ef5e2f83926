"""Backup and restore of a whole camera; one JSON format for the CLI and the desktop app.

A backup holds every module and channel the model supports, in registry spelling, with the
model, firmware, MAC and time. Secrets are never included: their names are listed under
``secrets_not_included`` so the technician knows what to re-enter.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..protocol.client import Camera
from ..protocol.errors import CameraError
from ..registry import modules_for
from .settings import ModuleDiff, apply_diff, diff_module, read_module

FORMAT = "gxvdesk-backup"
VERSION = 1

#: Modules whose settings carry a device's identity on the network: restored only onto the
#: same camera (same MAC) unless asked for by name, so a clone never takes the source's IP.
IDENTITY_MODULES = frozenset({"network", "pppoe", "wireless"})


class BackupFormatError(ValueError):
    """A file that is not a gxvdesk backup, or of a newer format."""


class ModelMismatchError(ValueError):
    """A backup of another model (``--force`` restores it anyway)."""


def backup_modules(model: str | None) -> list[str]:
    """Modules a backup covers: those with settings the model has."""
    return [
        m.name
        for m in modules_for(model)
        if "get" in m.verbs
        and "set" in m.verbs
        and (any(p.stored for p in m.params_for(model)) or m.records)
    ]


def secrets_of(model: str | None) -> list[str]:
    return [
        f"{m.name}.{p.name}"
        for m in modules_for(model)
        for p in m.all_params()
        if p.secret and p.applies_to(model)
    ]


def take_backup(camera: Camera, progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Read every settings module of ``camera`` into a backup document."""
    identity = camera.identify()
    model = identity.model or None
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "camera": camera.address.base_url,
        "model": identity.model,
        "firmware": identity.firmware,
        "mac": identity.mac,
        "name": identity.name,
        "modules": {},
        "errors": {},
        "secrets_not_included": secrets_of(model),
    }
    for name in backup_modules(model):
        if progress:
            progress(name)
        try:
            data["modules"][name] = read_module(camera, name)
        except CameraError as exc:
            data["errors"][name] = str(exc)
    return data


def save(data: dict[str, Any], path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=False) + "\n", "utf-8")
    tmp.replace(path)


def load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupFormatError(f"{path}: not a readable backup ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupFormatError(f"{path}: not a gxvdesk backup file")
    if int(data.get("version", 0)) > VERSION:
        raise BackupFormatError(f"{path}: made by a newer gxvdesk (format {data['version']})")
    if not isinstance(data.get("modules"), dict):
        raise BackupFormatError(f"{path}: the backup has no modules")
    return data


@dataclass
class ModuleReport:
    module: str
    status: str  # "unchanged", "applied", "would change", "skipped", "failed"
    changes: list[str] = field(default_factory=list)
    message: str = ""
    needs_reboot: bool = False


@dataclass
class RestorePlan:
    diffs: list[ModuleDiff]
    skipped: dict[str, str]


def plan_restore(
    camera: Camera,
    data: dict[str, Any],
    modules: Iterable[str] | None = None,
    force: bool = False,
) -> RestorePlan:
    """Compare a backup with the live camera: the requests a restore would send."""
    identity = camera.identify()
    if identity.model and data.get("model") and data["model"] != identity.model and not force:
        raise ModelMismatchError(
            f"the backup is of a {data['model']}, this camera is a {identity.model}; "
            "use --force to restore it anyway"
        )
    model = identity.model or None
    named = set(modules) if modules is not None else None
    same_camera = bool(identity.mac) and identity.mac == str(data.get("mac", "")).upper()
    diffs, skipped = [], {}
    for name, wanted in data["modules"].items():
        if named is not None and name not in named:
            continue
        if name not in backup_modules(model):
            skipped[name] = f"{identity.model or 'this model'} has no such settings module"
            continue
        if name in IDENTITY_MODULES and not same_camera and named is None:
            skipped[name] = "network identity of another camera (name it with --modules to restore)"
            continue
        live = read_module(camera, name)
        diffs.append(diff_module(name, wanted, live, model))
    return RestorePlan(diffs, skipped)


def restore(
    camera: Camera,
    plan: RestorePlan,
    dry_run: bool = False,
    report: Callable[[ModuleReport], None] | None = None,
) -> list[ModuleReport]:
    """Apply a plan module by module; one module failing does not stop the others."""
    reports = []
    for name, why in plan.skipped.items():
        reports.append(ModuleReport(name, "skipped", message=why))
    for diff in plan.diffs:
        lines = [c.describe() for c in diff.changes]
        if not diff:
            rep = ModuleReport(diff.module, "unchanged")
        elif dry_run:
            rep = ModuleReport(diff.module, "would change", lines)
        else:
            try:
                outcomes = apply_diff(camera, diff)
                rep = ModuleReport(
                    diff.module, "applied", lines,
                    needs_reboot=any(o.needs_reboot for o in outcomes),
                )  # fmt: skip
            except (CameraError, ValueError) as exc:
                rep = ModuleReport(diff.module, "failed", lines, message=str(exc))
        reports.append(rep)
        if report:
            report(rep)
    return reports
