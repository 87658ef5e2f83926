"""Validation of values against the registry, before anything is sent to a device."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .spec import Module
from .types import InvalidValueError


@dataclass(frozen=True)
class FieldError:
    """Why one value is refused: the parameter, the value and what is allowed."""

    name: str
    value: str
    message: str

    def __str__(self) -> str:
        shown = "(hidden)" if self.value == "" else self.value
        return f"{self.name}={shown}: {self.message}"


def validate(
    module: Module,
    values: Mapping[str, Any],
    model: str | None = None,
    verb: str = "set",
) -> list[FieldError]:
    """Check ``values`` (name -> wire text or typed value) for ``verb`` on ``model``.

    Returns one :class:`FieldError` per refused value; an empty list means all is well.
    """
    errors: list[FieldError] = []
    if verb not in module.verbs:
        allowed = ", ".join(sorted(module.verbs))
        errors.append(
            FieldError("cmd", verb, f"{module.name} does not support cmd={verb} ({allowed})")
        )
        return errors
    if model and not module.applies_to(model):
        errors.append(FieldError("module", module.name, f"{model} has no {module.title} module"))
        return errors
    for name, value in values.items():
        param = module.find(name)
        shown = "" if param is not None and param.secret else str(value)
        if param is None:
            if module.channel_key and name == module.channel_key:
                continue
            errors.append(FieldError(name, shown, f"{module.name} has no parameter of this name"))
            continue
        if not param.applies_to(model):
            errors.append(FieldError(name, shown, f"{model} does not have this parameter"))
            continue
        if param.read_only:
            errors.append(FieldError(name, shown, "is read-only and cannot be changed"))
            continue
        try:
            param.type_for(model).parse(value)
        except InvalidValueError as exc:
            errors.append(FieldError(name, shown, str(exc)))
    return errors
