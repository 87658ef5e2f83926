"""Device models named by the document, and what each one has.

Model names in parameter specs are *families* (``GXV3672`` matches ``GXV3672_HD`` and
``GXV3672_FHD``); :func:`family_matches` compares them ignoring ``_`` and case.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Model:
    """One device model as the document describes it."""

    name: str
    channels: int = 1
    ptz: bool = False
    wifi: bool = False
    cmos: bool = False
    privacy_mask: bool = False
    kind: str = "camera"
    max_resolution: tuple[int, int] = (1280, 720)


MODELS: dict[str, Model] = {
    m.name: m
    for m in (
        Model("GXV3500", ptz=True, kind="encoder", cmos=True, max_resolution=(1280, 720)),
        Model("GXV3501", kind="encoder", max_resolution=(704, 576)),
        Model("GXV3504", channels=4, ptz=True, kind="encoder", max_resolution=(704, 576)),
        Model("GXV3601HD", max_resolution=(1280, 720)),
        Model("GXV3611_HD", max_resolution=(1280, 720)),
        Model("GXV3611IR_HD", cmos=True, max_resolution=(1280, 720)),
        Model("GXV3615W", wifi=True, max_resolution=(640, 480)),
        Model("GXV3615WP_HD", wifi=True, cmos=True, max_resolution=(1280, 720)),
        Model("GXV3651FHD", cmos=True, privacy_mask=True, max_resolution=(1920, 1080)),
        Model("GXV3662_HD", cmos=True, privacy_mask=True, max_resolution=(1280, 720)),
        Model("GXV3662_FHD", cmos=True, privacy_mask=True, max_resolution=(1920, 1080)),
        Model("GXV3610_HD", cmos=True, privacy_mask=True, max_resolution=(1280, 720)),
        Model("GXV3610_FHD", cmos=True, privacy_mask=True, max_resolution=(1920, 1080)),
        Model("GXV3672_HD", cmos=True, privacy_mask=True, max_resolution=(1280, 720)),
        Model("GXV3672_FHD", cmos=True, privacy_mask=True, max_resolution=(1920, 1080)),
        Model("GXV3674_HD", cmos=True, privacy_mask=True, max_resolution=(1280, 720)),
        Model("GXV3674_FHD_VF", cmos=True, privacy_mask=True, max_resolution=(1920, 1080)),
    )
}

#: Families the document uses in its "valid for" notes (prefixes of model names).
FAMILIES = (
    "GXV3500", "GXV3501", "GXV3504", "GXV3601", "GXV3611", "GXV3611IR", "GXV3615", "GXV3615W",
    "GXV3615WP", "GXV3651", "GXV3662", "GXV3610", "GXV3672", "GXV3674",
)  # fmt: skip

#: A model the registry does not know: every parameter is offered, ranges are the widest.
GENERIC = Model("GENERIC")


def _norm(name: str) -> str:
    return name.replace("_", "").replace("-", "").upper()


def family_matches(family: str, model: str) -> bool:
    """Whether ``model`` (e.g. ``GXV3672_FHD``) belongs to ``family`` (e.g. ``GXV3672``)."""
    return _norm(model).startswith(_norm(family))


def model_info(name: str | None) -> Model:
    """The :class:`Model` for a device's ``productmode``; :data:`GENERIC` when unknown."""
    if not name:
        return GENERIC
    wanted = _norm(name)
    for model in MODELS.values():
        if _norm(model.name) == wanted:
            return model
    best = max(
        (m for m in MODELS.values() if wanted.startswith(_norm(m.name))),
        key=lambda m: len(m.name),
        default=None,
    )
    return best or Model(name)


def is_known_family(family: str) -> bool:
    """Whether a family name used in a spec belongs to at least one known model."""
    return any(family_matches(family, m) for m in MODELS)
