"""The real main window against simulated cameras (pytest-qt, offscreen, real HTTP)."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
import requests
from conftest import TEST_PASSWORD
from guitools import loop_for, open_settings, run_for, run_until
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from gxvdesk.services.credentials import Credentials, CredentialStore
from gxvdesk.services.inventory import State
from gxvdesk.ui.app import build_window, parse_args, start_demo
from gxvdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def loop(qapp):
    return loop_for(qapp)


@pytest.fixture
def window(qtbot, loop, tmp_path):
    win = MainWindow(
        entries=[],
        store=CredentialStore(tmp_path / "credentials-fallback.json", use_keyring=False),
        save_inventory=False,
    )
    win.confirm = lambda question: True
    qtbot.addWidget(win)
    win.show()
    yield win
    win.runner.cancel()
    run_for(loop, 0.05)


def add(window, cam, password=TEST_PASSWORD):
    return window.add_entry(cam.url, "", Credentials("admin", password))


def online(window, loop, entry):
    run_until(loop, lambda: entry.state == State.ONLINE, what=f"{entry.url} online")


def child(editor, kind):
    """The Qt control inside a generated editor (or the editor itself)."""
    return editor if isinstance(editor, kind) else editor.findChild(kind)


def text_editor(form, name) -> QLineEdit:
    return child(form.editor(name), QLineEdit)


def http_get(cam, module) -> str:
    return requests.get(
        f"{cam.url}/goform/{module}?cmd=get", auth=("admin", TEST_PASSWORD), timeout=5
    ).text


def test_demo_lists_three_simulated_cameras(qtbot, loop, tmp_path):
    demo = start_demo()
    try:
        win = build_window(
            parse_args(["--demo"]),
            demo,
            CredentialStore(tmp_path / "credentials-fallback.json", use_keyring=False),
            remember=False,
        )
        qtbot.addWidget(win)
        win.show()
        run_until(loop, lambda: all(e.state == State.ONLINE for e in win.inventory.entries))
        assert sorted(e.model for e in win.inventory.entries) == [
            "GXV3504",
            "GXV3615W",
            "GXV3672_FHD",
        ]
        assert all(e.mac.startswith("000B82") for e in win.inventory.entries)
        assert win.current_entry() is win.inventory.entries[0]
        win.close()
    finally:
        demo.stop()


def test_wrong_password_shows_in_words(window, loop, sim_camera):
    cam = sim_camera()
    entry = add(window, cam, password="wrong")
    run_until(loop, lambda: entry.state == State.AUTH)
    row = window.inventory.row_of(entry.id)
    assert window.inventory.index(row, 1).data() == "wrong user name or password"
    window.set_credentials([entry], Credentials("admin", TEST_PASSWORD))
    online(window, loop, entry)
    assert entry.model == "GXV3672_FHD"


def test_edit_apply_verified_by_independent_get(window, loop, sim_camera, qtbot):
    cam = sim_camera(spelling="underscores")
    entry = add(window, cam)
    online(window, loop, entry)
    page = open_settings(window, loop, entry, "osd")
    line = text_editor(page.form, "osdtext")
    line.clear()
    qtbot.keyClicks(line, "Gate 3 & yard")
    assert page.apply_button.isEnabled()
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    run_until(loop, lambda: "Applied" in page.status.text(), what="applied")
    assert "osdtext=Gate 3 & yard" in http_get(cam, "osd")
    assert not page.is_dirty()


def test_invalid_input_is_refused_before_sending(window, loop, sim_camera, qtbot):
    cam = sim_camera()
    entry = add(window, cam)
    online(window, loop, entry)
    page = open_settings(window, loop, entry, "osd")
    cam.clear_requests()
    line = text_editor(page.form, "osdtext")
    line.setText("x" * 80)  # the document allows 63 bytes
    page.apply()
    run_for(loop, 0.3)
    assert "nothing was sent" in page.status.text()
    assert [r for r in cam.requests if r.cmd == "set"] == []
    assert page.is_dirty()


def test_device_refusal_keeps_the_form_dirty(window, loop, sim_camera):
    cam = sim_camera()
    entry = add(window, cam)
    online(window, loop, entry)
    page = open_settings(window, loop, entry, "osd")
    cam.fault = "authfail"
    text_editor(page.form, "osdtext").setText("will fail")
    page.apply()
    run_until(loop, lambda: "Not applied" in page.status.text())
    assert "wrong user name or password" in page.status.text()
    assert page.is_dirty()
    cam.fault = None
    assert cam.value("osd", "osdtext") != "will fail"


def test_reboot_banner_and_reboot(window, loop, sim_camera):
    cam = sim_camera()
    cam.reboot_seconds = 1.0
    entry = add(window, cam)
    online(window, loop, entry)
    page = open_settings(window, loop, entry, "systemlog")
    combo = child(page.form.editor("loglevel"), QComboBox)
    combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
    page.apply()
    workspace = window.workspaces[entry.id]
    run_until(loop, lambda: workspace.banner.isVisible(), what="reboot banner")
    assert entry.state == State.NEEDS_REBOOT
    workspace.banner.button.click()
    run_until(loop, lambda: entry.state == State.REBOOTING, what="rebooting")
    run_until(loop, lambda: entry.state == State.ONLINE, timeout=30, what="back online")
    assert "back" in workspace.banner.text.text().lower()


def test_network_change_follows_the_camera_to_its_new_port(window, loop, sim_camera):
    cam = sim_camera()
    cam.reboot_seconds = 0.5
    entry = add(window, cam)
    online(window, loop, entry)
    old_port = cam.port
    page = open_settings(window, loop, entry, "network")
    box = child(page.form.editor("httpport"), QSpinBox)
    new_port = old_port + 1 if old_port < 65000 else old_port - 1
    box.setValue(new_port)
    page.apply()
    workspace = window.workspaces[entry.id]
    run_until(loop, lambda: workspace.banner.isVisible(), what="banner")
    workspace.reboot()
    run_until(
        loop,
        lambda: entry.state == State.ONLINE and str(new_port) in entry.url,
        timeout=40,
        what="found at the new port",
    )
    assert cam.port == new_port
    assert entry.mac == cam.mac
    assert len(window.inventory.entries) == 1


@pytest.fixture
def slow_cameras():
    """Ten slow simulated cameras in their own process (their threads do not share our GIL)."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gxvdesk.sim",
            "--count",
            "10",
            "--fault",
            "slow",
            "--password",
            TEST_PASSWORD,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        urls = [proc.stdout.readline().strip() for _ in range(10)]
        yield urls
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()


