"""What the motion-region and privacy-mask editors share: the live canvas, the side table,
Apply/Reload, and device calls off the UI thread with failures shown in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..background import run_in_background
from ..status_label import StatusLabel
from ..tasks import describe
from .canvas import RegionCanvas
from .geometry import Size
from .regions import Region, RegionSet
from .source import FrameSource
from .table import RegionTable


class RegionEditor(QWidget):
    """Base of the editors: subclasses read, diff and write their regions.

    Subclasses implement :meth:`read_device` and :meth:`write_device` (both run in the I/O
    pool) and :meth:`pending_changes` (UI thread).
    """

    #: The regions (and settings) were read from the camera.
    loaded = Signal()
    #: Apply finished: every change was written.
    applied = Signal()
    #: A read or write failed; the sentence shown to the technician.
    failed = Signal(str)

    def __init__(self, camera: Any, channel: int, grid: Size, slots: int, *, label: Any,
                 masks: bool, enabled_column: bool, sensitivity_column: bool, title: str,
                 hint: str, stream: str = "primary",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.camera = camera
        self.channel = channel
        self.regions = RegionSet(grid, slots, label, self)
        self.source = FrameSource(camera, stream, channel)
        self.canvas = RegionCanvas(self.regions, self.source, title, masks)
        self.table = RegionTable(self.regions, enabled_column, sensitivity_column)
        self.busy = False
        self.is_loaded = False
        self.baseline: Any = None

        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.status = StatusLabel(self.tr("Reading from the camera…"))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Write the changed regions to the camera"))
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setToolTip(
            self.tr("Read the regions from the camera again, dropping edits")
        )
        self.delete_button = QPushButton(self.tr("Delete region"))
        self.delete_button.setToolTip(self.tr("Remove the selected region (Delete key)"))
        self.apply_button.clicked.connect(self.apply)
        self.reload_button.clicked.connect(self.reload)
        self.delete_button.clicked.connect(self.delete_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.apply_button)
        self.side = QWidget()
        side = QVBoxLayout(self.side)
        side.setContentsMargins(6, 0, 0, 0)
        side.addWidget(self.hint)
        side.addWidget(self.table, 1)
        side.addLayout(buttons)
        side.addWidget(self.status)
        self.side_layout = side

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([780, 360])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)

        self.regions.changed.connect(self._update_buttons)
        self.regions.selection_changed.connect(self._update_buttons)
        self.canvas.message.connect(self.status.setText)
        self._update_buttons()
        # Subclasses call self.reload() at the end of their __init__, once they are complete.

    # -- for subclasses -------------------------------------------------------------------

    def read_device(self) -> tuple[list[Region], Any]:
        """(I/O pool) The device's regions and whatever :meth:`loaded_extra` needs."""
        raise NotImplementedError

    def write_device(self, changes: Any) -> str:
        """(I/O pool) Write ``changes``; returns a sentence; raises on the first failure."""
        raise NotImplementedError

    def pending_changes(self) -> Any:
        """What Apply would write (falsy when nothing changed)."""
        raise NotImplementedError

    def loaded_extra(self, extra: Any) -> None:
        """(UI thread) Show what :meth:`read_device` returned beside the regions."""

    # -- actions --------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read the regions from the camera (edits are dropped)."""
        if self.busy:
            return
        self._set_busy(True, self.tr("Reading from the camera…"))
        run_in_background(self.read_device, self._read_done, self._failed, guard=self)

    @Slot()
    def apply(self) -> None:
        """Write exactly what changed, then read the camera again."""
        if self.busy:
            return
        changes = self.pending_changes()
        if not changes:
            self.status.setText(self.tr("Nothing to apply: the regions match the camera."))
            return
        self._set_busy(True, self.tr("Writing to the camera…"))
        run_in_background(lambda: self.write_device(changes), self._write_done, self._failed,
                          guard=self)  # fmt: skip

    @Slot()
    def delete_selected(self) -> None:
        if self.regions.selected is not None:
            self.regions.remove(self.regions.selected)

    def shutdown(self, timeout: float = 1.0) -> bool:
        """Stop the live picture and any polling (call before discarding the editor)."""
        return self.canvas.shutdown(timeout)

    # -- results (UI thread) --------------------------------------------------------------

    def _read_done(self, result: tuple[list[Region], Any]) -> None:
        regions, extra = result
        self.baseline = self.snapshot_state(regions)
        self.regions.load(regions, self.empty_sensitivities(extra))
        self.loaded_extra(extra)
        self.is_loaded = True
        in_use = self.tr("{count} of {slots} regions in use.")
        self._set_busy(False, in_use.format(count=len(regions), slots=self.regions.slots))
        self.loaded.emit()

    def _write_done(self, text: str) -> None:
        self._set_busy(False, text)
        self.applied.emit()
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        text = describe(exc)
        self._set_busy(False, text)
        self.status.set_error(True)
        self.failed.emit(text)

    def snapshot_state(self, regions: list[Region]) -> Any:
        """What the device holds, to diff against (by default: the regions by slot)."""
        return {r.slot: r for r in regions}

    def empty_sensitivities(self, extra: Any) -> dict[int, int]:
        return {}

    def _set_busy(self, busy: bool, text: str) -> None:
        self.busy = busy
        self.status.say(text)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        dirty = bool(self.is_loaded and self.pending_changes())
        self.apply_button.setEnabled(not self.busy and dirty)
        self.reload_button.setEnabled(not self.busy)
        self.delete_button.setEnabled(not self.busy and self.regions.selected is not None)
