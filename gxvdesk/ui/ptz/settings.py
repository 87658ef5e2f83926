"""The ptz module's settings as generated forms, grouped the way a technician looks for them.

The groups are data (:data:`GROUPS`); each becomes a :class:`~gxvdesk.ui.forms.ModuleForm`
of a copy of the ptz module restricted to the group's parameters, so every field is still
built, validated and converted by the registry. The commands (``ptzcontrol``, ``ptzparam``,
``oprate_type``) are never shown: applying them would move the head.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...protocol.client import Camera, InvalidSettingsError
from ...protocol.codec import Reading
from ...protocol.errors import ParameterError
from ...registry import Module, module
from ..background import run_in_background
from ..forms.module_form import ModuleForm
from ..status_label import StatusLabel
from ..tasks import describe

log = logging.getLogger(__name__)

#: Parameters that are commands, not settings.
COMMANDS = ("ptzcontrol", "ptzparam", "oprate_type")
#: (tab title, tooltip, registry names). Parameters of no group land in the last one.
#: Titles and tooltips are source texts, translated when shown; the titles key
#: :attr:`PtzSettings.forms`.
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("PtzSettings", "Head"),
     QT_TRANSLATE_NOOP("PtzSettings",
                       "RS-485 link to the PTZ head: protocol, baud rate, Pelco addresses"),
     ("protocol", "baudrate", "addressid1", "addressid2", "addressid3", "addressid4",
      "msgtype")),
    (QT_TRANSLATE_NOOP("PtzSettings", "Patrol"),
     QT_TRANSLATE_NOOP("PtzSettings", "Patrol, pattern scan and preset loop"),
     ("class", "group", "id", "action_type", "action_id", "action_time", "action_speed",
      "swing_start_id", "swing_end_id")),
    (QT_TRANSLATE_NOOP("PtzSettings", "Park"),
     QT_TRANSLATE_NOOP("PtzSettings", "Park action and scheduled task"),
     ("enable_park_action", "park_time", "park_action_type", "park_action_type_id",
      "enable_scheduled_task", "scheduled_task_park_time", "set_resume_time_point")),
    (QT_TRANSLATE_NOOP("PtzSettings", "Display"),
     QT_TRANSLATE_NOOP("PtzSettings", "Speeds, on-screen display and limits"),
     ("enable_proportional_pan", "enable_preset_freezing", "preset_speed",
      "keyboard_control_speed", "auto_scan_speed", "zoom_status", "pt_status",
      "preset_status", "enable_limit", "limit_type", "limit_type_status")),
)  # fmt: skip


def group_modules(model: str | None) -> list[tuple[str, str, Module]]:
    """The ptz module cut into :data:`GROUPS` for ``model`` (empty groups left out)."""
    ptz = module("ptz")
    placed = set(COMMANDS)
    out: list[tuple[str, str, list[Any]]] = []
    for title, tip, names in GROUPS:
        params = [ptz.param(n) for n in names]
        placed.update(p.name for p in params)
        out.append((title, tip, params))
    rest = [p for p in ptz.params if p.name not in placed]
    out[-1][2].extend(rest)  # a parameter added to the registry later is still shown
    result = []
    for title, tip, params in out:
        mine = [p for p in params if p.applies_to(model)]
        if mine:
            part = dataclasses.replace(ptz, params=tuple(mine), records=(), _index={})
            result.append((title, tip, part))
    return result


def channel_values(reading: Reading, channel: int | None) -> dict[str, str]:
    """A channel's values (the common block first, the channel's own over it)."""
    values = dict(reading.blocks[None].values)
    values.update(reading.block(channel).values)
    return values


def off_ui_thread(
    fn: Callable[[], Any], callback: Callable[[Any, BaseException | None], None], guard: QObject
) -> Future[Any]:
    """Run ``fn`` in the I/O pool; ``callback(result, error)`` on the UI thread after."""
    return run_in_background(
        fn, lambda result: callback(result, None), lambda error: callback(None, error), guard
    )


class PtzSettings(QWidget):
    """Tabs of generated ptz forms for one channel, with Reload, Revert and Apply."""

    #: A sentence for the status line ("Read from the camera.", "Not applied: ...").
    message = Signal(str)
    #: Emitted after each load or apply finished (ok or not), for tests and the panel.
    settled = Signal()

    def __init__(
        self, camera: Camera, model: str | None, channel: int | None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.camera = camera
        self.model = model
        self.channel = channel
        self.forms: dict[str, ModuleForm] = {}
        self._busy = False

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for title, tip, part in group_modules(model):
            form = ModuleForm(part, model, self)
            form.dirty_changed.connect(self._update_buttons)
            index = self.tabs.addTab(form, self.tr(title))
            self.tabs.setTabToolTip(index, self.tr(tip))
            self.forms[title] = form

        self.status = StatusLabel(parent=self)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.reload_button.clicked.connect(self.reload)
        self.revert_button.clicked.connect(self.revert)
        self.apply_button.clicked.connect(self.apply)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.reload_button)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bar)
        self._update_buttons()

    # state ------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return any(f.is_dirty() for f in self.forms.values())

    def changes(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for form in self.forms.values():
            out.update(form.changes())
        return out

    @property
    def busy(self) -> bool:
        return self._busy

    def _update_buttons(self, *_: object) -> None:
        dirty = self.is_dirty()
        self.apply_button.setEnabled(dirty and not self._busy)
        self.revert_button.setEnabled(dirty and not self._busy)
        self.reload_button.setEnabled(not self._busy)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.say(text, error)
        self.message.emit(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    # reading and writing ----------------------------------------------------------------

    def reload(self) -> None:
        """Read the channel's settings from the camera (off the UI thread)."""
        if self._busy:
            return
        self._set_busy(True)
        self._say(self.tr("Reading from the camera…"))
        channel = self.channel
        off_ui_thread(lambda: self.camera.get("ptz", channel=channel), self._loaded, self)

    def _loaded(self, reading: Reading | None, error: BaseException | None) -> None:
        self._set_busy(False)
        if error is not None or reading is None:
            problem = describe(error or RuntimeError())
            self._say(self.tr("Not read: {problem}").format(problem=problem), error=True)
        else:
            values = channel_values(reading, self.channel)
            for form in self.forms.values():
                form.load(values)
            self._say(self.tr("Read from the camera."))
        self._update_buttons()
        self.settled.emit()

    def revert(self) -> None:
        for form in self.forms.values():
            form.revert()
        self._say(self.tr("Changes reverted."))
        self._update_buttons()

    def apply(self) -> None:
        """Validate every group, then send the changes in one ``cmd=set``."""
        if self._busy:
            return
        errors = [e for form in self.forms.values() for e in form.validate()]
        if errors:
            text = self.tr("Fix the marked fields; nothing was sent ({problem}).")
            self._say(text.format(problem=errors[0]), error=True)
            return
        changes = self.changes()
        if not changes:
            return
        self._set_busy(True)
        self._say(self.tr("Applying…"))
        channel = self.channel
        off_ui_thread(lambda: self.camera.set("ptz", changes, channel), self._applied, self)

    def _applied(self, outcome: Any, error: BaseException | None) -> None:
        self._set_busy(False)
        if error is None:
            for form in self.forms.values():
                form.mark_applied()
            needs = getattr(outcome, "needs_reboot", False)
            self._say(
                self.tr("Applied; the camera asks for a restart.") if needs else self.tr("Applied.")
            )
        else:
            if isinstance(error, ParameterError):
                self._show_error(error.param, str(error))
            elif isinstance(error, InvalidSettingsError):
                for item in error.errors:
                    self._show_error(getattr(item, "name", ""), getattr(item, "message", ""))
            problem = describe(error)
            self._say(self.tr("Not applied: {problem}").format(problem=problem), error=True)
        self._update_buttons()
        self.settled.emit()

    def _show_error(self, name: str, message: str) -> None:
        for form in self.forms.values():
            if form.show_device_error(name, message):
                self.tabs.setCurrentWidget(form)
                return
