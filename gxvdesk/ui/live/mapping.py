"""Widget pixels <-> device coordinates, with the picture letterboxed in the widget.

The picture keeps its own aspect inside the widget (black bars left/right or top/bottom), and
the device grid (704x576 for motion regions and privacy masks) is stretched over the picture,
whatever the picture's own size. One :class:`ViewMapping` answers both directions.

>>> m = ViewMapping.fit((0, 0, 800, 600), (1280, 720), (704, 576))
>>> m.image_rect
(0, 75, 800, 450)
>>> m.to_device(400, 300)
(352.0, 288.0)
>>> m.to_widget(352, 288)
(400.0, 300.0)
"""

from __future__ import annotations

from dataclasses import dataclass

Size = tuple[int, int]
Rect = tuple[int, int, int, int]  # x, y, width, height


@dataclass(frozen=True)
class ViewMapping:
    """Where the picture sits in the widget (``image_rect``) and the grid laid over it."""

    image_rect: Rect
    grid: Size

    @classmethod
    def fit(cls, area: Rect, picture: Size, grid: Size) -> ViewMapping:
        """Letterbox a ``picture``-shaped image in ``area``, centred, whole pixels.

        The rectangle is rounded to whole pixels so the decoded frame is blitted 1:1; every
        conversion uses this same rectangle, so rounding never skews the mapping.
        """
        ax, ay, aw, ah = area
        pw, ph = max(1, picture[0]), max(1, picture[1])
        aw, ah = max(1, aw), max(1, ah)
        scale = min(aw / pw, ah / ph)
        w = max(1, min(aw, round(pw * scale)))
        h = max(1, min(ah, round(ph * scale)))
        return cls((ax + (aw - w) // 2, ay + (ah - h) // 2, w, h), grid)

    @property
    def units_per_pixel(self) -> tuple[float, float]:
        """Device units covered by one widget pixel (x, y)."""
        return self.grid[0] / self.image_rect[2], self.grid[1] / self.image_rect[3]

    def to_device(self, x: float, y: float) -> tuple[float, float]:
        """A widget point in device units (not clamped; may lie outside the grid)."""
        rx, ry, rw, rh = self.image_rect
        return (x - rx) * self.grid[0] / rw, (y - ry) * self.grid[1] / rh

    def to_widget(self, dx: float, dy: float) -> tuple[float, float]:
        """A device point in widget pixels."""
        rx, ry, rw, rh = self.image_rect
        return rx + dx * rw / self.grid[0], ry + dy * rh / self.grid[1]

    def device_point(self, x: float, y: float) -> tuple[int, int]:
        """The nearest whole device point to a widget point, clamped inside the grid."""
        dx, dy = self.to_device(x, y)
        return clamp(round(dx), 0, self.grid[0]), clamp(round(dy), 0, self.grid[1])

    def widget_rect(self, x1: float, y1: float, x2: float, y2: float) -> tuple[float, ...]:
        """A device rectangle (corners) as widget ``(left, top, width, height)``."""
        left, top = self.to_widget(x1, y1)
        right, bottom = self.to_widget(x2, y2)
        return left, top, right - left, bottom - top

    def contains(self, x: float, y: float) -> bool:
        """Whether a widget point lies on the picture (not on the black bars)."""
        rx, ry, rw, rh = self.image_rect
        return rx <= x <= rx + rw and ry <= y <= ry + rh


def clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))
