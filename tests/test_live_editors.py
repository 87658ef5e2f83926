"""Motion-region and privacy-mask editors against the simulator over real HTTP."""

from __future__ import annotations

import io

import pytest
import requests
from conftest import TEST_PASSWORD
from PIL import Image
from PySide6.QtCore import QPoint, Qt

from gxvdesk.protocol.client import Camera
from gxvdesk.registry.modules.motiondetect import MD_GRID
from gxvdesk.ui.live import MotionRegionEditor, PrivacyMaskEditor
from gxvdesk.ui.live.canvas import SNAP_PIXELS
from gxvdesk.ui.live.view import BORDER

pytestmark = pytest.mark.gui

ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton


def camera_of(sim) -> Camera:
    return Camera(sim.url, user="admin", password=TEST_PASSWORD, timeout=5.0)


def packed(x: int, y: int) -> str:
    return str((x << 16) | y)


def set_region(sim, slot, box, sensitivity=50):
    sim.set_value("motiondetect", "md.regn.leftup", f"{box[0]},{box[1]}", slot=slot)
    sim.set_value("motiondetect", "md.regn.rightdown", f"{box[2]},{box[3]}", slot=slot)
    sim.set_value("motiondetect", "md.regn.sensitivity", sensitivity, slot=slot)


def device_region(sim, slot):
    """(leftup, rightdown, sensitivity) as the device stores them (wire text)."""
    names = ("md.regn.leftup", "md.regn.rightdown", "md.regn.sensitivity")
    return tuple(sim.value("motiondetect", n, slot=slot) for n in names)


def region_sets(sim) -> list[dict[str, str]]:
    """The motiondetect sets the camera received, as dicts of their parameters."""
    return [dict(r.params) for r in sim.requests if r.module == "motiondetect" and r.cmd == "set"]


@pytest.fixture
def open_editor(qtbot):
    editors = []

    def open_editor(editor, size=(1200, 640)):
        qtbot.addWidget(editor)
        editor.resize(*size)
        editor.show()
        qtbot.waitExposed(editor)
        editors.append(editor)
        # The first frame tells the picture's shape, hence the mapping.
        qtbot.waitUntil(lambda: editor.is_loaded and editor.canvas.frame is not None, timeout=20000)
        return editor

    yield open_editor
    for editor in editors:
        editor.hide()
        editor.shutdown(3.0)


def widget_point(canvas, dx: float, dy: float) -> QPoint:
    x, y = canvas.mapping.to_widget(dx, dy)
    return QPoint(round(x), round(y))


