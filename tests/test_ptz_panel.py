"""PtzPanel against a simulated GXV3504: presets round trip, names, channels, settings, close."""

from __future__ import annotations

import json

import pytest
from conftest import TEST_PASSWORD
from PySide6.QtCore import Qt

from gxvdesk.protocol.client import Camera
from gxvdesk.registry import module
from gxvdesk.services.ptz import MOVES, PRESET_ACTIONS, STOP
from gxvdesk.services.ptz_presets import PresetNames, camera_key
from gxvdesk.ui.ptz import PtzPanel, preset_numbers
from gxvdesk.ui.ptz.settings import COMMANDS, GROUPS, group_modules

WAIT = 15000


def ptz_controls(sim) -> list[int]:
    return [
        int(dict(r.params)["ptzcontrol"])
        for r in sim.requests
        if r.module == "ptz" and r.cmd == "set" and "ptzcontrol" in dict(r.params)
    ]


@pytest.fixture
def rig(qtbot, sim_camera, tmp_path):
    sim = sim_camera("GXV3504")
    camera = Camera(sim.url, user="admin", password=TEST_PASSWORD, timeout=5)
    store = PresetNames(tmp_path / "presets.json")
    panel = PtzPanel(camera, "GXV3504", channel=1, presets=store)
    qtbot.addWidget(panel)
    panel.resize(1000, 640)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=WAIT)
    qtbot.waitUntil(lambda: panel.key is not None, timeout=WAIT)
    page = panel.settings_for(1)
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT)
    qtbot.waitUntil(lambda: not panel.controller.busy, timeout=WAIT)
    sim.clear_requests()
    yield sim, panel, store
    panel.shutdown()
    camera.close()


def hold(qtbot, panel, sim, action: str, channel: int = 1) -> None:
    """Press the joystick towards ``action`` until the head moved, then release (settled)."""
    pad = panel.pad
    start = sim.ptz_position(channel)
    point = pad.joystick.point_for(action, 0.9).toPoint()
    qtbot.mousePress(pad.joystick, Qt.MouseButton.LeftButton, pos=point)

    def moved() -> bool:
        now = sim.ptz_position(channel)
        return max(abs(a - b) for a, b in zip(now, start, strict=True)) > 5.0

    qtbot.waitUntil(moved, timeout=WAIT)
    qtbot.waitUntil(lambda: not panel.controller.busy, timeout=WAIT)
    qtbot.mouseRelease(pad.joystick, Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: ptz_controls(sim)[-1:] == [STOP], timeout=WAIT)
    qtbot.waitUntil(lambda: not panel.controller.busy, timeout=WAIT)


def test_supported_only_for_ptz_models():
    assert PtzPanel.supported("GXV3500")
    assert PtzPanel.supported("GXV3504")
    assert not PtzPanel.supported("GXV3672_FHD")
    assert not PtzPanel.supported("GXV3615W")
    assert not PtzPanel.supported(None)


def test_panel_for_a_model_without_ptz_shows_nothing_to_press(qtbot, sim_camera, tmp_path):
    sim = sim_camera("GXV3672_FHD")
    camera = Camera(sim.url, user="admin", password=TEST_PASSWORD)
    panel = PtzPanel(camera, "GXV3672_FHD", presets=PresetNames(tmp_path / "p.json"))
    qtbot.addWidget(panel)
    assert panel.pad is None and panel.presets is None
    panel.shutdown()
    assert not sim.requests


