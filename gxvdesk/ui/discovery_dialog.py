"""Discovery panel: sweep ranges and probe multicast, results appear as they are found."""

from __future__ import annotations

import asyncio
import threading
import urllib.parse
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services import discovery, multicast, netinfo
from ..services.credentials import Credentials
from . import tasks
from .inventory_model import format_mac

if TYPE_CHECKING:
    from .main_window import MainWindow

COLUMNS = ("Address", "Model", "Firmware", "MAC", "Seen by", "Note", "")


class _Relay(QObject):
    """Carries results from worker threads to the UI thread (queued signals)."""

    found = Signal(object)
    progress = Signal(int, int)


class DiscoveryDialog(QDialog):
    """Find cameras: HTTP sweep of ranges plus SSDP / WS-Discovery on every card."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle(self.tr("Discover cameras"))
        self.resize(980, 520)
        self.nets = netinfo.local_networks()
        self.ranges = QLineEdit(", ".join(str(n) for n in self.nets) or "192.168.1.0/24")
        self.ranges.setAccessibleName(self.tr("Address ranges to sweep"))
        self.ranges.setToolTip(self.tr("Comma-separated CIDR ranges; other subnets work too."))
        self.widen = QComboBox()
        self.widen.setAccessibleName(self.tr("Range size"))
        for prefix in (24, 23, 22, 20, 16):
            self.widen.addItem(f"/{prefix}", prefix)
        self.widen.currentIndexChanged.connect(self._widen)
        self.ports = QLineEdit("80")
        self.ports.setAccessibleName(self.tr("HTTP ports"))
        self.user = QLineEdit("admin")
        self.user.setAccessibleName(self.tr("User name for reading model and MAC"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password for reading model and MAC"))
        self.password.setPlaceholderText(self.tr("optional: reads model, firmware, MAC"))
        self.multicast = QCheckBox(self.tr("Also ask with UPnP (SSDP) and ONVIF WS-Discovery"))
        self.multicast.setChecked(True)

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.ranges, 1)
        row.addWidget(QLabel(self.tr("widen to")))
        row.addWidget(self.widen)
        form.addRow(self.tr("Ranges"), row)
        form.addRow(self.tr("Ports"), self.ports)
        login = QHBoxLayout()
        login.addWidget(self.user)
        login.addWidget(self.password)
        form.addRow(self.tr("Login"), login)
        form.addRow("", self.multicast)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Sweep progress"))
        self.status = QLabel(self.tr("Ready."))
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        self.add_all_button = QPushButton(self.tr("Add all"))
        self.add_all_button.clicked.connect(self.add_all)
        controls = QHBoxLayout()
        controls.addWidget(self.progress, 1)
        controls.addWidget(self.start_button)
        controls.addWidget(self.stop_button)
        controls.addWidget(self.add_all_button)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(self.tr("Cameras found"))
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

        self.relay = _Relay()
        self.relay.found.connect(self._found)
        self.relay.progress.connect(self._progress)
        self.results: dict[str, discovery.Found] = {}
        self._stop = threading.Event()
        self._task: asyncio.Task[None] | None = None

    # -- running -----------------------------------------------------------------------

    def _widen(self) -> None:
        prefix = self.widen.currentData()
        nets = {n.supernet(new_prefix=prefix) if prefix < n.prefixlen else n for n in self.nets}
        self.ranges.setText(", ".join(str(n) for n in sorted(nets)))

    def _auth(self) -> tuple[str, str] | None:
        password = self.password.text()
        return (self.user.text().strip() or "admin", password) if password else None

    def start(self) -> None:
        try:
            ranges = [r.strip() for r in self.ranges.text().split(",") if r.strip()]
            hosts = discovery.hosts_of(ranges)
            ports = tuple(int(p) for p in self.ports.text().replace(" ", "").split(",") if p)
        except ValueError as exc:
            self.status.setText(self.tr("Check the ranges and ports: ") + str(exc))
            return
        self._stop.clear()
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.progress.setRange(0, max(1, len(hosts) * len(ports)))
        self.progress.setValue(0)
        self.status.setText(self.tr("Sweeping %1 addresses…").replace("%1", str(len(hosts))))
        self._task = self.window_.runner.start(
            self._run(ranges, ports),
            self.tr("Discovering cameras"),
            owner=self,
            on_error=lambda e: self.status.setText(tasks.describe(e)),
        )

    async def _run(self, ranges: list[str], ports: tuple[int, ...]) -> None:
        auth = self._auth()
        jobs = [
            tasks.call(
                discovery.sweep,
                ranges,
                ports,
                auth,
                1.5,
                self.relay.found.emit,
                self.relay.progress.emit,
                self._stop.is_set,
                timeout=None,
            )
        ]
        if self.multicast.isChecked():
            jobs.append(tasks.call(self._multicast, auth, ports, timeout=None))
        try:
            await tasks.gather_settled(jobs)
        finally:
            self.start_button.setEnabled(True)
            self.stop_button.setEnabled(False)
        self.progress.setValue(self.progress.maximum())
        self.status.setText(
            self.tr("Done: %1 camera(s) found.").replace("%1", str(len(self.results)))
        )

    def _multicast(self, auth: tuple[str, str] | None, ports: tuple[int, ...]) -> None:
        """Blocking: probe, then identify each responder over HTTP (runs in a worker)."""
        locals_ = [str(i.address) for i in netinfo.interfaces()]
        for reply in multicast.probe(locals_):
            if self._stop.is_set():
                return
            url = urllib.parse.urlparse(reply.location) if reply.location else None
            port = (url.port if url and url.port else None) or ports[0]
            found = discovery.identify(reply.host, port, auth, 2.0)
            if found is not None:
                found.seen_by = {reply.via}
                self.relay.found.emit(found)

    def stop(self) -> None:
        self._stop.set()
        self.status.setText(self.tr("Stopping…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    # -- results -----------------------------------------------------------------------

    def _found(self, found: discovery.Found) -> None:
        key = found.mac or f"{found.host}:{found.port}"
        if key in self.results:
            self.results[key].seen_by |= found.seen_by
            self._render(self.results[key], self._row_of(key))
            return
        self.results[key] = found
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._render(found, row)

    def _row_of(self, key: str) -> int:
        return list(self.results).index(key)

    def _render(self, found: discovery.Found, row: int) -> None:
        hint = netinfo.subnet_hint(found.host)
        note = hint or (self.tr("login needed to read model and MAC") if found.needs_login else "")
        values = (
            f"{found.host}:{found.port}",
            found.model or "?",
            found.firmware or "",
            format_mac(found.mac),
            ", ".join(sorted(found.seen_by)),
            note,
        )
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if column == 5 and hint:
                item.setForeground(Qt.GlobalColor.darkYellow)
            self.table.setItem(row, column, item)
        button = QPushButton(self.tr("Add"))
        button.setAccessibleName(self.tr("Add %1").replace("%1", found.host))
        button.clicked.connect(lambda _=False, f=found: self.add(f))
        self.table.setCellWidget(row, 6, button)

    def add(self, found: discovery.Found) -> None:
        auth = self._auth()
        creds = Credentials(*auth) if auth else None
        entry = self.window_.add_entry(found.url, "", creds)
        if found.mac:
            entry.mac = found.mac
        self.status.setText(self.tr("Added %1.").replace("%1", found.url))

    def add_all(self) -> None:
        for found in list(self.results.values()):
            self.add(found)

    def done(self, result: int) -> None:
        self._stop.set()
        super().done(result)
