"""Everything about one camera: header, reboot banner, settings, live view, regions, PTZ."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..registry import model_info
from ..services import reboot
from ..services.inventory import State
from . import tasks
from .inventory_model import format_mac, state_colour_of
from .sessions import Session
from .settings_page import SettingsPage

log = logging.getLogger(__name__)


class RebootBanner(QFrame):
    """ "Reboot required" with a Reboot button; also shows the reboot's progress."""

    reboot_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rebootBanner")
        self.setStyleSheet(
            "#rebootBanner { background: #fff4d6; border: 1px solid #e0b000; border-radius: 4px; }"
            "#rebootBanner QLabel { color: #4a3800; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Reboot now…"))
        self.button.setAccessibleName(self.tr("Reboot the camera"))
        self.button.clicked.connect(self.reboot_clicked)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def show_message(self, text: str, button: bool = True) -> None:
        self.text.setText(text)
        self.button.setVisible(button)
        self.show()


class CameraWorkspace(QWidget):
    """The right-hand side of the main window for the selected camera."""

    #: the entry changed (state, URL after a move): the inventory repaints and saves.
    entry_changed = Signal()

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
        entry = session.entry
        self.header = QLabel()
        self.header.setStyleSheet("font-size: 17px; font-weight: 600")
        self.subheader = QLabel()
        self.subheader.setStyleSheet("color: palette(mid)")
        self.banner = RebootBanner()
        self.banner.reboot_clicked.connect(self.reboot)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Camera pages"))
        self.settings = SettingsPage(session, runner, confirm)
        self.settings.reboot_needed.connect(self._reboot_needed)
        self.tabs.addTab(self.settings, self.tr("Settings"))
        self._extra_tabs()
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.subheader)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.refresh_header()
        if entry.state == State.NEEDS_REBOOT:
            self.banner.show_message(self.tr("Settings are waiting for a reboot to take effect."))

    def _extra_tabs(self) -> None:
        """Live view, region editors and PTZ (with a preview beside the pad)."""
        from .live import MotionRegionEditor, PreviewWidget, PrivacyMaskEditor
        from .ptz import PtzPanel

        camera = self.session.camera
        entry = self.session.entry
        model = entry.model or None
        title = entry.display_name
        self.pages: dict[str, QWidget] = {}
        pages: list[tuple[str, str, QWidget]] = [
            ("live", self.tr("Live"), PreviewWidget(camera, title)),
            ("motion", self.tr("Motion regions"), MotionRegionEditor(camera, 0, title)),
        ]
        if model_info(model).privacy_mask:
            pages.append(("privacy", self.tr("Privacy masks"), PrivacyMaskEditor(camera, title)))
        if PtzPanel.supported(model):
            preview = PreviewWidget(camera, title)
            panel = PtzPanel(camera, model, 0, preview=preview)
            # the picture follows the PTZ channel: steer what you see
            panel.channel_changed.connect(
                lambda c: preview.set_stream(preview.stream_box.currentData(), c)
            )
            pages.append(("ptz", self.tr("PTZ"), panel))
        for key, text, page in pages:
            self.pages[key] = page
            self.tabs.addTab(page, text)

    def refresh_header(self) -> None:
        entry = self.session.entry
        colour = state_colour_of(entry.state).name()
        state = f"<span style='color:{colour}; font-size:13px'>● {entry.state.value}</span>"
        self.header.setText(f"{entry.display_name}  {state}")
        facts = (entry.model, entry.address.hostport, format_mac(entry.mac), entry.firmware)
        self.subheader.setText("  ·  ".join(p for p in facts if p))

    def _reboot_needed(self, text: str) -> None:
        self.session.entry.state = State.NEEDS_REBOOT
        self.banner.show_message(text)
        self.refresh_header()
        self.entry_changed.emit()

    def reboot(self) -> None:
        entry = self.session.entry
        pending = dict(self.session.pending_network)
        moving = reboot.expected_url(entry.address, pending)
        question = self.tr("Reboot %1 now? Video stops for about a minute.").replace(
            "%1", entry.display_name
        )
        if moving != entry.url:
            question += " " + self.tr("It will come back at %1.").replace("%1", moving)
        if not self.confirm(question):
            return
        self.runner.start(
            self._reboot(pending),
            self.tr("Rebooting %1").replace("%1", entry.display_name),
            owner=self,
            on_error=self._reboot_failed,
        )

    async def _reboot(self, pending: dict[str, str]) -> None:
        entry = self.session.entry
        camera = self.session.camera
        await tasks.call(reboot.send_reboot, camera, timeout=camera.timeout * 3)
        entry.state, entry.detail = State.REBOOTING, ""
        self.banner.show_message(
            self.tr("Rebooting… waiting for the camera to answer again."), button=False
        )
        self.refresh_header()
        self.entry_changed.emit()
        back = await tasks.call(
            reboot.wait_until_back, camera, entry.mac, pending, 180.0, 1.0, timeout=200.0
        )
        if back.url != entry.url:
            entry.url = back.url
        self.session.pending_network.clear()
        entry.state = State.ONLINE
        entry.detail = (
            self.tr("back at %1 after %2 s")
            .replace("%1", back.url)
            .replace("%2", f"{back.seconds:.0f}")
        )
        text = (
            self.tr("Back at its new address %1.").replace("%1", back.url)
            if back.moved
            else self.tr("The camera is back.")
        )
        self.banner.show_message(text, button=False)
        self.refresh_header()
        self.entry_changed.emit()

    def _reboot_failed(self, exc: BaseException) -> None:
        entry = self.session.entry
        entry.state, entry.detail = State.UNREACHABLE, tasks.describe(exc)
        self.banner.show_message(tasks.describe(exc), button=True)
        self.refresh_header()
        self.entry_changed.emit()

    def shutdown(self) -> None:
        self.runner.cancel(self)
        self.runner.cancel(self.settings)
        for page in self.pages.values():
            stop = getattr(page, "shutdown", None)
            if callable(stop):
                stop()