def test_presets_save_go_to_and_clear(rig, qtbot):
    sim, panel, store = rig
    hold(qtbot, panel, sim, "right")
    saved = sim.ptz_position(1)
    panel.presets.select(5)
    qtbot.mouseClick(panel.presets.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: store.saved(panel.key, 1, 5), timeout=WAIT)
    assert panel.presets.item_text(5).startswith("●")

    hold(qtbot, panel, sim, "up-left")
    assert sim.ptz_position(1) != pytest.approx(saved, abs=1.0)

    item = panel.presets.list.currentItem()
    rect = panel.presets.list.visualItemRect(item)
    viewport = panel.presets.list.viewport()
    # QTest's double-click needs the press before it to land on the item view first
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: sim.ptz_position(1) == pytest.approx(saved, abs=1.0), timeout=WAIT)
    gotos = [dict(r.params) for r in sim.requests if dict(r.params).get("ptzcontrol") == "15"]
    assert gotos and gotos[-1]["ptzparam"] == "5" and gotos[-1]["channel"] == "1"

    qtbot.mouseClick(panel.presets.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not store.saved(panel.key, 1, 5), timeout=WAIT)
    assert ptz_controls(sim)[-1] == PRESET_ACTIONS["clear-preset"]
    assert not panel.presets.item_text(5).startswith("●")


def test_go_to_button_and_auto_pan(rig, qtbot):
    sim, panel, store = rig
    panel.presets.select(9)
    qtbot.mouseClick(panel.presets.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: store.saved(panel.key, 1, 9), timeout=WAIT)
    qtbot.mouseClick(panel.presets.auto_pan_start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sim.ptz_position(1)[0] > 2.0, timeout=WAIT)
    qtbot.mouseClick(panel.presets.auto_pan_stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ptz_controls(sim)[-1:] == [19], timeout=WAIT)
    qtbot.mouseClick(panel.presets.goto_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sim.ptz_position(1)[0] == pytest.approx(0.0, abs=0.5), timeout=WAIT)
    assert ptz_controls(sim) == [17, 18, 19, 15]


def test_preset_names_persist_per_camera_and_channel(rig, qtbot, tmp_path):
    sim, panel, store = rig
    assert panel.key == camera_key(mac=sim.mac)
    panel.presets.select(3)
    panel.presets.name.setText("  Main   gate ")
    panel.presets.name.editingFinished.emit()
    assert "Main gate" in panel.presets.item_text(3)

    again = PresetNames(store.path)
    assert again.name(panel.key, 1, 3) == "Main gate"
    assert again.name(panel.key, 0, 3) == ""  # another channel keeps its own names
    text = store.path.read_text(encoding="utf-8")
    assert TEST_PASSWORD not in text and "admin" not in text
    assert json.loads(text)["cameras"][sim.mac.upper()]["1"]["3"]["name"] == "Main gate"

    panel.channel_box.setCurrentIndex(0)
    assert panel.channel == 0
    assert "Main gate" not in panel.presets.item_text(3)
    panel.channel_box.setCurrentIndex(1)
    assert "Main gate" in panel.presets.item_text(3)


def test_the_channel_selector_drives_that_channel(rig, qtbot):
    sim, panel, _store = rig
    assert panel.channel_box.isVisible() and panel.channel_box.count() == 4
    panel.channel_box.setCurrentIndex(3)
    qtbot.waitUntil(lambda: not panel.controller.busy, timeout=WAIT)
    sim.clear_requests()
    hold(qtbot, panel, sim, "down", channel=3)
    assert sim.ptz_position(1) == (0.0, 0.0, 1.0)
    assert {dict(r.params)["channel"] for r in sim.requests if r.cmd == "set"} == {"3"}


def test_switching_channel_mid_move_stops_the_old_channel(rig, qtbot):
    sim, panel, _store = rig
    pad = panel.pad
    point = pad.joystick.point_for("right", 0.9).toPoint()
    qtbot.mousePress(pad.joystick, Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: sim.ptz_position(1)[0] > 2.0, timeout=WAIT)
    old = panel.controller
    qtbot.waitUntil(lambda: not old.busy, timeout=WAIT)
    panel.channel_box.setCurrentIndex(0)
    qtbot.waitUntil(lambda: ptz_controls(sim)[-1:] == [STOP], timeout=WAIT)
    qtbot.mouseRelease(pad.joystick, Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: not old.busy, timeout=WAIT)
    assert ptz_controls(sim) == [MOVES["right"], STOP]


