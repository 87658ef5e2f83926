"""set, add and remove against a camera's state: validate everything, then change it.

Each command is all-or-nothing: the first refused name answers ``<name> Invalid`` (or
``<name> Missing``) spelled as the request spelled it, and nothing is changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gxvdesk.registry import InvalidValueError, Param, Record
from gxvdesk.registry.naming import name_key

from . import rules
from .defaults import canonical
from .state import Block, CameraState, Item, ModuleState, same_value

Pairs = list[tuple[str, str]]

SUCCESS = "Successful"
NEED_REBOOT = "Successful Need Reboot"


@dataclass
class Outcome:
    """The answer line of a command and what it changed."""

    text: str
    channel: int = 0
    changed: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.text.startswith(SUCCESS)


class Refused(Exception):
    """A command refused; ``answer`` is the reply line."""

    def __init__(self, name: str, why: str = "Invalid") -> None:
        super().__init__(f"{name} {why}")
        self.answer = f"{name} {why}"


def _strict(state: CameraState, param: Param, sent: str, value: str) -> str:
    """Wire text of ``value`` if it is exactly what the type writes; else refuse ``sent``."""
    try:
        wire = canonical(param.type_for(state.identity.model.name), value)
    except (InvalidValueError, ValueError, TypeError):
        raise Refused(sent) from None
    if wire != value:
        raise Refused(sent)
    return wire


def take_channel(state: CameraState, ms: ModuleState, pairs: Pairs) -> tuple[int, Pairs]:
    """Pick the channel from ``channel=N`` or the module's channel key; default 0."""
    names = {"channel"}
    if ms.module.channel_key:
        names.add(state.wire(ms.module.channel_key))
    channel, rest = 0, []
    for name, value in pairs:
        if name in names:
            if not value.isdigit() or int(value) >= ms.channel_count:
                raise Refused(name)
            channel = int(value)
        else:
            rest.append((name, value))
    return channel, rest


def _resolve(state: CameraState, ms: ModuleState, pairs: Pairs) -> list[tuple[str, str, Param]]:
    out = []
    for name, value in pairs:
        param = state.by_wire(ms.name, name)
        if param is None:
            raise Refused(name)
        out.append((name, value, param))
    return out


def _check_required(state: CameraState, ms: ModuleState, present: set[str],
                    required: tuple[str, ...]) -> None:  # fmt: skip
    for name in required:
        param = ms.module.find(name)
        if param is not None and param.applies_to(ms.model) and param.key not in present:
            raise Refused(state.wire(param.name), "Missing")


def set_values(state: CameraState, ms: ModuleState, pairs: Pairs) -> Outcome:
    """``cmd=set``: flat values, slot fields after their slot key, list fields after their id."""
    try:
        channel, pairs = take_channel(state, ms, pairs)
        resolved = _resolve(state, ms, pairs)
        present = {p.key for _, _, p in resolved}
        _check_required(state, ms, present, rules.required_on_set(ms.name, present))
        block = ms.blocks[channel]
        flat: dict[str, str] = {}
        fields: list[tuple[Item, str, str]] = []
        current: dict[str, Item] = {}
        for sent, value, param in resolved:
            if param.read_only or not rules.settable(ms.name, param.name):
                raise Refused(sent)
            wire = _strict(state, param, sent, value)
            record = ms.record_of(param)
            if record is None:
                flat[param.name] = wire
            elif param is record.key_param:
                found = (ms.slot if record.kind == "slots" else ms.item)(block, record, wire)
                if found is None:
                    raise Refused(sent)
                current[record.name] = found
            elif record.name not in current:
                raise Refused(state.wire(record.key_param.name), "Missing")
            else:
                fields.append((current[record.name], param.name, wire))
        _zero_companions(ms, flat)
        bad = rules.refused_value(ms.name, {**block.values, **flat})
        if bad is not None:
            raise Refused(state.wire(bad))
    except Refused as refused:
        return Outcome(refused.answer)
    with state.lock:
        for name, wire in flat.items():
            if name in block.values:
                block.values[name] = wire
        for item, name, wire in fields:
            item[name] = wire
    params = [ms.module.param(n) for n in flat] + [ms.module.param(n) for _, n, _ in fields]
    reboot = ms.module.needs_reboot or any(p.needs_reboot for p in params)
    return Outcome(NEED_REBOOT if reboot else SUCCESS, channel, flat)


def _zero_companions(ms: ModuleState, flat: dict[str, str]) -> None:
    """Values the document says must be set together: an omitted one becomes 0."""
    keys = {name_key(n) for n in rules.set_together(ms.name)}
    together = [p for p in ms.params if p.key in keys]
    if any(p.name in flat for p in together):
        for p in together:
            flat.setdefault(p.name, "0")


