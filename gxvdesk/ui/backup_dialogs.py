"""Backup, restore with a diff view, and copying a module's settings to other cameras."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..protocol.errors import CameraError
from ..registry import module
from ..services import backup
from ..services.inventory import CameraEntry
from ..services.settings import ModuleDiff, apply_diff, diff_module, read_module
from . import tasks

if TYPE_CHECKING:
    from .main_window import MainWindow


def backup_camera(window: MainWindow, entry: CameraEntry, path: Path | None = None) -> None:
    """Ask for a file (unless given) and save a backup of ``entry`` there."""
    if path is None:
        name, _ = QFileDialog.getSaveFileName(
            window,
            window.tr("Back up camera"),
            f"{entry.display_name}-backup.json",
            "JSON (*.json)",
        )
        if not name:
            return
        path = Path(name)
    camera = window.sessions.get(entry).camera

    async def run() -> None:
        data = await tasks.call(backup.take_backup, camera, timeout=camera.timeout * 60)
        await tasks.call(backup.save, data, path)
        missing = f"; not saved: {', '.join(data['errors'])}" if data["errors"] else ""
        window.show_message(
            window.tr("Saved %1 modules to %2")
            .replace("%1", str(len(data["modules"])))
            .replace("%2", str(path))
            + missing,
            error=bool(missing),
        )

    window.runner.start(run(), window.tr("Backing up %1").replace("%1", entry.display_name))


class RestoreDialog(QDialog):
    """Pick a backup, see what would change module by module, then restore."""

    def __init__(self, window: MainWindow, entry: CameraEntry) -> None:
        super().__init__(window)
        self.window_ = window
        self.entry = entry
        self.setWindowTitle(self.tr("Restore %1").replace("%1", entry.display_name))
        self.resize(820, 520)
        self.file_label = QLabel(self.tr("No backup chosen."))
        choose = QPushButton(self.tr("Choose backup…"))
        choose.clicked.connect(self.choose)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Module / change"), self.tr("Status")])
        self.tree.setAccessibleName(self.tr("Differences between the backup and the camera"))
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore these changes"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        self.plan: backup.RestorePlan | None = None

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open backup"), "", "JSON (*.json)")
        if name:
            self.load(Path(name))

    def load(self, path: Path, force: bool = False) -> None:
        """Read a backup and compare it with the live camera (the diff view)."""
        try:
            data = backup.load(path)
        except backup.BackupFormatError as exc:
            self.status.setText(str(exc))
            return
        self.file_label.setText(
            f"{path.name}: {data.get('model')} {data.get('mac')} ({data.get('created')})"
        )
        camera = self.window_.sessions.get(self.entry).camera

        async def run() -> None:
            self.status.setText(self.tr("Comparing with the camera…"))
            self.plan = await tasks.call(
                backup.plan_restore, camera, data, None, force, timeout=camera.timeout * 60
            )
            self._show_plan(self.plan)

        self.window_.runner.start(
            run(),
            self.tr("Comparing backup"),
            owner=self,
            on_error=lambda e: self.status.setText(tasks.describe(e)),
        )

    def _show_plan(self, plan: backup.RestorePlan) -> None:
        self.tree.clear()
        changes = 0
        for diff in plan.diffs:
            item = QTreeWidgetItem(
                self.tree,
                [
                    module(diff.module).title,
                    self.tr("%n change(s)", "", len(diff.changes))
                    if diff
                    else self.tr("unchanged"),
                ],
            )
            for change in diff.changes:
                QTreeWidgetItem(item, [change.describe(), ""])
            item.setExpanded(bool(diff))
            changes += len(diff.changes)
        for name, why in plan.skipped.items():
            QTreeWidgetItem(self.tree, [name, self.tr("skipped: ") + why])
        self.restore_button.setEnabled(changes > 0)
        self.status.setText(
            self.tr("%n change(s) to restore.", "", changes)
            if changes
            else self.tr("The camera already matches the backup.")
        )

    def restore(self) -> None:
        if self.plan is None:
            return
        camera = self.window_.sessions.get(self.entry).camera
        plan = self.plan

        async def run() -> None:
            reports = await tasks.call(backup.restore, camera, plan, timeout=camera.timeout * 120)
            failed = [r for r in reports if r.status == "failed"]
            reboot = any(r.needs_reboot for r in reports)
            text = (
                self.tr("Restored.")
                if not failed
                else self.tr("Some modules failed: ")
                + "; ".join(f"{r.module}: {r.message}" for r in failed)
            )
            if reboot:
                text += " " + self.tr("A reboot is needed for some settings.")
            self.status.setText(text)
            self.restore_button.setEnabled(False)
            self.last_reports = reports

        self.window_.runner.start(
            run(),
            self.tr("Restoring"),
            owner=self,
            on_error=lambda e: self.status.setText(tasks.describe(e)),
        )


class CopySettingsDialog(QDialog):
    """Copy one module from the source camera to several others: preview, progress, results."""

    def __init__(self, window: MainWindow, source: CameraEntry) -> None:
        super().__init__(window)
        self.window_ = window
        self.source = source
        self.setWindowTitle(self.tr("Copy settings from %1").replace("%1", source.display_name))
        self.resize(860, 560)
        self.module_box = QComboBox()
        self.module_box.setAccessibleName(self.tr("Module to copy"))
        for name in backup.backup_modules(source.model or None):
            if name not in backup.IDENTITY_MODULES:
                self.module_box.addItem(module(name).title, name)
        self.targets = QListWidget()
        self.targets.setAccessibleName(self.tr("Cameras to copy to"))
        for entry in window.inventory.entries:
            if entry.id == source.id:
                continue
            item = QListWidgetItem(
                f"{entry.display_name}  ({entry.model or '?'}, {entry.address.hostport})"
            )
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setCheckState(
                Qt.CheckState.Checked if entry.model == source.model else Qt.CheckState.Unchecked
            )
            self.targets.addItem(item)
        self.preview_button = QPushButton(self.tr("Preview changes"))
        self.preview_button.clicked.connect(self.preview)
        self.apply_button = QPushButton(self.tr("Copy to checked cameras"))
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.progress = QProgressBar()
        self.results = QTableWidget(0, 3)
        self.results.setHorizontalHeaderLabels(
            [self.tr("Camera"), self.tr("Result"), self.tr("Changes")]
        )
        self.results.setAccessibleName(self.tr("Result per camera"))
        self.results.verticalHeader().hide()
        self.results.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Module")))
        row.addWidget(self.module_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Copy to:")))
        layout.addWidget(self.targets)
        layout.addLayout(buttons)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.diffs: dict[str, ModuleDiff | BaseException] = {}

    def checked_entries(self) -> list[CameraEntry]:
        out = []
        for i in range(self.targets.count()):
            item = self.targets.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                entry = self.window_.inventory.find(item.data(Qt.ItemDataRole.UserRole))
                if entry is not None:
                    out.append(entry)
        return out

    def _set_row(self, row: int, entry: CameraEntry, result: str, changes: str) -> None:
        for column, text in enumerate((entry.display_name, result, changes)):
            self.results.setItem(row, column, QTableWidgetItem(text))

    def preview(self) -> None:
        name = self.module_box.currentData()
        targets = self.checked_entries()
        if not name or not targets:
            self.status.setText(self.tr("Choose a module and at least one camera."))
            return
        self.results.setRowCount(len(targets))
        for row, entry in enumerate(targets):
            self._set_row(row, entry, self.tr("comparing…"), "")

        async def run() -> None:
            source_cam = self.window_.sessions.get(self.source).camera
            wanted = await tasks.call(read_module, source_cam, name, timeout=source_cam.timeout * 4)

            async def compare(entry: CameraEntry) -> ModuleDiff:
                cam = self.window_.sessions.get(entry).camera
                live = await tasks.call(read_module, cam, name, timeout=cam.timeout * 4)
                return diff_module(name, wanted, live, entry.model or None)

            results = await tasks.gather_settled([compare(e) for e in targets])
            self.diffs = {}
            for row, (entry, result) in enumerate(zip(targets, results, strict=True)):
                self.diffs[entry.id] = result
                if isinstance(result, BaseException):
                    self._set_row(row, entry, self.tr("cannot read: ") + tasks.describe(result), "")
                else:
                    lines = "; ".join(c.describe() for c in result.changes) or self.tr(
                        "already the same"
                    )
                    self._set_row(
                        row, entry, self.tr("%n change(s)", "", len(result.changes)), lines
                    )
            self.apply_button.setEnabled(
                any(isinstance(d, ModuleDiff) and d for d in self.diffs.values())
            )
            self.status.setText(self.tr("Check the preview, then copy."))

        self.window_.runner.start(
            run(),
            self.tr("Comparing cameras"),
            owner=self,
            on_error=lambda e: self.status.setText(tasks.describe(e)),
        )

    def apply(self) -> None:
        targets = [
            e for e in self.checked_entries() if isinstance(self.diffs.get(e.id), ModuleDiff)
        ]
        self.progress.setRange(0, len(targets))
        self.progress.setValue(0)
        self.apply_button.setEnabled(False)

        async def copy(row: int, entry: CameraEntry) -> None:
            diff = self.diffs[entry.id]
            assert isinstance(diff, ModuleDiff)
            session = self.window_.sessions.get(entry)
            cam = session.camera
            try:
                if diff:
                    before = await tasks.call(
                        read_module, cam, diff.module, timeout=cam.timeout * 4
                    )
                    session.undo = (diff.module, before)
                    outcomes = await tasks.call(
                        apply_diff, cam, diff, timeout=cam.timeout * (4 + len(diff.changes))
                    )
                    reboot = any(o.needs_reboot for o in outcomes)
                    result = self.tr("copied") + (self.tr(" (reboot required)") if reboot else "")
                else:
                    result = self.tr("already the same")
            except (CameraError, ValueError) as exc:
                result = self.tr("failed: ") + tasks.describe(exc)
            self.results.setItem(row, 1, QTableWidgetItem(result))
            self.progress.setValue(self.progress.value() + 1)

        async def run() -> None:
            rows = {self.results.item(r, 0).text(): r for r in range(self.results.rowCount())}
            await tasks.gather_settled(
                [copy(rows.get(e.display_name, i), e) for i, e in enumerate(targets)]
            )
            self.status.setText(self.tr("Done."))

        self.window_.runner.start(run(), self.tr("Copying settings"), owner=self)