def test_closing_the_panel_mid_move_stops(rig, qtbot):
    sim, panel, _store = rig
    pad = panel.pad
    point = pad.joystick.point_for("up", 0.9).toPoint()
    qtbot.mousePress(pad.joystick, Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: sim.ptz_position(1)[1] > 2.0, timeout=WAIT)
    controller = panel.controller
    qtbot.waitUntil(lambda: not controller.busy, timeout=WAIT)
    panel.close()
    assert ptz_controls(sim) == [MOVES["up"], STOP]  # close waits for the final stop
    assert not controller.alive
    still = sim.ptz_position(1)
    qtbot.wait(300)
    assert sim.ptz_position(1) == pytest.approx(still, abs=1e-6)


def test_settings_are_read_and_applied_per_channel(rig, qtbot):
    sim, panel, _store = rig
    page = panel.settings_for(1)
    head = page.forms["Head"]
    other_channel = sim.value("ptz", "baudrate", channel=0)
    assert head.editor("baudrate").wire() == sim.value("ptz", "baudrate", channel=1)
    head.editor("baudrate").set_wire("9600")
    page.forms["Park"].editor("park_time").set_wire("4")
    assert page.changes() == {"baudrate": "9600", "park_time": "4"}
    with qtbot.waitSignal(page.settled, timeout=WAIT):
        page.apply()
    assert page.status.text() == "Applied."
    assert sim.value("ptz", "baudrate", channel=1) == "9600"
    assert sim.value("ptz", "park_time", channel=1) == "4"
    assert sim.value("ptz", "baudrate", channel=0) == other_channel  # per channel on a 3504
    sets = [dict(r.params) for r in sim.requests if r.cmd == "set"]
    assert sets and all("ptzcontrol" not in s for s in sets)  # never a head command


def test_the_groups_cover_every_setting_and_no_command():
    ptz = module("ptz")
    grouped = [n for _, _, names in GROUPS for n in names]
    assert len(grouped) == len(set(grouped))
    assert set(grouped) | set(COMMANDS) == {p.name for p in ptz.params}
    for model in ("GXV3500", "GXV3504"):
        shown = {p.name for _, _, part in group_modules(model) for p in part.params}
        assert not shown & set(COMMANDS)
        assert {p.name for p in ptz.params_for(model)} - set(COMMANDS) == shown
    assert "addressid4" not in {p.name for _, _, m in group_modules("GXV3500") for p in m.params}


def test_preset_numbers_follow_the_registry():
    numbers = preset_numbers("GXV3504")
    assert numbers[0] == 1
    assert numbers[-1] == module("ptz").param("ptzparam").type.high  # type: ignore[attr-defined]


def test_a_closed_panel_shown_again_drives_the_head_again(rig, qtbot):
    sim, panel, _store = rig
    panel.close()
    assert not panel.controllers
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=WAIT)
    hold(qtbot, panel, sim, "down-right")
    assert ptz_controls(sim) == [MOVES["down-right"], STOP]


def test_a_panel_deleted_without_shutdown_still_stops_the_head(qtbot, sim_camera, tmp_path):
    sim = sim_camera("GXV3504")
    camera = Camera(sim.url, user="admin", password=TEST_PASSWORD, timeout=5)
    panel = PtzPanel(camera, "GXV3504", presets=PresetNames(tmp_path / "p.json"), key="K")
    panel.show()
    qtbot.waitExposed(panel)
    controller = panel.controller
    qtbot.waitUntil(lambda: not controller.busy, timeout=WAIT)
    sim.clear_requests()
    controller.move("up", 20)
    qtbot.waitUntil(lambda: ptz_controls(sim) == [MOVES["up"]], timeout=WAIT)
    qtbot.waitUntil(lambda: not controller.busy, timeout=WAIT)
    panel.deleteLater()
    del panel
    qtbot.waitUntil(lambda: ptz_controls(sim)[-1:] == [STOP], timeout=WAIT)
    assert controller.join(5)  # its thread was told to end
    camera.close()
