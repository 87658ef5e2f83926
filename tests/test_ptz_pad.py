"""PtzPad with the mouse and the keyboard against a simulated GXV3504 over real HTTP.

Every test checks the order of the ptzcontrol codes the simulator received: each press is
followed by exactly one stop. A release is made after the controller has settled, except in
the test of a release during a move still in flight (which, by design, also gets the
watchdog's second stop).
"""

from __future__ import annotations

import math
import re

import pytest
from conftest import TEST_PASSWORD
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from gxvdesk.protocol.client import Camera
from gxvdesk.services.ptz import MOVES, STOP
from gxvdesk.ui.ptz.controller import PtzController
from gxvdesk.ui.ptz.pad import PtzPad, direction_of, keys_direction, speed_of

CHANNEL = 1
WAIT = 15000  # ms: generous, the machine may be loaded


def ptz_controls(sim) -> list[int]:
    return [
        int(dict(r.params)["ptzcontrol"])
        for r in sim.requests
        if r.module == "ptz" and r.cmd == "set" and "ptzcontrol" in dict(r.params)
    ]


def one_stop_per_press(controls: list[int], presses: int = 1) -> None:
    """Moves, then one stop, ``presses`` times: no stop without a move, none missing."""
    assert controls and controls[-1] == STOP, controls
    assert controls.count(STOP) == presses, controls
    assert controls[0] != STOP, controls
    for i, code in enumerate(controls[:-1]):
        if code == STOP:
            assert controls[i + 1] != STOP, controls


class Rig:
    def __init__(self, qtbot, sim) -> None:
        self.qtbot = qtbot
        self.sim = sim
        self.camera = Camera(sim.url, user="admin", password=TEST_PASSWORD, timeout=5)
        self.ctl = PtzController(self.camera, CHANNEL)
        self.ctl.warm_up()
        assert self.ctl.wait_idle(10)
        self.window = QWidget()
        self.window.setWindowTitle("pad test")
        self.pad = PtzPad(self.ctl, self.window)
        self.other = QLineEdit(self.window)  # somewhere else for the focus to go
        layout = QVBoxLayout(self.window)
        layout.addWidget(self.pad)
        layout.addWidget(self.other)
        qtbot.addWidget(self.window)
        self.window.resize(320, 560)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.window.activateWindow()
        qtbot.waitUntil(self.window.isActiveWindow, timeout=WAIT)
        sim.clear_requests()

    @property
    def joystick(self):
        return self.pad.joystick

    def point(self, action: str, share: float = 0.7) -> QPoint:
        return self.joystick.point_for(action, share).toPoint()

    def press(self, action: str, share: float = 0.7) -> None:
        self.qtbot.mousePress(
            self.joystick, Qt.MouseButton.LeftButton, pos=self.point(action, share)
        )

    def drag(self, action: str, share: float = 0.7) -> None:
        self.qtbot.mouseMove(self.joystick, self.point(action, share))

    def release(self, action: str = "right") -> None:
        self.qtbot.mouseRelease(self.joystick, Qt.MouseButton.LeftButton, pos=self.point(action))

    def position(self):
        return self.sim.ptz_position(CHANNEL)

    def wait_moving(self, start=None) -> None:
        start = start or self.position()
        self.qtbot.waitUntil(lambda: self.position() != start, timeout=WAIT)

    def settle(self) -> None:
        """Wait until every request went out and was answered (watchdog included)."""
        self.qtbot.waitUntil(lambda: not self.ctl.busy, timeout=WAIT)

    def wait_stop_sent(self, stops: int = 1) -> None:
        self.qtbot.waitUntil(lambda: ptz_controls(self.sim).count(STOP) >= stops, timeout=WAIT)
        self.settle()

    def assert_still(self) -> None:
        before = self.position()
        self.qtbot.wait(300)
        assert self.position() == pytest.approx(before, abs=1e-6)

    def close(self) -> None:
        self.ctl.shutdown()
        self.camera.close()


@pytest.fixture
def rig(qtbot, sim_camera):
    r = Rig(qtbot, sim_camera("GXV3504"))
    yield r
    r.close()


# -- the geometry of the pad --------------------------------------------------------------


@pytest.mark.parametrize(
    ("dx", "dy", "action"),
    [(1, 0, "right"), (1, -1, "up-right"), (0, -1, "up"), (-1, -1, "up-left"),
     (-1, 0, "left"), (-1, 1, "down-left"), (0, 1, "down"), (1, 1, "down-right"),
     (10, -3, "right"), (3, -10, "up")],
)  # fmt: skip
def test_direction_of_screen_vectors(dx, dy, action):
    assert direction_of(dx, dy) == action


def test_speed_grows_with_the_distance_from_the_centre():
    speeds = [speed_of(d, 100) for d in (0, 18, 30, 60, 100, 150)]
    assert speeds[0] == speeds[1] == 0
    assert speeds == sorted(speeds)
    assert speeds[-2] == speeds[-1] == 63


