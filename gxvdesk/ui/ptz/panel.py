"""The PTZ panel of a camera: [live preview] | pad | presets and the ptz settings.

One :class:`PtzController` per channel drives the head; the settings are read and applied
in the I/O pool. Show it only when :meth:`PtzPanel.supported` says the model has PTZ.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...protocol.client import Camera
from ...registry import model_info, module
from ...services.ptz_presets import PresetNames, camera_key
from .controller import CommandResult, PtzController
from .pad import PtzPad
from .presets import PresetList, preset_numbers
from .settings import PtzSettings, off_ui_thread

log = logging.getLogger(__name__)

#: Seconds the whole panel may spend on final stops when it closes.
SHUTDOWN_SECONDS = 3.0


class PtzPanel(QWidget):
    """Pad, presets and PTZ settings of ``camera`` (a blocking client, used off the UI thread).

    ``preview`` (a live view) is placed left of the pad when given. ``presets`` and
    ``key`` choose where preset names are kept (default: the shared file, keyed by the
    camera's MAC, read in the background, else its URL).
    """

    #: The channel shown changed (0-based).
    channel_changed = Signal(int)
    #: The key preset names are kept under is known (MAC or URL).
    key_known = Signal(str)

    def __init__(
        self,
        camera: Camera,
        model: str | None,
        channel: int = 0,
        parent: QWidget | None = None,
        *,
        preview: QWidget | None = None,
        presets: PresetNames | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ptzPanel")
        self.camera = camera
        self.model = model
        self.preview = preview
        self.channels = model_info(model).channels
        self.channel = max(0, min(channel, self.channels - 1))
        self.store = presets or PresetNames()
        self.key = key
        self.controllers: dict[int, PtzController] = {}
        self.settings: dict[int, PtzSettings] = {}
        self._closed = False
        self._sized = False

        if not self.supported(model):
            layout = QVBoxLayout(self)
            text = (
                self.tr("{model} has no PTZ.").format(model=model)
                if model
                else self.tr("This camera has no PTZ.")
            )
            layout.addWidget(QLabel(text, self))
            self.pad = None
            self.presets = None
            return

        self.channel_box = QComboBox(self)
        self.channel_box.setAccessibleName(self.tr("PTZ channel"))
        for c in range(self.channels):
            self.channel_box.addItem(self.tr("Channel {number}").format(number=c + 1), c)
        self.channel_box.setCurrentIndex(self.channel)
        self.channel_box.currentIndexChanged.connect(self._channel_chosen)
        head = QHBoxLayout()
        self.channel_label = QLabel(self.tr("Channel"), self)
        head.addWidget(self.channel_label)
        head.addWidget(self.channel_box, 1)
        self.channel_label.setVisible(self.channels > 1)
        self.channel_box.setVisible(self.channels > 1)

        self.pad = PtzPad(None, self)
        self.pad.setMinimumWidth(240)
        pad_column = QWidget(self)
        column = QVBoxLayout(pad_column)
        column.setContentsMargins(6, 0, 6, 0)
        column.addLayout(head)
        column.addWidget(self.pad, 1)

        self.presets = PresetList(preset_numbers(model), self)
        self.presets.goto_requested.connect(lambda n: self._preset("goto", n))
        self.presets.save_requested.connect(lambda n: self._preset("set-preset", n))
        self.presets.clear_requested.connect(lambda n: self._preset("clear-preset", n))
        self.presets.auto_pan_requested.connect(lambda on: self.controller.auto_pan(on))

        self.side = QTabWidget(self)
        self.side.addTab(self.presets, self.tr("Presets"))
        self.side.setMinimumWidth(250)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        if preview is not None:
            self.splitter.addWidget(preview)
        self.splitter.addWidget(pad_column)
        self.splitter.addWidget(self.side)
        for i in range(self.splitter.count()):
            self.splitter.setStretchFactor(i, 3 if self.splitter.widget(i) is preview else 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        self._show_channel(self.channel)
        # Destroyed without shutdown(): still send the final stops (no self in the closure).
        controllers = self.controllers
        self.destroyed.connect(
            lambda *_: [c.request_shutdown(silent=True) for c in list(controllers.values())]
        )
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        if self.key is None:
            self._find_key()
        else:
            self.presets.set_store(self.store, self.key, self.channel)

    @staticmethod
    def supported(model: str | None) -> bool:
        """Whether ``model`` has a PTZ head (GXV3500, GXV3504): show the panel only then."""
        return bool(model) and model_info(model).ptz and module("ptz").applies_to(model)

    # channels ---------------------------------------------------------------------------

    @property
    def controller(self) -> PtzController:
        """The controller of the channel shown (created on first use)."""
        return self.controller_for(self.channel)

    def controller_for(self, channel: int) -> PtzController:
        ctl = self.controllers.get(channel)
        if ctl is None or not ctl.alive:
            wire_channel = channel if self.channels > 1 else None
            ctl = PtzController(self.camera, wire_channel, self)
            ctl.finished.connect(lambda result, c=channel: self._on_result(c, result))
            ctl.warm_up()
            self.controllers[channel] = ctl
            self._closed = False
        return ctl

    def settings_for(self, channel: int) -> PtzSettings:
        page = self.settings.get(channel)
        if page is None:
            wire_channel = channel if self.channels > 1 else None
            page = PtzSettings(self.camera, self.model, wire_channel, self)
            self.settings[channel] = page
            page.reload()
        return page

    def _channel_chosen(self, index: int) -> None:
        channel = self.channel_box.itemData(index)
        if channel is not None and channel != self.channel:
            self._show_channel(channel)
            self.channel_changed.emit(channel)

    def _show_channel(self, channel: int) -> None:
        assert self.pad is not None and self.presets is not None
        self.channel = channel
        self.pad.set_controller(self.controller_for(channel))  # stops the previous channel
        page = self.settings_for(channel)
        while self.side.count() > 1:
            self.side.removeTab(1)
        self.side.addTab(page, self.tr("Settings"))
        self.presets.set_store(self.store, self.key, channel)

    # presets ----------------------------------------------------------------------------

    def _find_key(self) -> None:
        """Key preset names by the camera's MAC (asked in the background), else its URL."""
        url = self.camera.address.base_url

        def identify() -> str:
            try:
                return camera_key(mac=self.camera.identify().mac, url=url)
            except Exception as exc:  # unreachable now: the URL still keys the names
                log.info("%r: MAC unknown (%s); preset names kept by URL", self.camera, exc)
                return camera_key(url=url)

        off_ui_thread(identify, self._key_found, self)

    def _key_found(self, key: str | None, error: BaseException | None) -> None:
        self.key = key or camera_key(url=self.camera.address.base_url)
        if self.presets is not None:
            self.presets.set_store(self.store, self.key, self.channel)
        self.key_known.emit(self.key)

    def _preset(self, action: str, number: int) -> None:
        self.pad.halt("preset")  # type: ignore[union-attr]
        self.controller.preset(action, number)

    def _on_result(self, channel: int, result: CommandResult) -> None:
        if result.action not in ("set-preset", "clear-preset") or not result.ok:
            return
        if self.key is None:
            return
        self.store.set_saved(self.key, channel, result.param, result.action == "set-preset")
        if channel == self.channel and self.presets is not None:
            self.presets.refresh_number(result.param)

    # closing ----------------------------------------------------------------------------

    def shutdown(self, timeout: float = SHUTDOWN_SECONDS) -> bool:
        """Stop every channel that moved and end the controllers' threads (bounded)."""
        if self.pad is not None:
            self.pad.halt("closed")
        controllers = list(self.controllers.values())
        self.controllers.clear()
        self._closed = True
        for ctl in controllers:
            ctl.request_shutdown()
        deadline = time.monotonic() + timeout
        ended = [ctl.join(deadline - time.monotonic()) for ctl in controllers]
        return all(ended)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized and self.pad is not None:  # a first share of the width
            self._sized = True
            width = max(self.width(), 900)
            shares = (0.56, 0.2, 0.24) if self.preview is not None else (0.45, 0.55)
            self.splitter.setSizes([int(width * s) for s in shares])
        if self._closed and self.pad is not None:  # shown again after a close
            self.pad.set_controller(self.controller_for(self.channel))
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if self.pad is not None:
            self.pad.halt("hidden")
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
