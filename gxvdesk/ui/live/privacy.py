"""The privacy-mask editor: rectangles A-D on the live picture, each switched on or off.

Read from cmos ``privacymask`` and written with the registry type's own format (the
document's SET format); the camera blacks the masks out, so the picture shows the effect
once applied.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...registry import module
from ...registry.types import MASK_IDS, MaskRegion, PrivacyMask
from .editor import RegionEditor
from .regions import Region

MODULE = "cmos"
PARAM = "privacymask"


def mask_type() -> PrivacyMask:
    """The registry's privacy-mask type (it owns the coordinate space and the wire format)."""
    ptype = module(MODULE).param(PARAM).type
    assert isinstance(ptype, PrivacyMask)
    return ptype


def to_regions(masks: tuple[MaskRegion, ...]) -> list[Region]:
    """Masks in use (switched on, or with a rectangle) as editor regions."""
    return [
        Region(i, (m.x1, m.y1, m.x2, m.y2), m.enabled)
        for i, m in enumerate(masks)
        if m.enabled or any((m.x1, m.y1, m.x2, m.y2))
    ]


def to_masks(regions: dict[int, Region], count: int = 4) -> tuple[MaskRegion, ...]:
    """Editor regions as the four masks A-D (a missing one is off and empty)."""
    out = []
    for i in range(count):
        r = regions.get(i)
        out.append(MaskRegion(False, 0, 0, 0, 0) if r is None else MaskRegion(r.enabled, *r.box))
    return tuple(out)


class PrivacyMaskEditor(RegionEditor):
    """Privacy masks A-D of ``camera`` drawn on its live picture."""

    def __init__(self, camera: Any, title: str = "", parent: QWidget | None = None) -> None:
        self.mask_type = mask_type()
        # Not self.tr() yet: the QObject is made by the super().__init__ below.
        hint = QCoreApplication.translate(
            "PrivacyMaskEditor",
            "Drag on the picture to draw a mask (up to four, A-D); drag inside to move it, by "
            "its handles to resize. Tick On to black it out. Delete removes it, arrow keys "
            "nudge (Shift: 10). Hold Alt or Ctrl to stop edges snapping.",
        )
        title = title or QCoreApplication.translate("PrivacyMaskEditor", "Privacy masks")
        super().__init__(
            camera, 0, (self.mask_type.max_x, self.mask_type.max_y), len(MASK_IDS),
            label=lambda slot: MASK_IDS[slot], masks=True, enabled_column=True,
            sensitivity_column=False, title=title, hint=hint, parent=parent,
        )  # fmt: skip
        self.reload()

    def read_device(self) -> tuple[list[Region], Any]:
        text = self.camera.get(MODULE).value(PARAM)
        if text is None:
            raise RuntimeError(
                QCoreApplication.translate(
                    "PrivacyMaskEditor",
                    "this camera did not report privacy masks (cmos privacymask)",
                )
            )
        return to_regions(self.mask_type.parse(text)), None

    def write_device(self, changes: Any) -> str:
        self.camera.set(MODULE, {PARAM: self.mask_type.format(changes)})
        on = [MASK_IDS[i] for i, m in enumerate(changes) if m.enabled]
        if not on:
            return QCoreApplication.translate("PrivacyMaskEditor", "Applied: no mask is on.")
        applied = QCoreApplication.translate("PrivacyMaskEditor", "Applied: masks {masks} on.")
        return applied.format(masks=", ".join(on))

    def snapshot_state(self, regions: list[Region]) -> Any:
        return to_masks({r.slot: r for r in regions}, self.regions.slots)

    def pending_changes(self) -> Any:
        """The four masks to send, or None when they match the camera."""
        if self.baseline is None:
            return None
        masks = to_masks(self.regions.regions, self.regions.slots)
        return masks if masks != self.baseline else None
