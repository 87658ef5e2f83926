"""The settings of one simulated camera, built from the registry for its model.

Values are kept as wire text keyed by registry name. A module has one :class:`Block` per
channel (several only for channel modules on multi-channel models); a block holds the flat
values, the slots of "slots" records and the items of "list" records.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from gxvdesk.registry import Module, Param, Record, modules_for
from gxvdesk.registry.naming import name_key, underscored
from gxvdesk.registry.types import Choice, IntRange

from . import rules
from .defaults import Identity, default_value, initial_items

Item = dict[str, str]


def wire_name(name: str, spelling: str | None) -> str:
    """How a camera with ``spelling`` writes a registry name (dots are the older names)."""
    return underscored(name) if spelling == "underscores" else name


@dataclass
class Block:
    """One channel's values of one module."""

    values: dict[str, str] = field(default_factory=dict)
    slots: dict[str, list[Item]] = field(default_factory=dict)
    lists: dict[str, list[Item]] = field(default_factory=dict)


class ModuleState:
    """A module as one camera model has it: its parameters, records and per-channel blocks."""

    def __init__(self, module: Module, identity: Identity) -> None:
        model = identity.model.name
        self.module = module
        self.model = model
        self.params = module.params_for(model)
        self.records = module.records_for(model)
        self.record_params = {
            r.name: [p for p in r.params if p.applies_to(model)] for r in self.records
        }
        self.channels = identity.model.channels
        multi = module.channel_key is not None and identity.model.channels > 1
        self.channel_count = identity.model.channels if multi else 1
        self.count_keys = {name_key(r.count): r for r in self.records if r.count}
        self.blocks = [self._fresh_block(identity) for _ in range(self.channel_count)]

    @property
    def name(self) -> str:
        return self.module.name

    @property
    def multi_channel(self) -> bool:
        return self.channel_count > 1

    def is_channel_key(self, param: Param) -> bool:
        key = self.module.channel_key
        return key is not None and param.matches(key)

    def stored_params(self) -> list[Param]:
        """Flat parameters that hold a value (not actions, channel keys or record counts)."""
        return [
            p
            for p in self.params
            if not p.action and not self.is_channel_key(p) and p.key not in self.count_keys
        ]

    def all_params(self) -> list[Param]:
        """Every parameter the model has, flat and in records."""
        out = list(self.params)
        for record in self.records:
            out += self.record_params[record.name]
        return out

    def record_of(self, param: Param) -> Record | None:
        """The record ``param`` is a field of (first match), or None for a flat parameter."""
        for record in self.records:
            if any(p is param for p in self.record_params[record.name]):
                return record
        return None

    def list_records(self) -> list[Record]:
        return [r for r in self.records if r.kind == "list"]

    def slot_records(self) -> list[Record]:
        return [r for r in self.records if r.kind == "slots"]

    def slot_keys(self, record: Record) -> list[str]:
        """Key values of a "slots" record's slots (0-15 for motion regions...)."""
        t = record.key_param.type_for(self.model)
        if isinstance(t, Choice):
            keys = [str(v) for v in t.values]
        elif isinstance(t, IntRange):
            high = t.high if t.high is not None else t.low + (record.max_items or 1) - 1
            keys = [str(v) for v in range(t.low, high + 1)]
        else:
            keys = ["0"]
        limit = rules.slot_count(self.module.name, record.name, self.channels)
        limit = record.max_items if limit is None else limit
        return keys if limit is None else keys[:limit]

    def slot(self, block: Block, record: Record, key_value: str) -> Item | None:
        """The slot whose key is ``key_value`` (wire text), or None."""
        key = record.key_param.name
        return next((s for s in block.slots[record.name] if same_value(s[key], key_value)), None)

    def item(self, block: Block, record: Record, key_value: str) -> Item | None:
        """The list item whose key is ``key_value``, or None."""
        for item in block.lists[record.name]:
            if same_value(item.get(record.key_param.name, ""), key_value):
                return item
        return None

    def next_id(self, block: Block, record: Record) -> str:
        ids = [int(i[record.key_param.name]) for i in block.lists[record.name]]
        return str(max(ids, default=0) + 1)

    def new_item(self, record: Record, identity: Identity) -> Item:
        """A list item with every field at its default (the key is filled by the caller)."""
        return {
            p.name: default_value(self.module.name, p, identity)
            for p in self.record_params[record.name]
            if p is not record.key_param and not p.action
        }

    def _fresh_block(self, identity: Identity) -> Block:
        block = Block()
        for p in self.stored_params():
            block.values[p.name] = default_value(self.module.name, p, identity)
        for record in self.records:
            fields = [p for p in self.record_params[record.name] if not p.action]
            if record.kind == "slots":
                block.slots[record.name] = [
                    {
                        **{p.name: default_value(self.module.name, p, identity) for p in fields},
                        record.key_param.name: key,
                    }
                    for key in self.slot_keys(record)
                ]
            else:
                keyed = {p.key: p.name for p in fields}
                items: list[dict[str, str]] = []
                for start in initial_items(self.module.name, keyed, identity):
                    item = {**self.new_item(record, identity), **start}
                    item[record.key_param.name] = str(len(items) + 1)
                    items.append(item)
                block.lists[record.name] = items
        return block


def same_value(a: str, b: str) -> bool:
    """Whether two wire values are equal (numbers compared as numbers)."""
    try:
        return int(a) == int(b)
    except ValueError:
        return a == b


class CameraState:
    """Every module of one camera, with the lock that guards them."""

    def __init__(self, identity: Identity, spelling: str | None) -> None:
        self.identity = identity
        self.spelling = spelling
        self.lock = threading.RLock()
        self.modules: dict[str, ModuleState] = {
            m.name: ModuleState(m, identity) for m in modules_for(identity.model.name)
        }
        self._wire_index = {
            name: {self.wire(p.name): p for p in ms.all_params()}
            for name, ms in self.modules.items()
        }

    def wire(self, name: str) -> str:
        """This camera's spelling of a registry name."""
        return wire_name(name, self.spelling)

    def by_wire(self, module: str, name: str) -> Param | None:
        """The parameter a request names, accepting only this camera's own spelling."""
        return self._wire_index[module].get(name)

    def find(self, module: str, name: str) -> tuple[ModuleState, Param]:
        """Module state and parameter by registry name in any spelling (for the test API)."""
        ms = self.modules[module]
        for p in ms.all_params():
            if p.matches(name):
                return ms, p
        raise KeyError(f"{self.identity.model.name} has no {module} parameter {name!r}")
