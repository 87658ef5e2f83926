"""Look and feel: Qt's Fusion style with the system's light or dark palette."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def apply(app: QApplication) -> None:
    """Fusion follows the platform's colour scheme (light or dark) in Qt 6.5+."""
    app.setStyle("Fusion")