def test_arrow_keys_combine_into_diagonals():
    assert keys_direction(1, 1) == "up-right"
    assert keys_direction(-1, -1) == "down-left"
    assert keys_direction(0, 0) is None
    assert keys_direction(1, 0) == "right"


# -- the mouse ----------------------------------------------------------------------------


def test_press_hold_moves_and_release_stops(rig):
    start = rig.position()
    rig.press("right", 0.8)
    rig.wait_moving(start)
    assert rig.pad.active == "mouse"
    rig.settle()
    rig.release()
    rig.wait_stop_sent()
    one_stop_per_press(ptz_controls(rig.sim))
    assert ptz_controls(rig.sim)[0] == MOVES["right"]
    assert rig.position()[0] > start[0]  # panned right
    rig.assert_still()
    assert re.fullmatch(r"Camera answered in \d+ ms tool delay \d+ ms", rig.pad.answer_text())
    assert rig.pad.active is None


def test_distance_from_the_centre_sets_the_speed(rig):
    rig.press("up", 0.35)
    rig.qtbot.waitUntil(lambda: ptz_controls(rig.sim) != [], timeout=WAIT)
    rig.settle()
    slow = int(dict(rig.sim.requests[-1].params)["ptzparam"])
    rig.drag("up", 0.95)
    rig.qtbot.waitUntil(lambda: len(ptz_controls(rig.sim)) >= 2, timeout=WAIT)
    rig.settle()
    fast = int(dict(rig.sim.requests[-1].params)["ptzparam"])
    assert 0 <= slow < fast <= 63
    rig.release("up")
    rig.wait_stop_sent()
    one_stop_per_press(ptz_controls(rig.sim))


def test_drag_across_directions_is_coalesced_into_one_stop(rig):
    rig.press("right")
    rig.wait_moving()
    # sweep round the rim (never through the centre) from right to up to left
    for step in range(0, 181, 3):
        pos = rig.joystick.centre()
        r = rig.joystick.radius() * 0.7
        a = math.radians(step)
        rig.qtbot.mouseMove(
            rig.joystick, QPointF(pos.x() + r * math.cos(a), pos.y() - r * math.sin(a)).toPoint()
        )
    rig.settle()
    rig.release("left")
    rig.wait_stop_sent()
    controls = ptz_controls(rig.sim)
    one_stop_per_press(controls)
    moves = controls[:-1]
    assert moves[0] == MOVES["right"] and moves[-1] == MOVES["left"]
    assert set(moves) <= {MOVES[a] for a in ("right", "up-right", "up", "up-left", "left")}
    assert len(moves) <= 61  # never more than one request per mouse event
    rig.assert_still()


def test_several_presses_each_get_one_stop(rig):
    for action in ("up", "down-left", "right"):
        rig.press(action)
        rig.qtbot.waitUntil(lambda a=action: MOVES[a] in ptz_controls(rig.sim), timeout=WAIT)
        rig.settle()
        rig.release(action)
        rig.settle()
    rig.wait_stop_sent(3)
    one_stop_per_press(ptz_controls(rig.sim), presses=3)


def test_leaving_the_pad_while_pressed_stops(rig):
    rig.press("right")
    rig.wait_moving()
    rig.settle()
    outside = QPoint(rig.joystick.width() + 40, rig.joystick.height() // 2)
    rig.qtbot.mouseMove(rig.joystick, outside)
    rig.wait_stop_sent()
    rig.qtbot.mouseRelease(rig.joystick, Qt.MouseButton.LeftButton, pos=outside)
    rig.settle()
    one_stop_per_press(ptz_controls(rig.sim))
    rig.assert_still()


def test_release_while_the_move_is_in_flight_still_stops(rig):
    rig.sim.slow_seconds = 0.6
    rig.sim.fault = "slow"
    try:
        rig.press("up")
        rig.qtbot.waitUntil(lambda: ptz_controls(rig.sim) == [MOVES["up"]], timeout=WAIT)
        assert rig.ctl.busy  # the camera has not answered yet
        rig.release("up")
        rig.wait_stop_sent()
    finally:
        rig.sim.fault = None
    controls = ptz_controls(rig.sim)
    assert controls[0] == MOVES["up"]
    assert set(controls[1:]) == {STOP}  # the stop after the move, and the watchdog's
    moved = [r.time for r in rig.sim.requests if dict(r.params).get("ptzcontrol") == "1"]
    stopped = [r.time for r in rig.sim.requests if dict(r.params).get("ptzcontrol") == "0"]
    assert min(stopped) > max(moved)
    rig.assert_still()


# -- everything else that must stop the head ----------------------------------------------


def test_focus_loss_mid_move_stops(rig):
    rig.press("right")
    rig.wait_moving()
    rig.settle()
    rig.other.setFocus(Qt.FocusReason.TabFocusReason)
    rig.wait_stop_sent()
    assert rig.pad.active is None
    rig.release()  # the button comes up later: nothing more is sent
    rig.settle()
    one_stop_per_press(ptz_controls(rig.sim))
    rig.assert_still()


def test_window_deactivation_mid_move_stops(rig, qtbot):
    rig.press("up-right")
    rig.wait_moving()
    rig.settle()
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: not rig.window.isActiveWindow(), timeout=WAIT)
    rig.wait_stop_sent()
    rig.release("up-right")
    rig.settle()
    one_stop_per_press(ptz_controls(rig.sim))
    rig.assert_still()