def test_event_loop_keeps_turning_while_ten_cameras_are_slow(window, loop, slow_cameras):
    gaps: list[float] = []
    last = [time.monotonic()]

    def tick() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    entries = [
        window.add_entry(url, "", Credentials("admin", TEST_PASSWORD)) for url in slow_cameras
    ]
    assert window.busy.isVisible()
    run_until(loop, lambda: all(e.state == State.ONLINE for e in entries), timeout=40)
    timer.stop()
    assert len(gaps) > 50
    assert max(gaps[1:]) < 0.1, f"event loop stalled {max(gaps):.3f} s"


def test_cancel_abandons_slow_requests(window, loop, sim_camera):
    cam = sim_camera(fault="slow", slow_seconds=3)
    add(window, cam)
    run_until(loop, lambda: window.runner.running, what="busy")
    window.cancel_all()
    run_until(loop, lambda: not window.runner.running, timeout=2, what="cancelled")
    assert not window.busy.isVisible()


def test_backup_and_restore_round_trip(window, loop, sim_camera, tmp_path):
    from gxvdesk.ui.backup_dialogs import RestoreDialog, backup_camera

    cam = sim_camera("GXV3504")
    entry = add(window, cam)
    online(window, loop, entry)
    path = tmp_path / "b.json"
    backup_camera(window, entry, path)
    run_until(loop, path.exists, timeout=30, what="backup file")
    data = json.loads(path.read_text())
    assert data["mac"] == cam.mac and "osd" in data["modules"]
    cam.set_value("osd", "osdtext", "tampered", channel=3)
    dialog = RestoreDialog(window, entry)
    dialog.load(path)
    run_until(loop, lambda: dialog.restore_button.isEnabled(), timeout=30, what="diff")
    assert "tampered" in "".join(
        dialog.tree.topLevelItem(i).child(j).text(0)
        for i in range(dialog.tree.topLevelItemCount())
        for j in range(dialog.tree.topLevelItem(i).childCount())
    )
    dialog.restore()
    run_until(loop, lambda: "Restored" in dialog.status.text(), timeout=30)
    assert cam.value("osd", "osdtext", channel=3) != "tampered"


