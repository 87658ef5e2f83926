"""Every control a technician can reach has a name a screen reader can say, and takes focus."""

from __future__ import annotations

import pytest
from conftest import TEST_PASSWORD
from guitools import loop_for, run_for, run_until
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from gxvdesk.services.credentials import Credentials, CredentialStore
from gxvdesk.services.inventory import State
from gxvdesk.ui.main_window import MainWindow

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractSlider,
            QAbstractItemView)  # fmt: skip


CONTAINERS = {"QTabWidget", "QStackedWidget", "QSplitter", "QScrollArea", "QWidget", "QFrame",
              "QGroupBox", "QDialog", "QMainWindow"}  # fmt: skip


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says: accessible name, button text, or the label that names it."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        return widget.text()
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and label.text():
            return label.text()
    # a control of a named composite editor (the X and Y boxes of a point editor): one level up
    parent = widget.parentWidget()
    if parent is not None and parent is not window and type(parent).__name__ not in CONTAINERS:
        return parent.accessibleName()
    return ""


def unnamed(root: QWidget) -> list[str]:
    out = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if type(widget).__name__ in ("QScrollBar", "QTabBar", "QToolButton") and not isinstance(
            widget, QAbstractButton
        ):
            continue
        if widget.parent() is not None and type(widget.parent()).__name__ in (
            "QScrollArea", "QAbstractScrollArea", "QComboBox", "QTabBar", "QSpinBox",
        ):  # fmt: skip
            continue
        if type(widget).__name__ in ("QScrollBar", "QHeaderView"):  # parts of a named view
            continue
        if not spoken_name(widget):
            hint = getattr(widget, "currentText", getattr(widget, "text", lambda: ""))()
            where = type(widget.parentWidget()).__name__
            out.append(
                f"{type(widget).__name__} ({hint!r}) in {where} of {type(widget.window()).__name__}"
            )
    return out


@pytest.fixture
def demo_window(qtbot, qapp, tmp_path, sim_camera):
    loop = loop_for(qapp)
    store = CredentialStore(tmp_path / "credentials-fallback.json", use_keyring=False)
    win = MainWindow(entries=[], store=store, save_inventory=False)
    win.confirm = lambda question: True
    qtbot.addWidget(win)
    win.show()
    cams = [sim_camera("GXV3672_FHD"), sim_camera("GXV3504")]
    entries = [win.add_entry(c.url, "", Credentials("admin", TEST_PASSWORD)) for c in cams]
    run_until(loop, lambda: all(e.state == State.ONLINE for e in entries))
    yield win, entries, loop
    win.close()
    run_for(loop, 0.05)


def test_every_control_has_a_spoken_name(demo_window):
    win, entries, loop = demo_window
    missing = set(unnamed(win))
    for entry in entries:
        workspace = win.workspace(entry)
        for index in range(workspace.tabs.count()):
            workspace.tabs.setCurrentIndex(index)
            run_for(loop, 0.2)
            missing |= set(unnamed(workspace))
        page = workspace.settings
        for name in page.module_names()[:8]:
            page.select_module(name)
            run_for(loop, 0.1)
            missing |= set(unnamed(page))
    assert sorted(missing) == [], "\n".join(sorted(missing))
    stray = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not win]
    assert stray == [], "a widget shown before it had a parent opens a window and steals focus"


def test_keyboard_reaches_the_camera_list_and_the_settings(demo_window, qtbot):
    win, entries, loop = demo_window
    win.table.setFocus()
    qtbot.keyClick(win.table, Qt.Key.Key_Home)
    qtbot.keyClick(win.table, Qt.Key.Key_Down)
    run_for(loop, 0.2)
    assert win.current_entry() is entries[1], "arrow keys move through the camera list"
    seen = set()
    for _ in range(120):
        win.focusNextChild()
        widget = win.focusWidget()
        if widget is not None:
            seen.add(type(widget).__name__)
    assert {"QTableView", "QLineEdit", "QPushButton", "QTreeWidget", "QTabBar"} <= seen