def test_escape_stops(rig, qtbot):
    rig.press("down")
    rig.wait_moving()
    rig.settle()
    qtbot.keyClick(rig.pad, Qt.Key.Key_Escape)
    rig.wait_stop_sent()
    rig.release("down")
    rig.settle()
    one_stop_per_press(ptz_controls(rig.sim))


def test_hiding_the_pad_stops(rig):
    rig.press("left")
    rig.wait_moving()
    rig.settle()
    rig.pad.hide()
    rig.wait_stop_sent()
    one_stop_per_press(ptz_controls(rig.sim))
    rig.assert_still()


def test_closing_the_window_stops(rig):
    rig.press("up")
    rig.wait_moving()
    rig.settle()
    rig.window.close()
    rig.wait_stop_sent()
    one_stop_per_press(ptz_controls(rig.sim))


# -- the keyboard and the buttons ---------------------------------------------------------


def test_arrow_keys_move_and_combine(rig, qtbot):
    rig.pad.setFocus()
    qtbot.waitUntil(rig.pad.hasFocus, timeout=WAIT)
    start = rig.position()
    qtbot.keyPress(rig.pad, Qt.Key.Key_Right)
    rig.wait_moving(start)
    rig.settle()
    qtbot.keyPress(rig.pad, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: MOVES["up-right"] in ptz_controls(rig.sim), timeout=WAIT)
    rig.settle()
    qtbot.keyRelease(rig.pad, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: ptz_controls(rig.sim)[-1] == MOVES["right"], timeout=WAIT)
    rig.settle()
    qtbot.keyRelease(rig.pad, Qt.Key.Key_Right)
    rig.wait_stop_sent()
    assert ptz_controls(rig.sim) == [MOVES["right"], MOVES["up-right"], MOVES["right"], STOP]
    params = {int(dict(r.params)["ptzparam"]) for r in rig.sim.requests}
    assert params == {rig.pad.speed.value(), 0}
    pan, tilt, _ = rig.position()
    assert pan > start[0] and tilt > start[1]
    rig.assert_still()


def test_space_stops_and_a_late_key_release_sends_nothing(rig, qtbot):
    rig.pad.setFocus()
    qtbot.waitUntil(rig.pad.hasFocus, timeout=WAIT)
    qtbot.keyPress(rig.pad, Qt.Key.Key_Down)
    rig.wait_moving()
    rig.settle()
    qtbot.keyClick(rig.pad, Qt.Key.Key_Space)
    rig.wait_stop_sent()
    qtbot.keyRelease(rig.pad, Qt.Key.Key_Down)
    rig.settle()
    assert ptz_controls(rig.sim) == [MOVES["down"], STOP]
    rig.assert_still()


def test_page_up_zooms_in(rig, qtbot):
    rig.pad.setFocus()
    qtbot.waitUntil(rig.pad.hasFocus, timeout=WAIT)
    qtbot.keyPress(rig.pad, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: rig.position()[2] > 1.05, timeout=WAIT)
    rig.settle()
    qtbot.keyRelease(rig.pad, Qt.Key.Key_PageUp)
    rig.wait_stop_sent()
    assert ptz_controls(rig.sim) == [MOVES["zoom-in"], STOP]


def test_hold_buttons_act_while_held(rig, qtbot):
    button = rig.pad.buttons["zoom-in"]
    rig.pad.speed.setValue(50)
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rig.position()[2] > 1.05, timeout=WAIT)
    rig.settle()
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    rig.wait_stop_sent()
    assert ptz_controls(rig.sim) == [MOVES["zoom-in"], STOP]
    assert dict(rig.sim.requests[0].params)["ptzparam"] == "50"
    rig.assert_still()


def test_errors_are_shown_in_words(rig, qtbot):
    rig.sim.fault = "authfail"
    try:
        rig.press("right")
        qtbot.waitUntil(rig.pad.error.isVisible, timeout=WAIT)
        assert "wrong user name or password" in rig.pad.error.text()
        assert TEST_PASSWORD not in rig.pad.error.text()
        rig.release()
        rig.settle()
    finally:
        rig.sim.fault = None
