"""Live view without a device: the widget<->device mapping, rectangle edits, the mailbox."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gxvdesk.registry.modules.motiondetect import MD_GRID
from gxvdesk.ui.live.geometry import (
    MIN_SIZE,
    clamp_box,
    move_box,
    resize_box,
    snap,
    snap_shift,
    snap_targets,
)
from gxvdesk.ui.live.mapping import ViewMapping


@pytest.mark.parametrize(
    ("area", "picture", "rect"),
    [
        ((0, 0, 800, 600), (1280, 720), (0, 75, 800, 450)),  # bars above and below
        ((0, 0, 500, 700), (1280, 720), (0, 209, 500, 281)),  # 281.25 rounds to 281
        ((3, 3, 1000, 400), (1280, 720), (147, 3, 711, 400)),  # bars left and right
        ((0, 0, 704, 576), (704, 576), (0, 0, 704, 576)),
    ],
)
def test_letterbox_rectangle(area, picture, rect):
    assert ViewMapping.fit(area, picture, MD_GRID).image_rect == rect


def test_grid_is_stretched_over_the_picture_whatever_its_shape():
    m = ViewMapping.fit((0, 0, 800, 600), (1280, 720), MD_GRID)
    assert m.to_device(0, 75) == (0.0, 0.0)
    assert m.to_device(800, 525) == (704.0, 576.0)
    assert m.device_point(400, 300) == (352, 288)
    assert m.device_point(-50, 1000) == (0, 576)  # clamped into the grid
    assert not m.contains(400, 10)  # on the black bar


sizes = st.integers(min_value=40, max_value=2400)


@given(w=sizes, h=sizes, pw=sizes, ph=sizes, fx=st.floats(0, 1), fy=st.floats(0, 1))
def test_widget_to_device_and_back_lands_within_half_a_device_unit(w, h, pw, ph, fx, fy):
    m = ViewMapping.fit((3, 3, w, h), (pw, ph), MD_GRID)
    rx, ry, rw, rh = m.image_rect
    x, y = round(rx + fx * rw), round(ry + fy * rh)  # a whole widget pixel on the picture
    exact = m.to_device(x, y)
    device = m.device_point(x, y)
    back = m.to_device(*m.to_widget(*device))
    assert abs(back[0] - exact[0]) <= 0.5 + 1e-9
    assert abs(back[1] - exact[1]) <= 0.5 + 1e-9
    assert m.to_widget(*exact) == pytest.approx((x, y), abs=1e-9)


@given(w=sizes, h=sizes, dx=st.integers(0, MD_GRID[0]), dy=st.integers(0, MD_GRID[1]))
def test_device_points_survive_a_trip_through_the_widget(w, h, dx, dy):
    m = ViewMapping.fit((0, 0, w, h), (1920, 1080), MD_GRID)
    assert m.device_point(*m.to_widget(dx, dy)) == (dx, dy)


def test_boxes_are_clamped_inside_the_grid():
    assert clamp_box((-20, 500, 800, 600), MD_GRID) == (0, 500, 704, 576)
    assert clamp_box((300, 200, 100, 50), MD_GRID) == (100, 50, 300, 200)
    x1, y1, x2, y2 = clamp_box((704, 576, 704, 576), MD_GRID)
    assert (x2 - x1, y2 - y1) == (MIN_SIZE, MIN_SIZE) and x2 <= 704 and y2 <= 576


def test_moving_keeps_the_size_and_stops_at_the_border():
    assert move_box((10, 10, 110, 60), 5, -3, MD_GRID) == (15, 7, 115, 57)
    assert move_box((10, 10, 110, 60), -50, 1000, MD_GRID) == (0, 526, 100, 576)


@pytest.mark.parametrize(
    ("handle", "point", "box"),
    [
        ("nw", (20, 30), (20, 30, 200, 150)),
        ("n", (999, 30), (100, 30, 200, 150)),
        ("e", (250, 0), (100, 100, 250, 150)),
        ("se", (250, 170), (100, 100, 250, 170)),
        ("w", (300, 0), (200, 100, 300, 150)),  # dragged past the other edge: flipped
        ("s", (0, 900), (100, 100, 200, 576)),  # clamped
    ],
)
def test_resizing_by_each_handle(handle, point, box):
    assert resize_box((100, 100, 200, 150), handle, *point, MD_GRID) == box


def test_snapping_to_border_and_other_edges():
    xs, ys = snap_targets(MD_GRID, [(100, 50, 300, 200)])
    assert snap(697, xs, 8) == 704
    assert snap(305, xs, 8) == 300
    assert snap(320, xs, 8) == 320
    assert snap(4, ys, 8) == 0
    # A move snaps whichever edge is closer: the right edge 2 units from x=300.
    assert snap_shift((150, 298), 0, xs, 8) == 2
