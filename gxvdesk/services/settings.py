"""A module's settings in registry terms: read them, compare two copies, apply the difference.

Backup/restore, the bulk copy and "Undo last apply" all use these functions, so the three
agree on what a setting is (the registry's *stored* parameters: not read-only, secret or
action) and on how a difference is sent (one ``cmd=set`` per channel and slot, with the
companions the registry requires; ``cmd=add``/``cmd=remove`` for list items).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..protocol.client import Camera
from ..protocol.codec import Block, Outcome, Reading
from ..registry import Module, Param, Record, model_info, module, name_key
from ..registry.types import InvalidValueError

#: {"values": {name: wire}, "records": {record: [ {name: wire} ]}} per channel ("0", "1"...).
ChannelSettings = dict[str, Any]
ModuleSettings = dict[str, ChannelSettings]


def _normal(param: Param, model: str | None, wire: str) -> str:
    """Wire text in its canonical form, so that ``01`` and ``1`` compare equal."""
    try:
        return param.type_for(model).normalise(wire)
    except InvalidValueError:
        return wire


def _stored(mod: Module, model: str | None) -> list[Param]:
    return [p for p in mod.params_for(model) if p.stored and p.backup]


def is_setting(record: Record) -> bool:
    """Whether a record holds settings (not only status, like storage devices or files)."""
    return any(p.stored for p in record.params if p.name != record.key)


def restorable(record: Record) -> bool:
    """List items with a secret (a user's password) cannot be re-created from a backup."""
    return is_setting(record) and not any(p.secret for p in record.params)


def _block_settings(mod: Module, block: Block, model: str | None) -> ChannelSettings:
    values: dict[str, str] = {}
    for param in _stored(mod, model):
        found = block.find(param.name)
        if found is not None:
            values[param.name] = _normal(param, model, found[1])
    records: dict[str, list[dict[str, str]]] = {}
    for record in mod.records_for(model):
        if not is_setting(record):
            continue
        items = []
        for raw in block.records.get(record.name, []):
            item: dict[str, str] = {}
            for wire_name, value in raw.items():
                field_param = mod.find(wire_name)
                if field_param is not None and not field_param.secret:
                    item[field_param.name] = _normal(field_param, model, value)
            items.append(item)
        if items:
            records[record.name] = items
    return {"values": values, "records": records}


def channels_of(mod: Module, model: str | None) -> list[int]:
    """The channels a module is read and written per (``[0]`` on single-channel devices)."""
    count = model_info(model).channels if mod.channel_key else 1
    return list(range(count))


def settings_from_reading(mod: Module, reading: Reading, model: str | None) -> ModuleSettings:
    out: ModuleSettings = {}
    for channel in channels_of(mod, model):
        block = reading.block(channel if channel in reading.blocks else None)
        settings = _block_settings(mod, block, model)
        common = reading.blocks[None]
        if block is not common:  # values given before the first channel line apply to all
            for name, value in _block_settings(mod, common, model)["values"].items():
                settings["values"].setdefault(name, value)
        out[str(channel)] = settings
    return out


def read_module(camera: Camera, module_name: str) -> ModuleSettings:
    """The stored settings of one module, per channel, in registry spelling."""
    mod = module(module_name)
    model = camera.model or None
    reading = camera.get(module_name)
    wanted = channels_of(mod, model)
    if len(wanted) > 1 and not set(wanted) <= set(reading.channels):
        merged = Reading()
        for channel in wanted:  # the device answered one channel only: ask for each
            merged.blocks[channel] = camera.get(module_name, channel=channel).block(channel)
        reading = merged
    return settings_from_reading(mod, reading, model)


# --- differences ------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One request that brings a channel of a module to the wanted state."""

    module: str
    channel: int | None
    verb: str
    values: tuple[tuple[str, str], ...]
    before: tuple[tuple[str, str], ...] = ()
    label: str = ""

    def describe(self) -> str:
        where = f" channel {self.channel}" if self.channel is not None else ""
        before = dict(self.before)
        shown = ", ".join(
            f"{n}: {before[n]} -> {v}" if n in before else f"{n}={v}" for n, v in self.values
        )
        return f"{self.module}{where}: {self.label or self.verb} {shown}"


@dataclass
class ModuleDiff:
    module: str
    changes: list[Change] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes)


