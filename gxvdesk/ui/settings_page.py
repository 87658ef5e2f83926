"""A camera's configuration pages: module navigation, generated forms, Apply/Revert/Reload."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..protocol.client import InvalidSettingsError
from ..protocol.codec import Reading
from ..protocol.errors import ParameterError
from ..registry import Module, model_info, module, modules_for
from ..services.settings import apply_diff, diff_module, read_module
from . import tasks
from .forms import ModuleForm, RecordTable
from .sessions import Session
from .status_label import StatusLabel

log = logging.getLogger(__name__)

#: Navigation groups in a technician's order; each module names its own group.
GROUP_ORDER = ("Video & audio", "Image", "Network", "Events", "System", "Integrations", "Status")
#: Modules that are not settings pages (served elsewhere: live view, streams).
NOT_PAGES = frozenset({"snapshot", "stream"})
#: How often a status page is read again while it is shown.
STATUS_REFRESH_MS = 5000
#: network parameters whose change moves the camera to another address.
MOVING_PARAMS = ("ipaddress", "httpport", "enabledhcp")


def block_values(mod: Module, reading: Reading, channel: int | None) -> dict[str, str]:
    """Every value of a module's channel in registry spelling (status values included)."""
    out: dict[str, str] = {}
    for block in (reading.blocks[None], reading.block(channel)):
        for name, value in block.values.items():
            param = mod.find(name)
            if param is not None:
                out[param.name] = value
    return out


def record_items(
    mod: Module, reading: Reading, channel: int | None, record: str
) -> list[dict[str, str]]:
    items = []
    for raw in reading.block(channel).records.get(record, []):
        item = {}
        for name, value in raw.items():
            param = mod.find(name)
            if param is not None:
                item[param.name] = value
        items.append(item)
    return items


