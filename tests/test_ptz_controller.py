"""PtzController: coalescing, stop priority, watchdog and shutdown (simulator and fakes)."""

from __future__ import annotations

import threading
import time

import pytest
from conftest import TEST_PASSWORD

from gxvdesk.protocol.client import Camera
from gxvdesk.protocol.errors import CameraTimeoutError
from gxvdesk.services.ptz import MOVES, STOP
from gxvdesk.ui.ptz.controller import CommandResult, PtzController


def ptz_controls(sim) -> list[int]:
    """The ptzcontrol of every PTZ command the simulator received, in order."""
    return [
        int(dict(r.params)["ptzcontrol"])
        for r in sim.requests
        if r.module == "ptz" and r.cmd == "set" and "ptzcontrol" in dict(r.params)
    ]


def stable(sim, channel: int, wait: float = 0.3) -> bool:
    before = sim.ptz_position(channel)
    time.sleep(wait)
    return sim.ptz_position(channel) == pytest.approx(before, abs=1e-6)


@pytest.fixture
def rig(sim_camera, qapp):
    sim = sim_camera("GXV3504")
    camera = Camera(sim.url, user="admin", password=TEST_PASSWORD, timeout=5)
    ctl = PtzController(camera, 1)
    ctl.warm_up()
    assert ctl.wait_idle(10)
    sim.clear_requests()
    yield sim, ctl
    ctl.shutdown()
    camera.close()


def test_move_then_stop_moves_the_head_and_stops_it(rig):
    sim, ctl = rig
    ctl.move("right", 40)
    deadline = time.monotonic() + 10
    while sim.ptz_position(1)[0] < 2.0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert sim.ptz_position(1)[0] >= 2.0
    assert ctl.stop() is True
    assert ctl.wait_idle(10)
    assert ptz_controls(sim) == [MOVES["right"], STOP]
    assert stable(sim, 1)
    assert sim.ptz_position(0) == (0.0, 0.0, 1.0)  # only channel 1 moved
    result = ctl.last_result
    assert isinstance(result, CommandResult) and result.ok and result.action == "stop"
    assert ctl.last_rtt is not None and ctl.last_rtt > 0
    assert ctl.last_error == ""


def test_stop_without_a_move_sends_nothing_unless_asked(rig):
    sim, ctl = rig
    assert ctl.stop() is False
    ctl.move("up", 5)
    ctl.stop()  # pressed and released before anything went out: nothing to stop
    assert ctl.wait_idle(5)
    assert ptz_controls(sim) == []
    assert ctl.stop(always=True) is True
    assert ctl.wait_idle(5)
    assert ptz_controls(sim) == [STOP]


def test_a_drag_is_coalesced_latest_wins_and_one_stop(rig):
    sim, ctl = rig
    ctl.move("up", 0)
    assert ctl.wait_idle(5)
    for speed in range(64):  # far faster than the camera answers
        ctl.move("up" if speed < 32 else "up-right", speed)
        time.sleep(0.0005)
    assert ctl.wait_idle(10)  # released after the last move was answered: one stop
    ctl.stop()
    assert ctl.wait_idle(10)
    controls = ptz_controls(sim)
    assert controls[-1] == STOP and controls.count(STOP) == 1
    assert len(controls) - 1 < 40  # 65 moves asked for, far fewer sent
    moves = [r for r in sim.requests if dict(r.params).get("ptzcontrol") != "0"]
    last = dict(moves[-1].params)
    assert (last["ptzcontrol"], last["ptzparam"]) == (str(MOVES["up-right"]), "63")


def test_the_same_move_is_not_sent_twice(rig):
    sim, ctl = rig
    ctl.move("down", 10)
    assert ctl.wait_idle(5)
    ctl.move("down", 10)
    ctl.move("down", 10)
    assert ctl.wait_idle(5)
    ctl.stop()
    assert ctl.wait_idle(5)
    assert ptz_controls(sim) == [MOVES["down"], STOP]


def test_stop_after_a_move_still_in_flight_is_sent_after_it(sim_camera, qapp):
    sim = sim_camera("GXV3504", slow_seconds=0.5)
    camera = Camera(sim.url, user="admin", password=TEST_PASSWORD, timeout=5)
    ctl = PtzController(camera, 2)
    try:
        ctl.warm_up()
        assert ctl.wait_idle(10)
        sim.fault = "slow"
        sim.clear_requests()
        ctl.move("up", 30)
        deadline = time.monotonic() + 10
        while not ptz_controls(sim) and time.monotonic() < deadline:
            time.sleep(0.005)
        assert ptz_controls(sim) == [MOVES["up"]]  # received, not answered yet
        assert ctl.busy
        ctl.stop()  # the release, while the move is in flight
        assert ctl.wait_idle(15)
        controls = ptz_controls(sim)
        assert controls[0] == MOVES["up"]
        assert controls[1:] and set(controls[1:]) == {STOP}
        assert len(controls[1:]) == 2  # the stop, and the watchdog's second stop
        stops = [r.time for r in sim.requests if dict(r.params).get("ptzcontrol") == "0"]
        moves = [r.time for r in sim.requests if dict(r.params).get("ptzcontrol") == "1"]
        assert min(stops) > max(moves)
        sim.fault = None
        assert stable(sim, 2)
    finally:
        sim.fault = None
        ctl.shutdown()
        camera.close()


