"""Several cameras at once: 1, 2x2 or 3x3 independent previews, paged when there are more."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .preview import PreviewWidget

#: (tiles a side, name shown); names are translated when shown.
LAYOUTS = ((1, QT_TRANSLATE_NOOP("LiveGrid", "1 camera")), (2, "2 × 2"), (3, "3 × 3"))


class LiveGrid(QWidget):
    """Live previews of several cameras; double-click one to open it.

    Only the previews on the current page stream; the others are hidden (and so stopped).
    """

    #: A tile was double-clicked: the camera's index in :meth:`set_cameras`' list.
    camera_activated = Signal(int)

    def __init__(self, columns: int = 2, snapshot_rate: float = 2.0,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.columns = columns
        self.snapshot_rate = snapshot_rate
        self.page = 0
        self.cameras: list[tuple[str, Any]] = []
        self._previews: dict[int, PreviewWidget] = {}

        self.layout_box = QComboBox()
        for n, text in LAYOUTS:
            self.layout_box.addItem(self.tr(text), n)
        self.layout_box.setCurrentIndex([n for n, _ in LAYOUTS].index(columns))
        self.layout_box.setToolTip(self.tr("How many cameras to show at once"))
        self.layout_box.currentIndexChanged.connect(
            lambda: self.set_columns(self.layout_box.currentData())
        )
        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous cameras"))
        self.prev_button.clicked.connect(lambda: self.set_page(self.page - 1))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next cameras"))
        self.next_button.clicked.connect(lambda: self.set_page(self.page + 1))
        self.page_label = QLabel()
        self.empty_label = QLabel(self.tr("No cameras to show."))

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Layout:")))
        bar.addWidget(self.layout_box)
        bar.addStretch(1)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        self.tiles = QGridLayout()
        self.tiles.setSpacing(4)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addLayout(bar)
        outer.addLayout(self.tiles, 1)
        self._relayout()

    @property
    def per_page(self) -> int:
        return self.columns * self.columns

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.cameras) // self.per_page))

    @property
    def previews(self) -> list[PreviewWidget]:
        """The previews on the current page, in order."""
        first = self.page * self.per_page
        return [self._previews[i] for i in range(first, first + self.per_page)
                if i in self._previews]  # fmt: skip

    def set_cameras(self, cameras: list[tuple[str, Any]]) -> None:
        """Show these ``(title, camera)`` pairs; previews of the previous ones are shut down."""
        for preview in self._previews.values():
            preview.shutdown(0.0)  # never blocks: the threads end after their current frame
            preview.deleteLater()
        self._previews.clear()
        self.cameras = list(cameras)
        self.page = 0
        self._relayout()

    @Slot(int)
    def set_columns(self, columns: int) -> None:
        """1, 2 or 3 tiles a side."""
        if columns not in {n for n, _ in LAYOUTS}:
            raise ValueError(f"the grid is 1, 2 or 3 tiles a side, not {columns}")
        first = self.page * self.per_page
        self.columns = columns
        self.layout_box.blockSignals(True)
        self.layout_box.setCurrentIndex([n for n, _ in LAYOUTS].index(columns))
        self.layout_box.blockSignals(False)
        self.page = first // self.per_page
        self._relayout()

    def set_page(self, page: int) -> None:
        self.page = max(0, min(page, self.pages - 1))
        self._relayout()

    def shutdown(self, timeout: float = 1.0) -> None:
        """Stop every preview (call before discarding the grid)."""
        for preview in self._previews.values():
            preview.shutdown(timeout / max(1, len(self._previews)))

    def _preview(self, index: int) -> PreviewWidget:
        preview = self._previews.get(index)
        if preview is None:
            title, camera = self.cameras[index]
            preview = PreviewWidget(camera, title, snapshot_rate=self.snapshot_rate, parent=self)
            preview.activated.connect(lambda i=index: self.camera_activated.emit(i))
            self._previews[index] = preview
        return preview

    def _relayout(self) -> None:
        while self.tiles.count():
            item = self.tiles.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # hidden previews stop streaming
        n = self.columns
        for i in range(3):
            self.tiles.setRowStretch(i, 1 if i < n else 0)
            self.tiles.setColumnStretch(i, 1 if i < n else 0)
        first = self.page * self.per_page
        for k, index in enumerate(range(first, min(first + self.per_page, len(self.cameras)))):
            preview = self._preview(index)
            self.tiles.addWidget(preview, k // n, k % n)
            preview.show()
        if not self.cameras:
            self.tiles.addWidget(self.empty_label, 0, 0)
            self.empty_label.show()
        paged = self.pages > 1
        for widget in (self.prev_button, self.next_button, self.page_label):
            widget.setVisible(paged)
        self.page_label.setText(f"{self.page + 1} / {self.pages}")
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < self.pages - 1)
