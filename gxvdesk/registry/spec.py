"""The records of the registry: parameters, indexed/scheduled records, modules.

A module file (``gxvdesk/registry/modules/*.py``) builds one :class:`Module` that reads
like its page of the document: parameters in the document's order, flags as fields.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .models import family_matches
from .naming import name_key
from .types import ParamType, Secret, Trigger

VERBS = frozenset({"get", "set", "add", "remove", "search", "reg", "format", "upload", "del"})


@dataclass(frozen=True)
class Param:
    """One parameter of a module.

    ``name`` is the registry's best spelling (older names dot-joined, newer underscore-joined);
    ``spellings`` lists other spellings seen in the document, beyond ``.``/``_`` swaps.
    ``models`` limits the parameter to model families (None: every model of the module).
    ``model_types`` gives a model family its own range (longest matching family wins).
    ``backup=False`` keeps a live value (the clock, a manual record switch) out of backups.
    """

    name: str
    type: ParamType
    label: str
    help: str = ""
    default: Any = None
    models: tuple[str, ...] | None = None
    model_types: tuple[tuple[str, ParamType], ...] = ()
    read_only: bool = False
    needs_reboot: bool = False
    companions: tuple[str, ...] = ()
    spellings: tuple[str, ...] = ()
    confidence: str = "M"
    backup: bool = True

    @property
    def key(self) -> str:
        return name_key(self.name)

    @property
    def secret(self) -> bool:
        """Write-only: the device never returns it; never logged or backed up."""
        return isinstance(self.type, Secret)

    @property
    def action(self) -> bool:
        """A one-shot trigger (reboot, test mail): never read back or backed up."""
        return isinstance(self.type, Trigger)

    @property
    def stored(self) -> bool:
        """Whether the value is a setting worth reading, comparing and restoring."""
        return not (self.read_only or self.secret or self.action)

    def applies_to(self, model: str | None) -> bool:
        if self.models is None or not model:
            return True
        return any(family_matches(f, model) for f in self.models)

    def type_for(self, model: str | None) -> ParamType:
        """The parameter's type on ``model`` (its own range where the document gives one)."""
        if model:
            matching = [(f, t) for f, t in self.model_types if family_matches(f, model)]
            if matching:
                return max(matching, key=lambda ft: len(ft[0]))[1]
        return self.type

    def matches(self, name: str) -> bool:
        """Whether ``name`` (any spelling) names this parameter."""
        key = name_key(name)
        return key == self.key or key in {name_key(s) for s in self.spellings}


@dataclass(frozen=True)
class Record:
    """Repeated items inside a module's GET reply.

    ``kind="slots"``: a fixed number of items addressed by ``key`` and changed with
    ``cmd=set`` (16 motion regions, alarm inputs). ``kind="list"``: items added with
    ``cmd=add`` and removed with ``cmd=remove`` by ``key`` (schedules, users, phonebook).
    ``count`` names the parameter that gives the number of items, where there is one.
    ``parent`` names a slot key that a list item carries (a schedule's region index).
    """

    name: str
    label: str
    key: str
    params: tuple[Param, ...]
    kind: str = "list"
    count: str | None = None
    parent: str | None = None
    remove_key: str | None = None
    max_items: int | None = None
    models: tuple[str, ...] | None = None

    @property
    def key_param(self) -> Param:
        return self.param(self.key)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.matches(name):
                return p
        raise KeyError(name)

    def applies_to(self, model: str | None) -> bool:
        if self.models is None or not model:
            return True
        return any(family_matches(f, model) for f in self.models)


@dataclass(frozen=True)
class Module:
    """One module of the API: ``/goform/<name>``."""

    name: str
    title: str
    page: int
    verbs: frozenset[str]
    params: tuple[Param, ...] = ()
    records: tuple[Record, ...] = ()
    models: tuple[str, ...] | None = None
    channel_key: str | None = None
    needs_reboot: bool = False
    path: str | None = None
    notes: str = ""
    group: str = "System"
    _index: dict[str, Param] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for p in self.all_params():
            for spelling in (p.name, *p.spellings):
                self._index.setdefault(name_key(spelling), p)

    @property
    def url_path(self) -> str:
        return self.path or f"/goform/{self.name}"

    def all_params(self) -> Iterator[Param]:
        """Flat parameters, then each record's parameters."""
        yield from self.params
        for record in self.records:
            yield from record.params

    def find(self, name: str) -> Param | None:
        """The parameter named ``name`` in any spelling, or None."""
        return self._index.get(name_key(name))

    def param(self, name: str) -> Param:
        found = self.find(name)
        if found is None:
            raise KeyError(f"{self.name} has no parameter {name!r}")
        return found

    def record_of(self, param: Param) -> Record | None:
        for record in self.records:
            if any(p is param for p in record.params):
                return record
        return None

    def applies_to(self, model: str | None) -> bool:
        if self.models is None or not model:
            return True
        return any(family_matches(f, model) for f in self.models)

    def params_for(self, model: str | None) -> list[Param]:
        """Flat parameters that ``model`` has."""
        return [p for p in self.params if p.applies_to(model)]

    def records_for(self, model: str | None) -> list[Record]:
        return [r for r in self.records if r.applies_to(model)]