def _list_record(ms: ModuleState, params: list[Param]) -> Record | None:
    """The list record an add names: by its fields, else by its parent key, else the only one."""
    records = ms.list_records()
    for record in records:
        own = [p for p in ms.record_params[record.name] if p is not record.key_param]
        if any(p in own for p in params):
            return record
    for record in records:
        if record.parent and any(p.matches(record.parent) for p in params):
            return record
    return records[0] if records else None


def add_item(state: CameraState, ms: ModuleState, pairs: Pairs) -> Outcome:
    """``cmd=add``: append an item with the next free id; other fields from their defaults."""
    try:
        channel, pairs = take_channel(state, ms, pairs)
        resolved = _resolve(state, ms, pairs)
        record = _list_record(ms, [p for _, _, p in resolved])
        if record is None:
            raise Refused(pairs[0][0] if pairs else "cmd")
        block = ms.blocks[channel]
        parent = ms.module.find(record.parent) if record.parent else None
        item = ms.new_item(record, state.identity)
        if parent is not None:
            slot_record = ms.record_of(parent)
            keys = ms.slot_keys(slot_record) if slot_record else ["0"]
            item[parent.name] = keys[0] if keys else "0"
        own = ms.record_params[record.name]
        for sent, value, param in resolved:
            if param is record.key_param:
                continue
            if param is parent:
                wire = _strict(state, param, sent, value)
                slot_record = ms.record_of(param)
                if slot_record is not None and ms.slot(block, slot_record, wire) is None:
                    raise Refused(sent)
            elif param in own and not param.read_only and not param.action:
                wire = _strict(state, param, sent, value)
            else:
                raise Refused(sent)
            item[param.name] = wire
        _check_add(state, ms, record, block, item, {p.key for _, _, p in resolved})
    except Refused as refused:
        return Outcome(refused.answer)
    with state.lock:
        item[record.key_param.name] = ms.next_id(block, record)
        block.lists[record.name].append(item)
    reboot = ms.module.needs_reboot or ms.name in rules.ADD_NEEDS_REBOOT
    return Outcome(NEED_REBOOT if reboot else SUCCESS, channel)


def _check_add(state: CameraState, ms: ModuleState, record: Record, block: Block, item: Item,
               present: set[str]) -> None:  # fmt: skip
    _check_required(state, ms, present, rules.REQUIRED_ON_ADD.get(ms.name, ()))
    for name in rules.UNIQUE_ON_ADD.get(ms.name, ()):
        param = ms.module.find(name)
        if param is None or param.name not in item:
            continue
        items = block.lists[record.name]
        if any(same_value(i.get(param.name, ""), item[param.name]) for i in items):
            raise Refused(state.wire(param.name))
    if record.max_items is not None and len(block.lists[record.name]) >= record.max_items:
        raise Refused(state.wire(record.key_param.name))


def remove_items(state: CameraState, ms: ModuleState, pairs: Pairs) -> Outcome:
    """``cmd=remove`` by the record's remove key or key; comma lists; id 0 on a schedule = all."""
    try:
        channel, pairs = take_channel(state, ms, pairs)
        block = ms.blocks[channel]
        records = ms.list_records()
        if not records:
            raise Refused(pairs[0][0] if pairs else "cmd")
        doomed: list[tuple[Record, Item]] = []
        found_key = False
        for record in records:
            for key in dict.fromkeys(k for k in (record.remove_key, record.key) if k):
                sent = state.wire(ms.module.param(key).name)
                for name, value in pairs:
                    if name == sent:
                        found_key = True
                        doomed += _matching(ms, block, record, key, name, value)
        if not found_key:
            first = ms.module.param(records[0].remove_key or records[0].key)
            raise Refused(state.wire(first.name), "Missing")
    except Refused as refused:
        return Outcome(refused.answer)
    with state.lock:
        for record, item in doomed:
            items = block.lists[record.name]
            if any(i is item for i in items):
                items[:] = [i for i in items if i is not item]
    return Outcome(SUCCESS, channel)


def _matching(ms: ModuleState, block: Block, record: Record, key: str, sent: str,
              value: str) -> list[tuple[Record, Item]]:  # fmt: skip
    param = ms.module.param(key)
    items = block.lists[record.name]
    out: list[tuple[Record, Item]] = []
    for wanted in value.split(","):
        wanted = wanted.strip()
        if not wanted:
            raise Refused(sent)
        if param is record.key_param and wanted == "0" and "schedule" in record.key:
            out += [(record, i) for i in items]
            continue
        hits = [i for i in items if same_value(i.get(param.name, ""), wanted)]
        if not hits:
            raise Refused(sent)
        out += [(record, i) for i in hits]
    return out