def test_copy_settings_to_three_cameras(window, loop, sim_camera):
    from gxvdesk.ui.backup_dialogs import CopySettingsDialog

    source = sim_camera()
    targets = [sim_camera() for _ in range(3)]
    source.set_value("osd", "osdtext", "Site 42")
    entries = [add(window, c) for c in (source, *targets)]
    for e in entries:
        online(window, loop, e)
    targets[2].fault = "authfail"
    dialog = CopySettingsDialog(window, entries[0])
    dialog.module_box.setCurrentIndex(dialog.module_box.findData("osd"))
    dialog.preview()
    run_until(
        loop,
        lambda: (
            dialog.results.item(0, 1) is not None
            and all("…" not in dialog.results.item(r, 1).text() for r in range(3))
        ),
        what="preview",
    )
    assert "cannot read" in dialog.results.item(2, 1).text()
    dialog.apply()
    run_until(loop, lambda: "Done" in dialog.status.text(), timeout=30)
    assert [c.value("osd", "osdtext") for c in targets[:2]] == ["Site 42", "Site 42"]
    assert dialog.progress.value() == dialog.progress.maximum() == 2


def test_discovery_sweep_adds_a_camera(window, loop, sim_camera):
    from gxvdesk.ui.discovery_dialog import DiscoveryDialog

    cams = [sim_camera(), sim_camera("GXV3504")]
    dialog = DiscoveryDialog(window)
    dialog.ranges.setText("127.0.0.1/32")
    dialog.ports.setText(",".join(str(c.port) for c in cams))
    dialog.password.setText(TEST_PASSWORD)
    dialog.multicast.setChecked(False)
    dialog.start()
    run_until(
        loop, lambda: dialog.table.rowCount() == 2 and dialog.start_button.isEnabled(), timeout=20
    )
    macs = {dialog.table.item(r, 3).text().replace(":", "") for r in range(2)}
    assert macs == {c.mac for c in cams}
    dialog.table.cellWidget(0, 6).click()
    assert len(window.inventory.entries) == 1


def test_garbage_replies_load_and_say_so(window, loop, sim_camera):
    cam = sim_camera(fault="garbage")
    entry = add(window, cam)
    online(window, loop, entry)
    page = window.workspace(entry).settings
    page.select_module("osd")
    run_until(loop, lambda: "unreadable line" in page.status.text(), what="garbage note")
    assert text_editor(page.form, "osdtext").text() == cam.value("osd", "osdtext")
    assert not page.is_dirty()


def test_flaky_camera_applies_through_retries(window, loop, sim_camera):
    cam = sim_camera(fault="flaky")
    entry = add(window, cam)
    online(window, loop, entry)
    page = open_settings(window, loop, entry, "osd")
    text_editor(page.form, "osdtext").setText("steady")
    page.apply()
    run_until(loop, lambda: "Applied" in page.status.text() or "Not applied" in page.status.text())
    assert "Applied" in page.status.text(), page.status.text()
    assert cam.value("osd", "osdtext") == "steady"


def test_schedule_added_in_the_table_reaches_the_camera(window, loop, sim_camera):
    cam = sim_camera()
    entry = add(window, cam)
    online(window, loop, entry)
    page = open_settings(window, loop, entry, "motiondetect")
    table = next(t for t in page.tables if t.record.name == "schedules")
    before = len(cam.items("motiondetect", "schedules"))
    dialog = table.add_dialog()
    dialog.load(
        {
            "md.regn.index": "2",
            "md.regn.schedule.dayset": "1",
            "md.regn.schedule.starttime": "3600",
            "md.regn.schedule.endtime": "7200",
        }
    )
    dialog.accept()
    assert table.pending_adds()
    page.apply()
    run_until(loop, lambda: len(cam.items("motiondetect", "schedules")) == before + 1, what="added")
    item = cam.items("motiondetect", "schedules")[-1]
    assert item["md.regn.index"] == "2" and item["md.regn.schedule.endtime"] == "7200"


def test_status_page_is_refreshed(window, loop, sim_camera):
    cam = sim_camera()
    entry = add(window, cam)
    online(window, loop, entry)
    page = open_settings(window, loop, entry, "systeminfo")
    page.refresh_timer.setInterval(200)
    page.refresh_timer.start()
    cam.clear_requests()
    reads = lambda: sum(r.module == "systeminfo" for r in cam.requests)  # noqa: E731
    run_until(loop, lambda: reads() >= 2, what="refresh")
    page.select_module("osd")
    assert not page.refresh_timer.isActive()


def test_device_answer_is_shown_on_the_field_it_names(window, loop, sim_camera):
    cam = sim_camera(spelling="underscores")
    entry = add(window, cam)
    online(window, loop, entry)
    page = open_settings(window, loop, entry, "smtp")
    child(page.form.editor("enablesmtp"), QCheckBox).setChecked(True)
    text_editor(page.form, "emailfrom").setText("front-gate")  # the camera checks addresses
    page.apply()
    run_until(loop, lambda: "Not applied" in page.status.text(), what="refusal")
    editor = page.form.editor("emailfrom")
    assert "emailfrom" in editor.toolTip() and "Invalid" in editor.toolTip()
    assert page.is_dirty()
    assert cam.value("smtp", "enablesmtp") == "0", "all or nothing: the camera is unchanged"


