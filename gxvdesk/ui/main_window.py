"""The main window: the camera inventory on the left, the chosen camera on the right."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..services import inventory
from ..services.credentials import Credentials, CredentialStore
from ..services.inventory import CameraEntry, State
from . import tasks
from .dialogs import AddCameraDialog, CredentialsDialog
from .inventory_model import InventoryModel
from .sessions import Sessions
from .workspace import CameraWorkspace

log = logging.getLogger(__name__)

WELCOME = (
    "<h2>gxvdesk</h2>"
    "<p>Pick a camera on the left to configure it, watch it live or steer its PTZ head.</p>"
    "<p><b>Add</b> a camera by its address, or <b>Discover</b> the cameras on this laptop's "
    "networks (and on other subnets: type their range).</p>"
    "<p>New here? <code>gxvdesk --demo</code> starts three simulated cameras (a GXV3672_FHD, "
    "a 4-channel GXV3504 encoder with PTZ and a GXV3615W) so you can try everything "
    "without hardware.</p>"
)


class MainWindow(QMainWindow):
    """Inventory, workspace, status bar with the busy state and a Cancel button."""

    def __init__(
        self,
        entries: list[CameraEntry] | None = None,
        store: CredentialStore | None = None,
        save_inventory: bool = True,
    ) -> None:
        super().__init__()
        tasks.prepare_threads()
        self.setWindowTitle("gxvdesk")
        self.resize(1280, 800)
        self.save_inventory = save_inventory
        self.store = store or CredentialStore()
        self.sessions = Sessions(self.store)
        self.runner = tasks.TaskRunner(self)
        self.runner.failed.connect(
            lambda what, why: self.show_message(f"{what}: {why}", error=True)
        )
        self.inventory = InventoryModel(inventory.load() if entries is None else entries)
        self.inventory.changed.connect(self._save)
        self.workspaces: dict[str, CameraWorkspace] = {}

        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.inventory)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter cameras…"))
        self.filter.setAccessibleName(self.tr("Filter cameras"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Cameras"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.verticalHeader().hide()
        # Sized once per change of the list, not on every repaint (see _fit_columns).
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._fit_timer = QTimer(self, singleShot=True, interval=300)
        self._fit_timer.timeout.connect(self.table.resizeColumnsToContents)
        self.inventory.dataChanged.connect(self._fit_timer.start)
        self.inventory.rowsInserted.connect(self._fit_timer.start)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        buttons = QHBoxLayout()
        self.add_button = self._button(
            self.tr("Add…"), self.add_camera, self.tr("Add a camera by its address")
        )
        self.discover_button = self._button(
            self.tr("Discover…"), self.discover, self.tr("Find cameras on the network")
        )
        self.credentials_button = self._button(
            self.tr("Login…"),
            self.edit_credentials,
            self.tr("User name and password of the selected cameras"),
        )
        self.check_button = self._button(
            self.tr("Check"), self.check_selected, self.tr("Ask the selected cameras who they are")
        )
        self.remove_button = self._button(
            self.tr("Remove"), self.remove_selected, self.tr("Remove from the list")
        )
        for b in (
            self.add_button,
            self.discover_button,
            self.credentials_button,
            self.check_button,
            self.remove_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)

        self.stack = QStackedWidget()
        self.welcome = QLabel(WELCOME)
        self.welcome.setWordWrap(True)
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.welcome.setMargin(24)
        self.stack.addWidget(self.welcome)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 800])
        self.setCentralWidget(splitter)
        self._status_bar()
        self._menus()

    # -- construction helpers ----------------------------------------------------------

    def _button(self, text: str, slot: object, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _status_bar(self) -> None:
        bar = self.statusBar()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName(self.tr("Busy"))
        self.busy_label = QLabel()
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel running camera requests"))
        self.cancel_button.clicked.connect(self.cancel_all)
        for w in (self.busy_label, self.busy, self.cancel_button):
            bar.addPermanentWidget(w)
        self._busy(0, "")
        self.runner.busy_changed.connect(self._busy)

    def _busy(self, count: int, text: str) -> None:
        for w in (self.busy, self.cancel_button, self.busy_label):
            w.setVisible(count > 0)
        more = f" (+{count - 1})" if count > 1 else ""
        self.busy_label.setText(f"{text}…{more}" if count else "")

    def _menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self._action(
            file_menu, self.tr("&Add camera…"), self.add_camera, QKeySequence.StandardKey.New
        )
        self._action(file_menu, self.tr("&Discover cameras…"), self.discover, "Ctrl+D")
        file_menu.addSeparator()
        self._action(
            file_menu, self.tr("&Back up selected camera…"), self.backup_selected, "Ctrl+B"
        )
        self._action(file_menu, self.tr("&Restore selected camera…"), self.restore_selected)
        self._action(file_menu, self.tr("&Copy settings to other cameras…"), self.copy_settings)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        view = menu.addMenu(self.tr("&View"))
        self._action(view, self.tr("&Live grid"), self.show_live_grid, "Ctrl+L")
        self._action(view, self.tr("Show &log"), self.show_log)
        help_menu = menu.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About gxvdesk"), self.about)

    def _action(self, menu: object, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # -- small services for the pages --------------------------------------------------

    def confirm(self, question: str) -> bool:
        """Ask before anything that cannot be taken back (tests replace this)."""
        answer = QMessageBox.question(self, "gxvdesk", question)
        return answer == QMessageBox.StandardButton.Yes

    def show_message(self, text: str, error: bool = False) -> None:
        self.statusBar().showMessage(text, 15000 if error else 6000)
        if error:
            log.warning("%s", text)

    def _save(self) -> None:
        if self.save_inventory:
            inventory.save(self.inventory.entries)

    def cancel_all(self) -> None:
        count = self.runner.cancel()
        self.show_message(self.tr("Cancelled %1 request(s).").replace("%1", str(count)))

    # -- inventory ---------------------------------------------------------------------

    def selected_entries(self) -> list[CameraEntry]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        current = self.table.currentIndex()
        if not rows and current.isValid():
            rows = {self.proxy.mapToSource(current).row()}
        return [self.inventory.entries[r] for r in sorted(rows)]

    def current_entry(self) -> CameraEntry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.inventory.entries[self.proxy.mapToSource(index).row()]

    def select(self, entry: CameraEntry) -> None:
        row = self.inventory.row_of(entry.id)
        index = self.proxy.mapFromSource(self.inventory.index(row, 0))
        self.table.selectionModel().clearSelection()
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())

    def add_entry(
        self, url: str, name: str = "", credentials: Credentials | None = None, check: bool = True
    ) -> CameraEntry:
        """Add a camera (or find it already there), store its credentials, check it."""
        entry = self.inventory.add(CameraEntry(url=inventory.normalise_url(url), name=name))
        if credentials is not None:
            self.sessions.remember(entry, credentials)
        if check:
            self.check(entry)
        return entry

    def add_camera(self) -> None:
        dialog = AddCameraDialog(self)
        if dialog.exec() != AddCameraDialog.DialogCode.Accepted or dialog.parsed is None:
            return
        entry = self.add_entry(
            dialog.parsed.base_url, dialog.name.text().strip(), dialog.credentials()
        )
        self.select(entry)

    def remove_selected(self) -> None:
        entries = self.selected_entries()
        if not entries:
            return
        names = ", ".join(e.display_name for e in entries)
        if not self.confirm(
            self.tr("Remove %1 from the list? The cameras are not changed.").replace("%1", names)
        ):
            return
        for entry in entries:
            self._drop_workspace(entry)
            self.sessions.drop(entry)
            self.inventory.remove(entry.id)

    def check(self, entry: CameraEntry) -> None:
        async def run() -> None:
            self.inventory.refresh(entry)
            await self.sessions.check(entry)
            self.inventory.refresh(entry, save=True)
            workspace = self.workspaces.get(entry.id)
            if workspace is not None:
                if workspace.session.entry.model != (workspace.settings.model or ""):
                    self._drop_workspace(entry)
                    if self.current_entry() is entry:
                        self._show_entry(entry)
                else:
                    workspace.refresh_header()
            elif self.current_entry() is entry and entry.state == State.ONLINE:
                self._show_entry(entry)

        self.runner.start(
            run(), self.tr("Checking %1").replace("%1", entry.display_name), owner=entry
        )

    def check_selected(self) -> None:
        for entry in self.selected_entries() or self.inventory.entries:
            self.check(entry)

    def check_all(self) -> None:
        for entry in self.inventory.entries:
            self.check(entry)

    def edit_credentials(self) -> None:
        entries = self.selected_entries()
        if not entries:
            self.show_message(self.tr("Select a camera first."))
            return
        first = entries[0]
        dialog = CredentialsDialog(
            first.display_name, first.user, self.store.backend_label, len(entries), self
        )
        if dialog.exec() != CredentialsDialog.DialogCode.Accepted:
            return
        targets = entries if dialog.all_selected.isChecked() else [first]
        self.set_credentials(targets, dialog.credentials())

    def set_credentials(self, entries: list[CameraEntry], credentials: Credentials) -> None:
        for entry in entries:
            self.sessions.remember(entry, credentials)
            self._drop_workspace(entry)
            self.check(entry)

    # -- workspace ---------------------------------------------------------------------

    def _current_changed(self, current: object, _previous: object = None) -> None:
        entry = self.current_entry()
        if entry is None:
            self.stack.setCurrentWidget(self.welcome)
            return
        self._show_entry(entry)

    def _show_entry(self, entry: CameraEntry) -> None:
        if not entry.model and entry.state != State.CHECKING:
            self.check(entry)
        workspace = self.workspaces.get(entry.id)
        if workspace is None:
            workspace = CameraWorkspace(self.sessions.get(entry), self.runner, self.confirm)
            workspace.entry_changed.connect(lambda e=entry: self._entry_changed(e))
            workspace.settings.message.connect(self.show_message)
            self.workspaces[entry.id] = workspace
            self.stack.addWidget(workspace)
            if entry.model:
                names = workspace.settings.module_names()
                if names:
                    workspace.settings.select_module(names[0])
        self.stack.setCurrentWidget(workspace)

    def workspace(self, entry: CameraEntry) -> CameraWorkspace:
        self.select(entry)
        self._show_entry(entry)
        return self.workspaces[entry.id]

    def _entry_changed(self, entry: CameraEntry) -> None:
        self.inventory.refresh(entry, save=True)
        workspace = self.workspaces.get(entry.id)
        if workspace is not None and workspace.session.camera.address.base_url != entry.url:
            # The camera moved (network change): a fresh client for the new address.
            self.sessions.drop(entry)
            workspace.session = self.sessions.get(entry)
            workspace.settings.session = workspace.session
            workspace.refresh_header()

    def _drop_workspace(self, entry: CameraEntry) -> None:
        workspace = self.workspaces.pop(entry.id, None)
        if workspace is not None:
            workspace.shutdown()
            self.stack.removeWidget(workspace)
            workspace.deleteLater()

    # -- features in their own modules -------------------------------------------------

    def discover(self) -> None:
        from .discovery_dialog import DiscoveryDialog

        dialog = DiscoveryDialog(self)
        dialog.show()

    def backup_selected(self) -> None:
        from .backup_dialogs import backup_camera

        entry = self.current_entry()
        if entry is not None:
            backup_camera(self, entry)

    def restore_selected(self) -> None:
        from .backup_dialogs import RestoreDialog

        entry = self.current_entry()
        if entry is not None:
            RestoreDialog(self, entry).show()

    def copy_settings(self) -> None:
        from .backup_dialogs import CopySettingsDialog

        entry = self.current_entry()
        if entry is not None:
            CopySettingsDialog(self, entry).show()

    def show_live_grid(self) -> None:
        try:
            from .live import LiveGrid
        except ImportError:
            self.show_message(self.tr("Live view is not available in this build."), error=True)
            return
        grid = LiveGrid()
        grid.setWindowTitle(self.tr("Live grid"))
        grid.set_cameras(
            [(e.display_name, self.sessions.get(e).camera) for e in self.inventory.entries[:9]]
        )
        grid.camera_activated.connect(lambda i: self.select(self.inventory.entries[i]))
        grid.resize(1100, 700)
        grid.show()
        self._live_grid = grid

    def show_log(self) -> None:
        from .log_window import LogWindow

        self._log_window = LogWindow()
        self._log_window.show()

    def about(self) -> None:
        import platform

        import PySide6
        from PySide6.QtCore import qVersion

        text = self.tr("Configurator for Grandstream GXV cameras.")
        python = platform.python_version()
        versions = f"Qt {qVersion()} · PySide6 {PySide6.__version__} · Python {python}"
        about = f"<b>gxvdesk {__version__}</b><br>{text}<br><br>{versions}"
        QMessageBox.about(self, self.tr("About gxvdesk"), about)

    def closeEvent(self, event: object) -> None:
        for workspace in self.workspaces.values():
            workspace.shutdown()
        self.runner.cancel()
        self.sessions.close_all()
        super().closeEvent(event)  # type: ignore[arg-type]