def drag(qtbot, canvas, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.mousePress(canvas, LEFT, modifier, start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    qtbot.mouseMove(canvas, middle)
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, LEFT, modifier, end)


def apply(qtbot, editor):
    with qtbot.waitSignal(editor.applied, timeout=20000):
        editor.apply()
    qtbot.waitUntil(lambda: not editor.busy, timeout=20000)  # the re-read after Apply


@pytest.mark.parametrize("size", [(1500, 450), (900, 800)], ids=["pillarbox", "letterbox"])
def test_drawn_region_lands_on_the_expected_device_coordinates(
    sim_camera, qtbot, open_editor, size
):
    sim = sim_camera()
    sim.set_value("audio_video", "video.primary.resolution", "1280x720")
    editor = open_editor(MotionRegionEditor(camera_of(sim), title="Gate"), size)
    canvas = editor.canvas
    m = canvas.mapping
    rx, ry, _, _ = m.image_rect
    assert canvas.picture_size == (1280, 720)  # the configured resolution
    if size == (1500, 450):
        assert rx > BORDER + 5 and ry == BORDER  # black bars left and right
    else:
        assert ry > BORDER + 5 and rx == BORDER  # black bars above and below
    target = (100, 120, 400, 330)
    start, end = widget_point(canvas, *target[:2]), widget_point(canvas, *target[2:])
    drag(qtbot, canvas, start, end)
    x1, y1 = m.device_point(start.x(), start.y())
    x2, y2 = m.device_point(end.x(), end.y())
    ux, uy = m.units_per_pixel
    for got, wanted, unit in zip((x1, y1, x2, y2), target, (ux, uy, ux, uy), strict=True):
        assert abs(got - wanted) <= unit / 2 + 0.5  # the pixel clicked is the one meant
    assert editor.regions.get(0).box == (x1, y1, x2, y2)
    assert editor.table.rowCount() == 1
    sim.clear_requests()
    apply(qtbot, editor)
    assert device_region(sim, 0)[:2] == (packed(x1, y1), packed(x2, y2))
    sets = region_sets(sim)
    assert len(sets) == 1  # exactly the changed region
    assert sets[0]["md.regn.index"] == "0"
    assert sets[0]["md.regn.leftup"] == packed(x1, y1)
    assert sets[0]["md.regn.rightdown"] == packed(x2, y2)
    # Read back over HTTP as any client would.
    body = requests.get(
        f"{sim.url}/goform/motiondetect?cmd=get", auth=("admin", TEST_PASSWORD), timeout=5
    ).text
    lines = body.splitlines()
    at = lines.index("md.regn.index=0")
    assert f"md.regn.leftup={packed(x1, y1)}" in lines[at : at + 4]
    assert f"md.regn.rightdown={packed(x2, y2)}" in lines[at : at + 4]


def test_move_resize_nudge_and_delete(sim_camera, qtbot, open_editor):
    sim = sim_camera()
    set_region(sim, 2, (200, 150, 400, 350), 70)
    set_region(sim, 5, (500, 50, 600, 120), 30)
    editor = open_editor(MotionRegionEditor(camera_of(sim)))
    canvas = editor.canvas
    m = canvas.mapping
    assert [r.slot for r in editor.regions] == [2, 5]
    assert not editor.apply_button.isEnabled()  # nothing changed yet

    # Move region 2 by dragging inside it.
    start = widget_point(canvas, 300, 250)
    end = start + QPoint(30, 20)
    drag(qtbot, canvas, start, end)
    dx = round(m.to_device(end.x(), end.y())[0] - m.to_device(start.x(), start.y())[0])
    dy = round(m.to_device(end.x(), end.y())[1] - m.to_device(start.x(), start.y())[1])
    moved = (200 + dx, 150 + dy, 400 + dx, 350 + dy)
    assert editor.regions.get(2).box == moved
    # Resize it by its bottom-right handle (the top-left corner stays).
    grab = widget_point(canvas, moved[2], moved[3])
    release = grab + QPoint(40, 25)
    drag(qtbot, canvas, grab, release)
    x1, y1, x2, y2 = editor.regions.get(2).box
    assert (x1, y1) == moved[:2]
    assert abs(x2 - m.to_device(release.x(), release.y())[0]) <= m.units_per_pixel[0] + 0.5
    assert abs(y2 - m.to_device(release.x(), release.y())[1]) <= m.units_per_pixel[1] + 0.5
    # Nudge with the arrow keys: 1 unit, 10 with Shift.
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    box = (x1 + 1, y1 + 10, x2 + 1, y2 + 10)
    assert editor.regions.get(2).box == box
    # Delete region 5: click it, press Delete.
    qtbot.mouseClick(canvas, LEFT, pos=widget_point(canvas, 550, 85))
    assert editor.regions.selected == 5
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert editor.regions.get(5) is None
    assert editor.apply_button.isEnabled()

    sim.clear_requests()
    apply(qtbot, editor)
    assert device_region(sim, 2) == (packed(*box[:2]), packed(*box[2:]), "70")
    assert device_region(sim, 5) == ("0", "0", "30")  # deleted: 0/0, sensitivity kept
    assert sorted(s["md.regn.index"] for s in region_sets(sim)) == ["2", "5"]
    assert [r.slot for r in editor.regions] == [2]  # re-read from the camera


def test_edges_snap_unless_alt_is_held(sim_camera, qtbot, open_editor):
    sim = sim_camera()
    set_region(sim, 0, (300, 100, 400, 200))
    editor = open_editor(MotionRegionEditor(camera_of(sim)))
    canvas = editor.canvas
    m = canvas.mapping
    near = SNAP_PIXELS / 2  # pixels: inside the snapping distance
    right, bottom = m.image_rect[0] + m.image_rect[2], m.image_rect[1] + m.image_rect[3]
    corner = QPoint(round(right - near), round(bottom - near))
    start = widget_point(canvas, 500, 300)
    drag(qtbot, canvas, start, corner)
    assert editor.regions.get(1).box[2:] == MD_GRID  # snapped to the picture's corner
    # With Alt held an edge near the border stays where the mouse is.
    low = QPoint(widget_point(canvas, 250, 0).x(), corner.y())
    drag(qtbot, canvas, widget_point(canvas, 60, 300), low, ALT)
    free = editor.regions.get(2).box
    assert free[2:] == m.device_point(low.x(), low.y())
    assert free[3] < MD_GRID[1]
    # Snapping to another region's edge: a left edge dropped 2 px right of region 0's.
    edge_x = m.to_widget(400, 0)[0]
    start = QPoint(round(edge_x + 2), widget_point(canvas, 0, 20).y())
    drag(qtbot, canvas, start, widget_point(canvas, 480, 80))
    assert editor.regions.get(3).box[0] == 400


def test_side_table_accepts_typed_values(sim_camera, qtbot, open_editor):
    sim = sim_camera()
    set_region(sim, 3, (10, 20, 110, 120), 50)
    editor = open_editor(MotionRegionEditor(camera_of(sim)))
    table = editor.table
    columns = table.columns
    table.item(0, columns.index("x2")).setData(Qt.ItemDataRole.EditRole, 250)
    table.item(0, columns.index("sensitivity")).setData(Qt.ItemDataRole.EditRole, 90)
    table.item(0, columns.index("y2")).setData(Qt.ItemDataRole.EditRole, 9999)
    assert editor.regions.get(3).box == (10, 20, 250, MD_GRID[1])  # clamped to the grid
    assert editor.regions.get(3).sensitivity == 90
    assert table.item(0, columns.index("y2")).data(Qt.ItemDataRole.EditRole) == MD_GRID[1]
    apply(qtbot, editor)
    assert device_region(sim, 3) == (packed(10, 20), packed(250, MD_GRID[1]), "90")


def test_no_more_than_sixteen_regions(sim_camera, qtbot, open_editor):
    sim = sim_camera()
    for slot in range(16):
        set_region(sim, slot, (slot * 40, 500, slot * 40 + 30, 560))
    editor = open_editor(MotionRegionEditor(camera_of(sim)))
    with qtbot.waitSignal(editor.canvas.message, timeout=5000) as message:
        drag(qtbot, editor.canvas, widget_point(editor.canvas, 100, 100),
             widget_point(editor.canvas, 300, 300))  # fmt: skip
    assert "16" in message.args[0]
    assert len(editor.regions) == 16


def test_motion_status_flashes_when_the_camera_sees_motion(sim_camera, qtbot, open_editor):
    sim = sim_camera()
    sim.set_value("motiondetect", "md.active.enable", "1")
    editor = open_editor(MotionRegionEditor(camera_of(sim)))
    assert editor.settings_form is not None  # the registry's motion settings, beside it
    assert editor.settings_form.editor("md.active.enable").wire() == "1"
    canvas = editor.canvas
    qtbot.wait(1200)
    assert not editor.motion  # no region yet: nothing can trigger
    # A full-frame region: drag from just inside one corner to the other (edges snap).
    m = canvas.mapping
    rx, ry, rw, rh = m.image_rect
    drag(qtbot, canvas, QPoint(rx + 2, ry + 2), QPoint(rx + rw - 2, ry + rh - 2))
    assert editor.regions.get(0).box == (0, 0, *MD_GRID)
    apply(qtbot, editor)
    qtbot.waitUntil(lambda: editor.motion and canvas.alert == "MOTION", timeout=10000)


def test_motion_settings_are_applied_with_the_regions(sim_camera, qtbot, open_editor):
    sim = sim_camera()
    editor = open_editor(MotionRegionEditor(camera_of(sim)))
    editor.settings_form.editor("md_retrigger_interval").spin.setValue(7)  # as if typed
    assert editor.apply_button.isEnabled()
    apply(qtbot, editor)
    assert sim.value("motiondetect", "md_retrigger_interval") == "7"


def test_motion_schedules_beside_the_editor(sim_camera, qtbot, open_editor):
    sim = sim_camera()
    editor = open_editor(MotionRegionEditor(camera_of(sim)))
    table = editor.schedule_table
    dialog = table.add_dialog()
    dialog.load(
        {
            "md.regn.index": "1",
            "md.regn.schedule.dayset": "3",
            "md.regn.schedule.starttime": "28800",
            "md.regn.schedule.endtime": "64800",
        }
    )
    dialog.accept()
    assert editor.apply_button.isEnabled()
    apply(qtbot, editor)
    (item,) = sim.items("motiondetect", "schedules")
    assert (item["md.regn.index"], item["md.regn.schedule.dayset"]) == ("1", "3")
    assert table.rows() and not table.is_dirty(), "read back after Apply"
    table.table.selectRow(0)
    table.remove_selected()
    apply(qtbot, editor)
    assert sim.items("motiondetect", "schedules") == []


def test_failures_are_shown_in_words(sim_camera, qtbot):
    sim = sim_camera()
    camera = Camera(sim.url, user="admin", password="wrong", timeout=5.0, retries=0)
    editor = MotionRegionEditor(camera)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.failed, timeout=15000) as failed:
        pass
    assert "wrong user name or password" in failed.args[0]
    assert "wrong user name or password" in editor.status.text()
    editor.shutdown(2.0)


