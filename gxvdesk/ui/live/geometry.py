"""Rectangle editing in device units: clamping, moving, resizing by handles, snapping.

Pure functions on ``(x1, y1, x2, y2)`` boxes, shared by the motion-region and privacy-mask
editors. ``grid`` is the device's coordinate space (from the registry).

>>> resize_box((10, 10, 100, 100), "se", 150, 90, (704, 576))
(10, 10, 150, 90)
>>> snap(698, [0, 704], 8)
704
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Box = tuple[int, int, int, int]
Size = tuple[int, int]

#: The eight resize handles, named by compass direction.
HANDLES = ("nw", "n", "ne", "e", "se", "s", "sw", "w")
#: The smallest region side in device units (the device refuses empty rectangles).
MIN_SIZE = 2


def normalise(x1: int, y1: int, x2: int, y2: int) -> Box:
    """Corners in order: left < right, top < bottom."""
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def clamp_box(box: Box, grid: Size) -> Box:
    """A box moved and cut to lie inside the grid, at least ``MIN_SIZE`` on each side."""
    x1, y1, x2, y2 = normalise(*box)
    gw, gh = grid
    x1, x2 = max(0, min(x1, gw - MIN_SIZE)), max(0, min(x2, gw))
    y1, y2 = max(0, min(y1, gh - MIN_SIZE)), max(0, min(y2, gh))
    if x2 - x1 < MIN_SIZE:
        x2 = x1 + MIN_SIZE
    if y2 - y1 < MIN_SIZE:
        y2 = y1 + MIN_SIZE
    return x1, y1, x2, y2


def move_box(box: Box, dx: int, dy: int, grid: Size) -> Box:
    """The box shifted by ``dx, dy``, kept whole inside the grid (its size never changes)."""
    x1, y1, x2, y2 = box
    w, h = x2 - x1, y2 - y1
    nx = max(0, min(x1 + dx, grid[0] - w))
    ny = max(0, min(y1 + dy, grid[1] - h))
    return nx, ny, nx + w, ny + h


def resize_box(box: Box, handle: str, x: int, y: int, grid: Size) -> Box:
    """The box with the edges of ``handle`` moved to ``x``/``y`` (clamped, normalised)."""
    x1, y1, x2, y2 = box
    x = max(0, min(x, grid[0]))
    y = max(0, min(y, grid[1]))
    if "w" in handle:
        x1 = x
    if "e" in handle:
        x2 = x
    if "n" in handle:
        y1 = y
    if "s" in handle:
        y2 = y
    return clamp_box(normalise(x1, y1, x2, y2), grid)


def handle_points(box: Box) -> dict[str, tuple[float, float]]:
    """Where each handle sits, in device units."""
    x1, y1, x2, y2 = box
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    return {
        "nw": (x1, y1), "n": (cx, y1), "ne": (x2, y1), "e": (x2, cy),
        "se": (x2, y2), "s": (cx, y2), "sw": (x1, y2), "w": (x1, cy),
    }  # fmt: skip


def snap(value: int, targets: Iterable[int], tolerance: float) -> int:
    """The nearest target within ``tolerance`` of ``value``, else ``value`` itself."""
    best, best_distance = value, tolerance
    for target in targets:
        distance = abs(target - value)
        if distance <= best_distance:
            best, best_distance = target, distance
    return best


def snap_shift(edges: Sequence[int], shift: int, targets: Sequence[int], tolerance: float) -> int:
    """Adjust a move ``shift`` so that the nearest of ``edges`` lands on a target, if close."""
    best, best_distance = shift, tolerance + 1
    for edge in edges:
        moved = edge + shift
        snapped = snap(moved, targets, tolerance)
        if snapped != moved and abs(snapped - moved) < best_distance:
            best, best_distance = shift + snapped - moved, abs(snapped - moved)
    return best


def snap_targets(grid: Size, others: Iterable[Box]) -> tuple[list[int], list[int]]:
    """Snap lines: the grid border and the edges of the other boxes (x lines, y lines)."""
    xs, ys = [0, grid[0]], [0, grid[1]]
    for x1, y1, x2, y2 in others:
        xs += [x1, x2]
        ys += [y1, y2]
    return xs, ys
