"""The parameter-spec registry: one source of truth for forms, CLI, backups and simulator.

>>> module("audio_video").find("video_primary_framerate").name
'video.primary.framerate'
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import MODELS, Model, family_matches, is_known_family, model_info
from .naming import Spelling, name_key, underscored
from .spec import VERBS, Module, Param, Record
from .types import InvalidValueError
from .validation import FieldError, validate


class RegistryError(Exception):
    """The registry's own data is inconsistent (a bug in a module file)."""


def _check(modules: Iterable[Module]) -> dict[str, Module]:
    """Load modules, refusing inconsistent data so that a bad entry fails at import."""
    out: dict[str, Module] = {}
    for mod in modules:
        where = f"module {mod.name}"
        if mod.name in out:
            raise RegistryError(f"{where} is defined twice")
        if not mod.verbs <= VERBS:
            raise RegistryError(f"{where}: unknown verbs {sorted(mod.verbs - VERBS)}")
        seen: dict[str, str] = {}
        for p in mod.all_params():
            for spelling in (p.name, *p.spellings):
                k = name_key(spelling)
                if k in seen and seen[k] != p.name:
                    raise RegistryError(f"{where}: {spelling} clashes with {seen[k]}")
                seen[k] = p.name
            if p.default is not None:
                try:
                    p.type.parse(p.default)
                except InvalidValueError as exc:
                    raise RegistryError(f"{where}: default of {p.name}: {exc}") from None
            for companion in p.companions:
                if mod.find(companion) is None:
                    raise RegistryError(f"{where}: {p.name} names missing companion {companion}")
            for family in (*(p.models or ()), *(f for f, _ in p.model_types)):
                if not is_known_family(family):
                    raise RegistryError(f"{where}: {p.name} names unknown model {family}")
        for family in mod.models or ():
            if not is_known_family(family):
                raise RegistryError(f"{where} names unknown model {family}")
        for rec in mod.records:
            for key in (rec.key, rec.count, rec.parent, rec.remove_key):
                if key is not None and mod.find(key) is None:
                    raise RegistryError(f"{where}: record {rec.name} names missing {key}")
        out[mod.name] = mod
    return out


def _load() -> dict[str, Module]:
    from .modules import ALL_MODULES

    return _check(ALL_MODULES)


REGISTRY: dict[str, Module] = _load()


def module(name: str) -> Module:
    """The module called ``name`` (``audio_video``, ``motiondetect``...)."""
    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise KeyError(f"no module {name!r}; known modules: {known}") from None


def modules_for(model: str | None) -> list[Module]:
    """Modules that ``model`` has, in the document's order."""
    return [m for m in REGISTRY.values() if m.applies_to(model)]


__all__ = [
    "MODELS",
    "REGISTRY",
    "FieldError",
    "InvalidValueError",
    "Model",
    "Module",
    "Param",
    "Record",
    "RegistryError",
    "Spelling",
    "family_matches",
    "model_info",
    "module",
    "modules_for",
    "name_key",
    "underscored",
    "validate",
]
