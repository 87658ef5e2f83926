"""Small dialogs: add a camera by hand, enter credentials."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..protocol.address import AddressError, CameraAddress
from ..services.credentials import Credentials
from .status_label import StatusLabel


class AddCameraDialog(QDialog):
    """Address (URL or host[:port]), optional name, user and password."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add camera"))
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("192.168.1.20 or http://camera:8080"))
        self.address.setAccessibleName(self.tr("Camera address"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Camera name"))
        self.name.setPlaceholderText(self.tr("optional, e.g. Gate north"))
        self.user = QLineEdit("admin")
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.error = StatusLabel()
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.parsed: CameraAddress | None = None

    def accept(self) -> None:
        try:
            self.parsed = CameraAddress.parse(self.address.text())
        except AddressError as exc:
            self.error.say(str(exc), error=True)
            self.address.setFocus()
            return
        super().accept()

    def credentials(self) -> Credentials | None:
        assert self.parsed is not None
        user = self.parsed.user or self.user.text().strip()
        password = self.parsed.password or self.password.text()
        return Credentials(user or "admin", password) if (password or user) else None


class CredentialsDialog(QDialog):
    """User name and password for one camera or for every selected camera."""

    def __init__(
        self,
        target: str,
        user: str,
        storage_label: str,
        count: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Credentials"))
        self.user = QLineEdit(user or "admin")
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.all_selected = QCheckBox(
            self.tr("Use these credentials for all %n selected camera(s)", "", count)
        )
        self.all_selected.setChecked(count > 1)
        self.all_selected.setVisible(count > 1)
        where = QLabel(storage_label)
        where.setWordWrap(True)
        where.setStyleSheet("color: palette(mid)")
        form = QFormLayout()
        form.addRow(self.tr("Camera"), QLabel(target))
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.all_selected)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.password.setFocus()

    def credentials(self) -> Credentials:
        return Credentials(self.user.text().strip() or "admin", self.password.text())
