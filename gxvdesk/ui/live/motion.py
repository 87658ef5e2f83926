"""The motion-detection region editor: 16 regions on the live picture, their sensitivity,
the camera's live motion state, and the module's other settings beside them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ...registry import module, name_key
from ...registry.modules.motiondetect import CORNER, MD_GRID, REGIONS, SCHEDULES
from ..background import run_in_background
from ..tasks import describe
from .editor import RegionEditor
from .regions import Region

MODULE = "motiondetect"
#: How often the camera's motion state is asked for while the editor is shown.
MOTION_POLL_MS = 500


def _field(record: dict[str, str], name: str) -> str | None:
    """A record's value by registry name, whatever the device's spelling."""
    wanted = name_key(name)
    return next((v for k, v in record.items() if name_key(k) == wanted), None)


def parse_regions(records: list[dict[str, str]]) -> tuple[list[Region], dict[int, int]]:
    """Regions in use (0/0 corners = none) and every slot's sensitivity, from GET records."""
    regions, sensitivities = [], {}
    for record in records:
        index = _field(record, "md.regn.index")
        if index is None or not index.strip().isdigit():
            continue
        slot = int(index)
        sensitivity = int(_field(record, "md.regn.sensitivity") or 50)
        sensitivities[slot] = sensitivity
        leftup = CORNER.parse(_field(record, "md.regn.leftup") or "0")
        rightdown = CORNER.parse(_field(record, "md.regn.rightdown") or "0")
        if leftup.x < rightdown.x and leftup.y < rightdown.y:
            box = (leftup.x, leftup.y, rightdown.x, rightdown.y)
            regions.append(Region(slot, box, True, sensitivity))
    return regions, sensitivities