class SettingsPage(QWidget):
    """Settings of one camera, generated from the registry for its model."""

    #: (text) a status line for the window.
    message = Signal(str)
    #: the camera said a reboot is needed (or a network change is pending).
    reboot_needed = Signal(str)

    def __init__(
        self,
        session: Session,
        runner: tasks.TaskRunner,
        confirm: Callable[[str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.confirm = confirm
        self.model = session.entry.model or None
        self.module: Module | None = None
        self.channel: int | None = None
        self.form: ModuleForm | None = None
        self.tables: list[RecordTable] = []
        self._reading: Reading | None = None

        self.nav = QTreeWidget()
        self.nav.setHeaderHidden(True)
        self.nav.setAccessibleName(self.tr("Settings modules"))
        self.nav.setMinimumWidth(190)
        self._fill_nav()
        self.nav.currentItemChanged.connect(self._module_chosen)

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: 600")
        self.channel_box = QComboBox()
        self.channel_box.setAccessibleName(self.tr("Channel"))
        self.channel_box.currentIndexChanged.connect(self._channel_chosen)
        self.channel_label = QLabel(self.tr("Channel"))
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.channel_label)
        head.addWidget(self.channel_box)

        self.body = QStackedWidget()

        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.reload_button = QPushButton(self.tr("Reload"))
        self.undo_button = QPushButton(self.tr("Undo last apply"))
        self.status = StatusLabel()
        self.apply_button.clicked.connect(self.apply)
        self.revert_button.clicked.connect(self.revert)
        self.reload_button.clicked.connect(self.reload)
        self.undo_button.clicked.connect(self.undo)
        actions = QVBoxLayout()  # the status line gets the full width above the buttons
        actions.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.undo_button, self.reload_button, self.revert_button, self.apply_button):
            buttons.addWidget(button)
        actions.addLayout(buttons)

        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(8, 0, 0, 0)
        column.addLayout(head)
        column.addWidget(self.body, 1)
        column.addLayout(actions)

        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._update_buttons()
        # Status pages (system info: uptime, IR-cut state...) are read again while shown.
        self.refresh_timer = QTimer(self, interval=STATUS_REFRESH_MS)
        self.refresh_timer.timeout.connect(self._refresh_status)

    # -- navigation --------------------------------------------------------------------

    def _fill_nav(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        mods = [m for m in modules_for(self.model) if m.name not in NOT_PAGES]
        order = {g: i for i, g in enumerate(GROUP_ORDER)}
        for mod in sorted(mods, key=lambda m: order.get(m.group, len(order))):
            group = groups.get(mod.group)
            if group is None:
                group = QTreeWidgetItem(self.nav, [self.tr(mod.group)])
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                groups[mod.group] = group
            item = QTreeWidgetItem(group, [self.tr(mod.title)])
            item.setData(0, Qt.ItemDataRole.UserRole, mod.name)
            item.setToolTip(0, f"/goform/{mod.name} (document p.{mod.page})")
        self.nav.expandAll()

    def module_names(self) -> list[str]:
        names = []
        for g in range(self.nav.topLevelItemCount()):
            group = self.nav.topLevelItem(g)
            names += [
                group.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(group.childCount())
            ]
        return names

    def select_module(self, name: str) -> None:
        for g in range(self.nav.topLevelItemCount()):
            group = self.nav.topLevelItem(g)
            for i in range(group.childCount()):
                if group.child(i).data(0, Qt.ItemDataRole.UserRole) == name:
                    self.nav.setCurrentItem(group.child(i))
                    return
        raise KeyError(name)

    def _module_chosen(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        name = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not name:
            return
        if self.is_dirty() and not self.confirm(self.tr("Discard the changes not applied yet?")):
            return
        self.open_module(name)

    def open_module(self, name: str) -> None:
        """Show a module's page (built from the registry) and read it from the camera."""
        mod = module(name)
        self.module = mod
        channels = model_info(self.model).channels if mod.channel_key else 1
        self.channel_box.blockSignals(True)
        self.channel_box.clear()
        for c in range(channels):
            self.channel_box.addItem(self.tr("Channel %1").replace("%1", str(c + 1)), c)
        self.channel_box.blockSignals(False)
        self.channel_box.setVisible(channels > 1)
        self.channel_label.setVisible(channels > 1)
        self.channel = 0 if channels > 1 else None
        self.title.setText(f"{self.tr(mod.title)}")
        self._build_page()
        self.reload()
        if mod.group == "Status":
            self.refresh_timer.start()
        else:
            self.refresh_timer.stop()

    def _refresh_status(self) -> None:
        if self.isVisible() and not self.is_dirty() and not self.runner.running_for(self):
            self.reload(quiet=True)

    def _channel_chosen(self, index: int) -> None:
        if self.module is None or index < 0:
            return
        self.channel = self.channel_box.itemData(index)
        self._build_page()
        if self._reading is not None and self.channel in self._reading.blocks:
            self._show_reading(self._reading)
        else:
            self.reload()

    def _build_page(self) -> None:
        """The form (it scrolls itself) above one pane per record table."""
        assert self.module is not None
        self.form = ModuleForm(self.module, self.model)
        self.form.dirty_changed.connect(self._update_buttons)
        self.form.action_requested.connect(self._action)
        self.tables = []
        page = QSplitter(Qt.Orientation.Vertical)
        page.setChildrenCollapsible(False)
        page.addWidget(self.form)
        for record in self.module.records_for(self.model):
            pane = QWidget()
            pane_layout = QVBoxLayout(pane)
            pane_layout.setContentsMargins(0, 6, 0, 0)
            heading = QLabel(self.tr(record.label))
            heading.setStyleSheet("font-weight: 600")
            table = RecordTable(self.module, record, self.model)
            table.dirty_changed.connect(self._update_buttons)
            pane_layout.addWidget(heading)
            pane_layout.addWidget(table)
            page.addWidget(pane)
            self.tables.append(table)
        old = self.body.currentWidget()
        self.body.addWidget(page)
        self.body.setCurrentWidget(page)
        if old is not None:
            self.body.removeWidget(old)
            old.deleteLater()
        self._update_buttons()

    # -- state -------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return bool(self.form and self.form.is_dirty()) or any(t.is_dirty() for t in self.tables)

    def _update_buttons(self, *_: object) -> None:
        dirty = self.is_dirty()
        self.apply_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        undo = self.session.undo
        self.undo_button.setEnabled(undo is not None)
        self.undo_button.setToolTip(
            self.tr("Restore %1 as it was before the last apply").replace("%1", undo[0])
            if undo
            else self.tr("Nothing applied yet")
        )

    def _say(self, text: str, error: bool = False) -> None:
        self.status.say(text, error)
        self.message.emit(text)

    # -- reading -----------------------------------------------------------------------

    def reload(self, quiet: bool = False) -> None:
        """Read the module again; ``quiet`` keeps the status line (after an apply)."""
        if self.module is None:
            return
        self.runner.start(
            self._load(self.module, quiet),
            self.tr("Reading %1").replace("%1", self.module.title),
            owner=self,
            on_error=lambda e: self._say(tasks.describe(e), error=True),
        )

    async def _load(self, mod: Module, quiet: bool = False) -> None:
        if not quiet:
            self._say(self.tr("Reading from the camera…"))
        camera = self.session.camera
        timeout = camera.timeout * 2 + tasks.GRACE
        reading = await tasks.call(camera.get, mod.name, timeout=timeout)
        if mod is not self.module:
            return
        channels = model_info(self.model).channels if mod.channel_key else 1
        if channels > 1 and self.channel not in reading.blocks:
            reading.blocks[self.channel] = (
                await tasks.call(camera.get, mod.name, (), self.channel, timeout=timeout)
            ).block(self.channel)
        self._reading = reading
        self._show_reading(reading)
        if reading.malformed:
            count = str(len(reading.malformed))
            note = self.tr("Read from the camera; %1 unreadable line(s) in its reply were ignored.")
            self._say(note.replace("%1", count), error=True)
        elif not quiet:
            self._say(self.tr("Read from the camera."))

    def _show_reading(self, reading: Reading) -> None:
        assert self.module is not None and self.form is not None
        self.form.load(block_values(self.module, reading, self.channel))
        for table in self.tables:
            table.load(record_items(self.module, reading, self.channel, table.record.name))
        self._update_buttons()

    def revert(self) -> None:
        if self.form:
            self.form.revert()
        for table in self.tables:
            table.revert()
        self._say(self.tr("Changes reverted."))
        self._update_buttons()

    # -- applying ----------------------------------------------------------------------

    def apply(self) -> None:
        if self.module is None or self.form is None:
            return
        errors = self.form.validate()
        if errors:
            self._say(
                self.tr("Fix the marked fields; nothing was sent.") + f" ({errors[0]})", error=True
            )
            return
        self.runner.start(
            self._apply(self.module),
            self.tr("Applying %1").replace("%1", self.module.title),
            owner=self,
            on_error=self._apply_failed,
        )

    def _apply_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ParameterError) and self.form is not None:
            self.form.show_device_error(exc.param, str(exc))
        if isinstance(exc, InvalidSettingsError) and self.form is not None:
            for error in exc.errors:
                self.form.show_device_error(error.name, error.message)
        self._say(self.tr("Not applied: ") + tasks.describe(exc), error=True)

    async def _apply(self, mod: Module) -> None:
        assert self.form is not None
        camera = self.session.camera
        timeout = camera.timeout * 3 + tasks.GRACE
        channel = self.channel
        changes = self.form.changes()
        before = await tasks.call(read_module, camera, mod.name, timeout=timeout * 2)
        self.session.undo = (mod.name, before)
        reboot = False
        if changes:
            outcome = await tasks.call(camera.set, mod.name, changes, channel, timeout=timeout)
            reboot |= outcome.needs_reboot
        for table in self.tables:
            record = table.record
            key = record.key_param.name
            for slot, fields in table.slot_changes().items():
                outcome = await tasks.call(
                    camera.set, mod.name, {key: slot, **fields}, channel, timeout=timeout
                )
                reboot |= outcome.needs_reboot
            remove_key = mod.param(record.remove_key or record.key).name
            for item_key in table.pending_removes():
                outcome = await tasks.call(
                    camera.remove, mod.name, {remove_key: item_key}, channel, timeout=timeout
                )
                reboot |= outcome.needs_reboot
            for item in table.pending_adds():
                outcome = await tasks.call(camera.add, mod.name, item, channel, timeout=timeout)
                reboot |= outcome.needs_reboot
        self.form.mark_applied()
        for table in self.tables:
            table.mark_applied()
        self._update_buttons()
        moving = (
            {n: v for n, v in changes.items() if n in MOVING_PARAMS}
            if mod.name == "network"
            else {}
        )
        if moving:
            self.session.pending_network.update(moving)
        if reboot or mod.needs_reboot or moving:
            why = self.tr("%1 applied; the camera needs a reboot for it to take effect.").replace(
                "%1", mod.title
            )
            if moving:
                why += " " + self.tr("It will come back at its new network address.")
            self.reboot_needed.emit(why)
            self._say(why)
        else:
            self._say(self.tr("Applied."))
        self.reload(quiet=True)

    def _action(self, name: str) -> None:
        """An action button of a form (reboot, factory reset, test e-mail...)."""
        assert self.module is not None
        param = self.module.param(name)
        question = self.tr("Run '%1' on this camera now?").replace("%1", param.label)
        if not self.confirm(question):
            return
        value = getattr(param.type, "word", "1")

        async def run() -> None:
            camera = self.session.camera
            outcome = await tasks.call(camera.set, self.module.name, {name: value}, self.channel)
            self._say(f"{param.label}: {outcome}")

        self.runner.start(
            run(), param.label, owner=self, on_error=lambda e: self._say(tasks.describe(e), True)
        )

    def undo(self) -> None:
        if self.session.undo is None:
            return
        name, before = self.session.undo
        if not self.confirm(
            self.tr("Put %1 back as it was before the last apply?").replace("%1", name)
        ):
            return

        async def run() -> None:
            camera = self.session.camera
            live = await tasks.call(read_module, camera, name, timeout=camera.timeout * 4)
            diff = diff_module(name, before, live, self.model)
            await tasks.call(
                apply_diff, camera, diff, timeout=camera.timeout * 4 + len(diff.changes) * 5
            )
            self.session.undo = None
            self._say(self.tr("Undone: %1 is as it was before the last apply.").replace("%1", name))
            self._update_buttons()
            if self.module is not None and self.module.name == name:
                self.reload(quiet=True)

        self.runner.start(
            run(),
            self.tr("Undo"),
            owner=self,
            on_error=lambda e: self._say(tasks.describe(e), True),
        )
