"""One camera's live picture with its controls: stream, channel, snapshot to file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..background import run_in_background
from ..tasks import describe
from .source import FrameSource
from .view import FrameView

#: (stream key, name shown); names are translated when shown.
STREAMS = (
    ("primary", QT_TRANSLATE_NOOP("PreviewWidget", "Primary stream")),
    ("secondary", QT_TRANSLATE_NOOP("PreviewWidget", "Secondary stream")),
)


class PreviewWidget(QWidget):
    """The live picture of ``camera`` (a :class:`~gxvdesk.protocol.client.Camera`).

    MJPEG when the stream's codec is MJPEG, else snapshots ``snapshot_rate`` times a second.
    Streams only while shown; call :meth:`shutdown` before discarding it.
    """

    #: The picture was double-clicked.
    activated = Signal()
    #: A snapshot was written to this path.
    snapshot_saved = Signal(str)
    #: Saving a snapshot failed; the sentence shown.
    snapshot_failed = Signal(str)

    def __init__(self, camera: Any, title: str = "", stream: str = "primary", channel: int = 0,
                 snapshot_rate: float = 2.0, controls: bool = True,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.camera = camera
        self.source = FrameSource(camera, stream, channel, snapshot_rate)
        self.view = FrameView(self.source, title)
        self.view.activated.connect(self.activated)

        self.stream_box = QComboBox()
        self.stream_box.setAccessibleName(self.tr("Stream"))
        for key, text in STREAMS:
            self.stream_box.addItem(self.tr(text), key)
        self.stream_box.setCurrentIndex([k for k, _ in STREAMS].index(stream))
        self.stream_box.setToolTip(self.tr("Which of the camera's two streams to show"))
        self.stream_box.currentIndexChanged.connect(self._stream_chosen)
        self.channel_box = QComboBox()
        self.channel_box.setAccessibleName(self.tr("Channel"))
        self.channel_box.setToolTip(self.tr("Video input of an encoder"))
        self.channel_box.hide()
        self.channel_box.currentIndexChanged.connect(self._stream_chosen)
        self.snapshot_button = QToolButton()
        self.snapshot_button.setText(self.tr("Snapshot…"))
        self.snapshot_button.setToolTip(self.tr("Save the camera's current picture as a JPEG file"))
        self.snapshot_button.clicked.connect(lambda: self.save_snapshot())
        self.message = QLabel()
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.controls = QWidget(self)  # parented now: a parentless show would open a window
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.stream_box)
        row.addWidget(self.channel_box)
        row.addWidget(self.snapshot_button)
        row.addWidget(self.message, 1)
        self.controls.setVisible(controls)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.controls)
        self.source.info_ready.connect(self._info)

    @property
    def title(self) -> str:
        return self.view.title

    def shutdown(self, timeout: float = 1.0) -> bool:
        """Stop streaming and wait briefly for the worker thread."""
        return self.view.shutdown(timeout)

    @Slot(str, int)
    def _info(self, model: str, channels: int) -> None:
        if channels > 1 and self.channel_box.count() != channels:
            self.channel_box.blockSignals(True)
            self.channel_box.clear()
            for n in range(channels):
                self.channel_box.addItem(self.tr("Channel {number}").format(number=n + 1), n)
            self.channel_box.setCurrentIndex(self.source.channel)
            self.channel_box.blockSignals(False)
            self.channel_box.show()

    @Slot()
    def _stream_chosen(self) -> None:
        channel = self.channel_box.currentData()
        self.source.set_stream(self.stream_box.currentData(), channel)

    def set_stream(self, stream: str, channel: int | None = None) -> None:
        """Show another stream (``primary``/``secondary``) or channel."""
        for box in (self.stream_box, self.channel_box):
            box.blockSignals(True)
        self.stream_box.setCurrentIndex([k for k, _ in STREAMS].index(stream))
        if channel is not None and channel < self.channel_box.count():
            self.channel_box.setCurrentIndex(channel)
        for box in (self.stream_box, self.channel_box):
            box.blockSignals(False)
        self.source.set_stream(stream, channel)

    def save_snapshot(self, path: str | None = None) -> None:
        """Fetch a full-size snapshot and write it to ``path`` (asks for one when None)."""
        if path is None:
            name = f"{self.title or 'camera'}-snapshot.jpg".replace("/", "-").replace(":", "-")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save snapshot"), name, self.tr("JPEG pictures (*.jpg *.jpeg)")
            )
            if not path:
                return
        stream, channel = self.source.stream, self.source.channel
        target = Path(path)

        def fetch() -> str:
            target.write_bytes(self.camera.snapshot(stream, channel))
            return str(target)

        self.snapshot_button.setEnabled(False)
        self.message.setText(self.tr("Saving snapshot…"))
        run_in_background(fetch, self._saved, self._save_failed, guard=self)

    def _saved(self, path: str) -> None:
        self.snapshot_button.setEnabled(True)
        self.message.setText(self.tr("Saved {file}").format(file=Path(path).name))
        self.message.setToolTip(path)
        self.snapshot_saved.emit(path)

    def _save_failed(self, exc: BaseException) -> None:
        text = describe(exc)
        self.snapshot_button.setEnabled(True)
        self.message.setText(self.tr("Snapshot failed: {problem}").format(problem=text))
        self.message.setToolTip(text)
        self.snapshot_failed.emit(text)