class MotionRegionEditor(RegionEditor):
    """Motion regions of ``camera``'s ``channel`` drawn on its live picture.

    Regions are read with ``get("motiondetect")``; Apply writes one set per changed slot
    (``md.regn.index`` with both corners and the sensitivity; a deleted region as 0/0),
    plus the settings form's changes. While shown, the camera's motion state is polled and
    the picture's border flashes red when it reports motion.
    """

    #: The camera started (True) or stopped (False) reporting motion.
    motion_changed = Signal(bool)

    def __init__(self, camera: Any, channel: int = 0, title: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        # Not self.tr() yet: the QObject is made by the super().__init__ below.
        hint = QCoreApplication.translate(
            "MotionRegionEditor",
            "Drag on the picture to draw a region; drag inside to move it, by its handles to "
            "resize. Delete removes it, arrow keys nudge (Shift: 10). Hold Alt or Ctrl to stop "
            "edges snapping.",
        )
        title = title or QCoreApplication.translate("MotionRegionEditor", "Motion regions")
        super().__init__(
            camera, channel, MD_GRID, REGIONS.max_items or 16, label=str, masks=False,
            enabled_column=False, sensitivity_column=True, title=title, hint=hint, parent=parent,
        )  # fmt: skip
        self.module = module(MODULE)
        self.motion = False
        self.motion_error: str | None = None
        self.model: str | None = None
        self.settings_form: Any = None
        self._polling = False
        self._blink = False

        # The motion settings (schedule switches, actions) sit in a tab beside the regions.
        self.tabs = QTabWidget()
        self.splitter.replaceWidget(1, self.tabs)
        self.tabs.addTab(self.side, self.tr("Regions"))
        #: Holds the motion-detection settings form (a ModuleForm when gxvdesk.ui.forms has
        #: one); the main window may put its own widget here instead.
        self.settings_panel = QWidget()
        QVBoxLayout(self.settings_panel).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.settings_panel, self.tr("Motion settings"))
        #: When motion counts: the schedule list (cmd=add / cmd=remove), from the registry.
        self.schedule_table: Any = None
        self.schedule_panel = QWidget()
        QVBoxLayout(self.schedule_panel).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.schedule_panel, self.tr("Schedules"))
        self.splitter.setSizes([800, 430])  # room for the settings form's widest row

        self._timer = QTimer(self)
        self._timer.setInterval(MOTION_POLL_MS)
        self._timer.timeout.connect(self._poll_motion)
        self.reload()

    # -- device I/O (pool threads) --------------------------------------------------------

    def read_device(self) -> tuple[list[Region], Any]:
        reading = self.camera.get(MODULE, channel=self.channel)
        block = reading.block(self.channel)
        regions, sensitivities = parse_regions(block.records.get(REGIONS.name, []))
        values = {p.name: reading.value(p.name, self.channel) for p in self.module.params}
        schedules = [
            {self.module.param(k).name: v for k, v in item.items() if self.module.find(k)}
            for item in block.records.get(SCHEDULES.name, [])
            + reading.blocks[None].records.get(SCHEDULES.name, [])
        ]
        return regions, {"sensitivities": sensitivities, "values": values,
                         "schedules": schedules, "model": self.camera.model}  # fmt: skip

    def write_device(self, changes: Any) -> str:
        slots, settings, removes, adds = changes
        written: list[str] = []
        for slot, region in slots:
            box = region.box if region is not None else (0, 0, 0, 0)
            sensitivity = region.sensitivity if region is not None else self._sensitivity(slot)
            values = [
                ("md.regn.index", slot),
                ("md.regn.leftup", f"{box[0]},{box[1]}"),
                ("md.regn.rightdown", f"{box[2]},{box[3]}"),
                ("md.regn.sensitivity", sensitivity),
            ]
            try:
                self.camera.set(MODULE, values, channel=self.channel)
            except Exception as exc:
                # Runs in the I/O pool: tr() (QCoreApplication.translate) is thread-safe.
                if written:
                    text = self.tr("region {slot}: {problem} (regions {done} were written)")
                else:
                    text = self.tr("region {slot}: {problem}")
                problem = describe(exc)
                raise RuntimeError(
                    text.format(slot=slot, problem=problem, done=", ".join(written))
                ) from exc
            written.append(str(slot))
        if settings:
            self.camera.set(MODULE, settings, channel=self.channel)
        key = self.module.param(SCHEDULES.remove_key or SCHEDULES.key).name
        for schedule_id in removes:
            self.camera.remove(MODULE, {key: schedule_id}, channel=self.channel)
        for item in adds:
            self.camera.add(MODULE, item, channel=self.channel)
        parts = []
        if written:
            parts.append(self.tr("regions {done}").format(done=", ".join(written)))
        if settings:
            parts.append(self.tr("motion settings"))
        if removes or adds:
            parts.append(self.tr("schedules"))
        return self.tr("Applied {what}.").format(what=", ".join(parts))

    # -- diff (UI thread) -----------------------------------------------------------------

    def _sensitivity(self, slot: int) -> int:
        return self.regions.new_sensitivity.get(slot, 50)

    def pending_changes(self) -> Any:
        """``([(slot, Region or None for deleted)], {setting: value})``, or None."""
        if self.baseline is None:
            return None
        slots: list[tuple[int, Region | None]] = []
        for slot in range(self.regions.slots):
            now, was = self.regions.get(slot), self.baseline.get(slot)
            if now is None and was is None:
                continue
            same = now is not None and was is not None and now == was
            if not same:
                slots.append((slot, now))
        settings: dict[str, str] = {}
        if self.settings_form is not None:
            channel_key = self.module.channel_key
            settings = {k: v for k, v in self.settings_form.changes().items() if k != channel_key}
        removes: list[str] = []
        adds: list[dict[str, str]] = []
        if self.schedule_table is not None:
            removes = self.schedule_table.pending_removes()
            adds = self.schedule_table.pending_adds()
        changed = slots or settings or removes or adds
        return (slots, settings, removes, adds) if changed else None

    def apply(self) -> None:
        if self.settings_form is not None and self.settings_form.validate():
            self.status.setText(
                self.tr("Some motion settings are not valid; see the marked fields.")
            )
            self.tabs.setCurrentWidget(self.settings_panel)
            return
        super().apply()

    def empty_sensitivities(self, extra: Any) -> dict[int, int]:
        return dict(extra["sensitivities"])

    def loaded_extra(self, extra: Any) -> None:
        self.model = extra["model"]
        values = {k: v for k, v in extra["values"].items() if v is not None}
        if self.settings_form is None:
            self.settings_form = self._make_form(self.model)
        if self.settings_form is not None:
            self.settings_form.load(values)
        if self.schedule_table is None:
            self.schedule_table = self._make_schedule_table(self.model)
        if self.schedule_table is not None:
            self.schedule_table.load(extra.get("schedules", []))

    def _make_schedule_table(self, model: str | None) -> Any:
        try:
            from ..forms import RecordTable
        except ImportError:
            return None
        table = RecordTable(self.module, SCHEDULES, model)
        table.dirty_changed.connect(self._update_buttons)
        self.schedule_panel.layout().addWidget(table)
        return table

    def _make_form(self, model: str | None) -> Any:
        try:
            from ..forms import ModuleForm
        except ImportError:  # forms not available: the panel stays a hook for the window
            unavailable = QLabel(self.tr("Motion settings are not available."))
            self.settings_panel.layout().addWidget(unavailable)
            return None
        form = ModuleForm(self.module, model)
        form.dirty_changed.connect(self._update_buttons)
        self.settings_panel.layout().addWidget(form)
        return form

    # -- live motion state ----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def shutdown(self, timeout: float = 1.0) -> bool:
        self._timer.stop()
        return super().shutdown(timeout)

    def _poll_motion(self) -> None:
        if self._polling:
            return
        self._polling = True
        channel = self.channel or None
        run_in_background(lambda: self.camera.motion_alarm(channel), self._motion_done,
                          self._motion_failed, guard=self)  # fmt: skip

    def _motion_done(self, active: bool) -> None:
        self._polling = False
        self.motion_error = None
        self._blink = not self._blink
        if active != self.motion:
            self.motion = active
            self.motion_changed.emit(active)
        self._show_motion()

    def _motion_failed(self, exc: BaseException) -> None:
        self._polling = False
        self.motion_error = describe(exc)
        self.motion = False
        self.canvas.set_alert(None)

    def _show_motion(self) -> None:
        # The badge stays while the camera reports motion; the border flashes with each answer.
        if self.motion:
            self.canvas.set_alert(self.tr("MOTION"), border=self._blink)
        else:
            self.canvas.set_alert(None)