def test_privacy_masks_round_trip_and_black_out_the_picture(sim_camera, qtbot, open_editor):
    sim = sim_camera()
    editor = open_editor(PrivacyMaskEditor(camera_of(sim), title="Yard"), (1200, 700))
    canvas = editor.canvas
    grid = editor.regions.grid
    drag(qtbot, canvas, widget_point(canvas, 300, 260), widget_point(canvas, 460, 400))
    drag(qtbot, canvas, widget_point(canvas, 520, 60), widget_point(canvas, 650, 160))
    a, b = editor.regions.get(0), editor.regions.get(1)
    assert a.enabled and b.enabled  # drawn masks are on
    table = editor.table
    b_on = table.item(table.row_of_slot(1), table.columns.index("on"))
    b_on.setCheckState(Qt.CheckState.Unchecked)
    assert not editor.regions.get(1).enabled
    apply(qtbot, editor)
    expected = f"1,{','.join(map(str, a.box))},0,{','.join(map(str, b.box))},0,0,0,0,0,0,0,0,0,0"
    assert sim.value("cmos", "privacymask") == expected
    assert [(r.slot, r.enabled) for r in editor.regions] == [(0, True), (1, False)]

    # The camera blacks out mask A (on) but not B (off): sample the snapshot.
    jpeg = requests.get(
        f"{sim.url}/snapshot/view0.jpg", auth=("admin", TEST_PASSWORD), timeout=5
    ).content
    picture = Image.open(io.BytesIO(jpeg)).convert("RGB")

    def pixel(image_size, x, y):
        w, h = image_size
        return round(x * w / grid[0]), round(y * h / grid[1])

    ax, ay = (a.box[0] + a.box[2]) / 2, (a.box[1] + a.box[3]) / 2
    bx, by = (b.box[0] + b.box[2]) / 2, (b.box[1] + b.box[3]) / 2
    assert sum(picture.getpixel(pixel(picture.size, ax, ay))) < 40
    assert sum(picture.getpixel(pixel(picture.size, bx, by))) > 100

    # ... and the live preview shows it too, once a frame after Apply has come in.
    def preview_black() -> bool:
        image = canvas.frame.image
        colour = image.pixelColor(*pixel((image.width(), image.height()), ax, ay))
        return colour.red() + colour.green() + colour.blue() < 40

    qtbot.waitUntil(preview_black, timeout=15000)


def test_privacy_mask_delete_writes_an_empty_mask(sim_camera, qtbot, open_editor):
    sim = sim_camera()
    sim.set_value("cmos", "privacymask", "1,10,10,100,100,0,0,0,0,0,1,200,200,300,300,0,0,0,0,0")
    editor = open_editor(PrivacyMaskEditor(camera_of(sim)))
    assert [r.slot for r in editor.regions] == [0, 2]
    editor.regions.select(0)
    editor.delete_selected()
    apply(qtbot, editor)
    assert sim.value("cmos", "privacymask") == "0,0,0,0,0,0,0,0,0,0,1,200,200,300,300,0,0,0,0,0"
