"""The rectangles being edited: numbered slots (16 motion regions, 4 privacy masks)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal

from .geometry import Box, Size, clamp_box

#: One colour per slot, distinct on a bright or dark picture.
PALETTE = (
    "#ff5252", "#40c4ff", "#ffd740", "#69f0ae", "#e040fb", "#ff9e40", "#b2ff59", "#18ffff",
    "#ff4081", "#8c7dff", "#ffab91", "#64ffda", "#eeff41", "#82b1ff", "#f48fb1", "#bcaaa4",
)  # fmt: skip


@dataclass(frozen=True)
class Region:
    """One rectangle in device units; ``enabled`` is used by masks, ``sensitivity`` by motion."""

    slot: int
    box: Box
    enabled: bool = True
    sensitivity: int = 50


class RegionSet(QObject):
    """The regions of one editor, by slot; the canvas and the side table both edit it."""

    #: Something changed (a region added, removed, moved, resized or re-flagged).
    changed = Signal()
    #: The selected slot, or -1 for none.
    selection_changed = Signal(int)

    def __init__(self, grid: Size, slots: int, label: Callable[[int], str] = str,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.grid = grid
        self.slots = slots
        self.label = label
        self.regions: dict[int, Region] = {}
        self.selected: int | None = None
        self.new_sensitivity: dict[int, int] = {}

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(self.regions.values(), key=lambda r: r.slot))

    def __len__(self) -> int:
        return len(self.regions)

    def get(self, slot: int) -> Region | None:
        return self.regions.get(slot)

    def load(self, regions: Iterable[Region], sensitivities: dict[int, int] | None = None) -> None:
        """Replace every region (what the device holds); ``sensitivities`` of empty slots."""
        self.regions = {r.slot: r for r in regions}
        self.new_sensitivity = dict(sensitivities or {})
        if self.selected not in self.regions:
            self.selected = None
            self.selection_changed.emit(-1)
        self.changed.emit()

    def free_slot(self) -> int | None:
        return next((s for s in range(self.slots) if s not in self.regions), None)

    def add(self, box: Box, enabled: bool = True) -> Region | None:
        """A new region in the lowest free slot (None when all slots are used)."""
        slot = self.free_slot()
        if slot is None:
            return None
        region = Region(slot, clamp_box(box, self.grid), enabled,
                        self.new_sensitivity.get(slot, 50))  # fmt: skip
        self.regions[slot] = region
        self.changed.emit()
        return region

    def update(self, slot: int, box: Box | None = None, enabled: bool | None = None,
               sensitivity: int | None = None) -> None:  # fmt: skip
        old = self.regions[slot]
        new = replace(
            old,
            box=old.box if box is None else clamp_box(box, self.grid),
            enabled=old.enabled if enabled is None else enabled,
            sensitivity=old.sensitivity if sensitivity is None else max(0, min(100, sensitivity)),
        )
        if new != old:
            self.regions[slot] = new
            self.changed.emit()

    def remove(self, slot: int) -> None:
        region = self.regions.pop(slot, None)
        if region is None:
            return
        self.new_sensitivity[slot] = region.sensitivity
        if self.selected == slot:
            self.select(None)
        self.changed.emit()

    def select(self, slot: int | None) -> None:
        slot = slot if slot in self.regions else None
        if slot != self.selected:
            self.selected = slot
            self.selection_changed.emit(-1 if slot is None else slot)

    def others(self, slot: int | None) -> list[Box]:
        """The boxes of every region but ``slot`` (snap targets)."""
        return [r.box for s, r in self.regions.items() if s != slot]