def test_undo_last_apply_restores_the_module(window, loop, sim_camera):
    cam = sim_camera()
    entry = add(window, cam)
    online(window, loop, entry)
    before = cam.value("osd", "osdtext")
    page = open_settings(window, loop, entry, "osd")
    text_editor(page.form, "osdtext").setText("changed by mistake")
    page.apply()
    run_until(loop, lambda: "Applied" in page.status.text())
    assert cam.value("osd", "osdtext") == "changed by mistake"
    assert page.undo_button.isEnabled()
    page.undo()
    run_until(loop, lambda: "Undone" in page.status.text(), what="undo")
    assert cam.value("osd", "osdtext") == before
    assert not page.undo_button.isEnabled()


def test_camera_arguments_open_with_the_first_selected(qtbot, loop, sim_camera, tmp_path):
    cams = [sim_camera(), sim_camera("GXV3504")]
    args = parse_args([f"admin:{TEST_PASSWORD}@{c.host}:{c.port}" for c in cams])
    store = CredentialStore(tmp_path / "credentials-fallback.json", use_keyring=False)
    win = build_window(args, None, store, remember=False)
    qtbot.addWidget(win)
    run_until(loop, lambda: all(e.state == State.ONLINE for e in win.inventory.entries))
    assert [e.url for e in win.inventory.entries] == [c.url for c in cams]
    assert win.current_entry().url == cams[0].url
    win.close()


def test_inventory_is_remembered_without_secrets(tmp_path):
    from gxvdesk.services import inventory

    path = tmp_path / "inventory.json"
    entry = inventory.CameraEntry(url="http://10.1.2.3:8080", name="Gate", mac="000B82000009")
    inventory.save([entry], path)
    text = path.read_text()
    assert "password" not in text.lower()
    (loaded,) = inventory.load(path)
    assert (loaded.url, loaded.name, loaded.mac, loaded.id) == (
        entry.url,
        "Gate",
        entry.mac,
        entry.id,
    )
    assert loaded.state == State.UNKNOWN


def test_ip_change_finds_the_camera_at_its_new_address(window, loop, sim_camera):
    cam = sim_camera()
    cam.reboot_seconds = 0.5
    entry = add(window, cam)
    online(window, loop, entry)
    page = open_settings(window, loop, entry, "network")
    text_editor(page.form, "ipaddress").setText("127.0.0.77")
    page.apply()
    workspace = window.workspaces[entry.id]
    run_until(loop, lambda: workspace.banner.isVisible(), what="banner")
    workspace.reboot()
    run_until(
        loop,
        lambda: entry.state == State.ONLINE and "127.0.0.77" in entry.url,
        timeout=40,
        what="found at the new IP",
    )
    assert cam.host == "127.0.0.77"
    assert "new address" in workspace.banner.text.text()
    assert len(window.inventory.entries) == 1 and entry.mac == cam.mac


def test_encoder_channel_selector_writes_that_channel(window, loop, sim_camera):
    cam = sim_camera("GXV3504")
    entry = add(window, cam)
    online(window, loop, entry)
    page = open_settings(window, loop, entry, "osd")
    assert page.channel_box.isVisible() and page.channel_box.count() == 4
    page.channel_box.setCurrentIndex(2)
    run_until(loop, lambda: page.form is not None and not page.runner.running_for(page))
    text_editor(page.form, "osdtext").setText("Input 3")
    page.apply()
    run_until(loop, lambda: "Applied" in page.status.text())
    assert cam.value("osd", "osdtext", channel=2) == "Input 3"
    assert "Input 3" not in {cam.value("osd", "osdtext", channel=c) for c in (0, 1, 3)}


def test_ptz_picture_follows_the_ptz_channel(window, loop, sim_camera):
    cam = sim_camera("GXV3504")
    entry = add(window, cam)
    online(window, loop, entry)
    workspace = window.workspace(entry)
    panel = workspace.pages["ptz"]
    workspace.tabs.setCurrentWidget(panel)
    panel.channel_box.setCurrentIndex(2)
    run_until(loop, lambda: panel.preview.channel_box.currentIndex() == 2, what="preview channel")
    cam.clear_requests()
    run_until(
        loop,
        lambda: any(r.path == "/snapshot/view2.jpg" for r in cam.requests),
        what="picture of input 3",
    )