def test_shutdown_sends_a_final_stop_and_ends_the_thread(rig):
    sim, ctl = rig
    ctl.move("left", 20)
    assert ctl.wait_idle(5)
    assert ctl.shutdown(5) is True
    assert ptz_controls(sim) == [MOVES["left"], STOP]
    assert not ctl.alive
    ctl.move("left", 20)  # after shutdown: ignored, nothing sent
    time.sleep(0.1)
    assert ptz_controls(sim) == [MOVES["left"], STOP]


def test_shutdown_when_nothing_moved_sends_nothing(rig):
    sim, ctl = rig
    assert ctl.shutdown(5) is True
    assert ptz_controls(sim) == []


# -- with a fake camera: failures and hangs ----------------------------------------------


class FakeCamera:
    """Answers ptz() like a camera; ``fail_stops`` stops fail, ``hang`` blocks every call."""

    name = "fake:80"

    def __init__(self, fail_stops: int = 0, hang: threading.Event | None = None) -> None:
        self.sent: list[tuple[int, int]] = []
        self.fail_stops = fail_stops
        self.hang = hang
        self.lock = threading.Lock()

    def ptz(self, control: int, param: int = 0, channel: int | None = None) -> None:
        if self.hang is not None:
            self.hang.wait(10)
        with self.lock:
            self.sent.append((control, param))
            if control == STOP and self.fail_stops > 0:
                self.fail_stops -= 1
                raise CameraTimeoutError("no answer within 5 s", camera=self.name)


def test_a_failed_stop_is_retried_once_and_reported(qtbot):
    camera = FakeCamera(fail_stops=5)
    ctl = PtzController(camera, None, watchdog_delay=0.05)  # type: ignore[arg-type]
    try:
        with qtbot.waitSignal(ctl.failed, timeout=10000) as blocker:
            ctl.move("right", 10)
            assert ctl.wait_idle(5)
            ctl.stop()
        assert ctl.wait_idle(5)
        assert camera.sent == [(MOVES["right"], 10), (STOP, 0), (STOP, 0)]
        assert "Stop not confirmed" in blocker.args[0]
        assert "no answer within 5 s" in blocker.args[0]
        assert "no answer" in ctl.last_error
        assert ctl.moving  # unknown: the next shutdown tries again
    finally:
        ctl.shutdown(2)


def test_a_failed_stop_then_success_sends_two_stops(qtbot):
    camera = FakeCamera(fail_stops=1)
    ctl = PtzController(camera, None, watchdog_delay=0.05)  # type: ignore[arg-type]
    try:
        ctl.move("up", 5)
        assert ctl.wait_idle(5)
        ctl.stop()
        assert ctl.wait_idle(5)
        assert camera.sent == [(MOVES["up"], 5), (STOP, 0), (STOP, 0)]
        assert ctl.last_result is not None and ctl.last_result.ok
        assert ctl.last_result.watchdog
        assert not ctl.moving
    finally:
        ctl.shutdown(2)


def test_a_new_move_cancels_the_pending_watchdog_stop(qtbot):
    camera = FakeCamera(fail_stops=1)
    ctl = PtzController(camera, None, watchdog_delay=1.0)  # type: ignore[arg-type]
    try:
        ctl.move("up", 5)
        assert ctl.wait_idle(5)
        ctl.stop()
        deadline = time.monotonic() + 5
        while len(camera.sent) < 2 and time.monotonic() < deadline:
            time.sleep(0.005)
        ctl.move("down", 5)  # pressed again before the watchdog fired
        deadline = time.monotonic() + 5
        while len(camera.sent) < 3 and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.2)
        assert camera.sent == [(MOVES["up"], 5), (STOP, 0), (MOVES["down"], 5)]
        ctl.stop()
        assert ctl.wait_idle(5)
        assert camera.sent[-1] == (STOP, 0)
    finally:
        ctl.shutdown(2)


def test_shutdown_is_bounded_when_the_camera_hangs(qapp):
    gate = threading.Event()
    camera = FakeCamera(hang=gate)
    ctl = PtzController(camera, None)  # type: ignore[arg-type]
    try:
        ctl.move("right", 10)
        time.sleep(0.05)
        start = time.monotonic()
        assert ctl.shutdown(0.3) is False
        assert time.monotonic() - start < 2.0
    finally:
        gate.set()
    assert ctl.join(5)
    # the stop still went out after the hung move (and the watchdog's second one)
    assert camera.sent[0] == (MOVES["right"], 10)
    assert camera.sent[1:] and set(camera.sent[1:]) == {(STOP, 0)}


def test_finished_signal_carries_the_round_trip(rig, qtbot):
    _sim, ctl = rig
    with qtbot.waitSignal(ctl.finished, timeout=10000) as blocker:
        ctl.preset("set-preset", 7)
    result = blocker.args[0]
    assert result.action == "set-preset" and result.param == 7 and result.ok
    assert result.rtt is not None and 0 < result.rtt < 5
    assert result.queued >= 0


def test_bad_actions_are_refused_before_anything_is_sent(rig):
    sim, ctl = rig
    with pytest.raises(ValueError):
        ctl.move("goto", 3)
    with pytest.raises(ValueError):
        ctl.preset("up", 3)
    assert ptz_controls(sim) == []