def _with_companions(
    mod: Module, changed: dict[str, str], wanted: dict[str, str], live: dict[str, str]
) -> dict[str, str]:
    out = dict(changed)
    for name in list(changed):
        for companion in mod.param(name).companions:
            canonical = mod.param(companion).name
            if canonical not in out:
                value = wanted.get(canonical, live.get(canonical))
                if value is not None:
                    out[canonical] = value
    return out


def _item_identity(record: Record, item: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """What makes two list items the same, ignoring the device-assigned key."""
    key = name_key(record.key)
    return tuple(sorted((k, v) for k, v in item.items() if name_key(k) != key))


def diff_module(
    module_name: str, wanted: ModuleSettings, live: ModuleSettings, model: str | None
) -> ModuleDiff:
    """The requests that turn ``live`` into ``wanted`` (only what differs)."""
    mod = module(module_name)
    diff = ModuleDiff(module_name)
    multi = len(channels_of(mod, model)) > 1
    for channel_text, want in wanted.items():
        have = live.get(channel_text, {"values": {}, "records": {}})
        channel = int(channel_text) if multi else None
        want_values, have_values = want.get("values", {}), have.get("values", {})
        changed = {
            n: v
            for n, v in want_values.items()
            if mod.find(n) is not None
            and mod.param(n).applies_to(model)
            and have_values.get(n) != v
        }
        if changed and "set" in mod.verbs:
            values = _with_companions(mod, changed, want_values, have_values)
            before = {n: have_values[n] for n in values if n in have_values}
            diff.changes.append(
                Change(module_name, channel, "set", tuple(values.items()), tuple(before.items()))
            )
        for record in filter(restorable, mod.records_for(model)):
            want_items = want.get("records", {}).get(record.name, [])
            have_items = have.get("records", {}).get(record.name, [])
            if record.kind == "slots":
                diff.changes += _slot_changes(module_name, channel, record, want_items, have_items)
            else:
                diff.changes += _list_changes(mod, channel, record, want_items, have_items)
    return diff


def _slot_changes(
    module_name: str,
    channel: int | None,
    record: Record,
    want_items: list[dict[str, str]],
    have_items: list[dict[str, str]],
) -> list[Change]:
    key = record.key_param.name
    have_by_slot = {item.get(key): item for item in have_items}
    changes = []
    for item in want_items:
        slot = item.get(key)
        have = have_by_slot.get(slot, {})
        changed = {n: v for n, v in item.items() if n != key and have.get(n) != v}
        if slot is not None and changed:
            before = {n: have[n] for n in changed if n in have}
            changes.append(
                Change(
                    module_name, channel, "set", ((key, slot), *changed.items()),
                    tuple(before.items()), f"{record.label} {slot}:",
                )
            )  # fmt: skip
    return changes


def _list_changes(
    mod: Module,
    channel: int | None,
    record: Record,
    want_items: list[dict[str, str]],
    have_items: list[dict[str, str]],
) -> list[Change]:
    if not {"add", "remove"} <= mod.verbs:
        return []
    want_ids = [_item_identity(record, i) for i in want_items]
    have_ids = [_item_identity(record, i) for i in have_items]
    changes = []
    remove_key = mod.param(record.remove_key or record.key).name
    for item, identity in zip(have_items, have_ids, strict=True):
        if identity not in want_ids and remove_key in item:
            changes.append(
                Change(mod.name, channel, "remove", ((remove_key, item[remove_key]),),
                       label=f"remove from {record.label}")
            )  # fmt: skip
    key = name_key(record.key)
    for item, identity in zip(want_items, want_ids, strict=True):
        if identity not in have_ids:
            values = tuple((n, v) for n, v in item.items() if name_key(n) != key)
            changes.append(Change(mod.name, channel, "add", values, label=f"add to {record.label}"))
    return changes


def apply_diff(
    camera: Camera, diff: ModuleDiff, on_change: Callable[[Change, Outcome], None] | None = None
) -> list[Outcome]:
    """Send every change of ``diff``; stops at the first refusal (which raises)."""
    outcomes = []
    for change in diff.changes:
        send = getattr(camera, change.verb)
        outcome = send(change.module, list(change.values), channel=change.channel)
        outcomes.append(outcome)
        if on_change is not None:
            on_change(change, outcome)
    return outcomes
