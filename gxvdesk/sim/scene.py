"""The simulated picture: a gradient, a bright object crossing it every 8 s, OSD, masks.

Frames are described by a hashable :class:`FrameSpec` and encoded once per spec (an LRU
cache), so several viewers of one camera, and pre-rendered benchmark streams, share frames.
Positions of the object and of privacy masks live in the 704x576 grid that motion regions
and masks use on the wire, scaled to the picture.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFont

GRID = (704, 576)
CYCLE_SECONDS = 8.0
OBJECT_RADIUS = 40
MAX_RENDER = (1920, 1080)  # the largest resolution the document lists
PHASES = 200  # object positions per cycle: one per frame at 25 fps
JPEG_QUALITY = 80

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class FrameSpec:
    """Everything that decides what one frame looks like."""

    width: int
    height: int
    phase: int
    top: tuple[str, ...] = ()
    bottom: tuple[str, ...] = ()
    masks: tuple[Box, ...] = ()
    ptz: str = ""
    pan_shift: int = 0
    label: str = ""


def phase_at(t: float, phases: int = PHASES) -> int:
    return int((t % CYCLE_SECONDS) / CYCLE_SECONDS * phases) % phases


def object_center(phase: float, phases: int = PHASES) -> tuple[float, float]:
    """Centre of the moving object in the 704x576 grid: left to right, gently bobbing."""
    f = phase / phases
    w, h = GRID
    return f * w, h / 2 + 0.2 * h * math.sin(2 * math.pi * f)


def object_box(t: float) -> Box:
    """The object's bounding box in the 704x576 grid at time ``t`` (seconds)."""
    x, y = object_center((t % CYCLE_SECONDS) / CYCLE_SECONDS * PHASES)
    r = OBJECT_RADIUS
    return int(x - r), int(y - r), int(x + r), int(y + r)


def fit(width: int, height: int, limit: tuple[int, int] = MAX_RENDER) -> tuple[int, int]:
    """The render size for a stream size: the same shape, at most ``limit``."""
    width, height = max(16, width), max(16, height)
    scale = min(1.0, limit[0] / width, limit[1] / height)
    return max(16, round(width * scale)), max(16, round(height * scale))


@lru_cache(maxsize=16)
def _background(width: int, height: int) -> Image.Image:
    ramp = Image.linear_gradient("L")
    red = ramp.rotate(90).resize((width, height))
    green = ramp.resize((width, height))
    blue = Image.new("L", (width, height), 96)
    img = Image.merge("RGB", (red, green, blue))
    draw = ImageDraw.Draw(img)
    step = max(8, width // 16)
    for x in range(0, width, step):
        draw.line((x, 0, x, height), fill=(40, 40, 60))
    for y in range(0, height, step):
        draw.line((0, y, width, y), fill=(40, 40, 60))
    return img


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _text_block(draw: ImageDraw.ImageDraw, lines: tuple[str, ...], top: bool, spec: FrameSpec,
                font: ImageFont.FreeTypeFont | ImageFont.ImageFont, size: int) -> None:  # fmt: skip
    pad = size // 2
    y = pad if top else spec.height - pad - len(lines) * (size + 4)
    for line in lines:
        draw.text((pad + 1, y + 1), line, font=font, fill=(0, 0, 0))
        draw.text((pad, y), line, font=font, fill=(255, 255, 255))
        y += size + 4


def encode(spec: FrameSpec) -> bytes:
    """The JPEG bytes of one frame (uncached; see :func:`render`)."""
    w, h = spec.width, spec.height
    img = _background(w, h)
    img = ImageChops.offset(img, spec.pan_shift, 0) if spec.pan_shift else img.copy()
    draw = ImageDraw.Draw(img)
    sx, sy = w / GRID[0], h / GRID[1]
    cx, cy = object_center(spec.phase)
    r = OBJECT_RADIUS
    draw.ellipse(((cx - r) * sx, (cy - r) * sy, (cx + r) * sx, (cy + r) * sy),
                 fill=(255, 250, 210), outline=(255, 140, 0), width=max(1, w // 200))  # fmt: skip
    for x1, y1, x2, y2 in spec.masks:
        draw.rectangle((x1 * sx, y1 * sy, x2 * sx, y2 * sy), fill=(0, 0, 0))
    size = max(10, h // 24)
    font = _font(size)
    _text_block(draw, spec.top, True, spec, font, size)
    _text_block(draw, spec.bottom, False, spec, font, size)
    small = _font(max(9, size * 3 // 4))
    if spec.label:
        box = draw.textbbox((0, 0), spec.label, font=small)
        at = (w - box[2] - size // 2, h - box[3] - size // 2)
        draw.text((at[0] + 1, at[1] + 1), spec.label, font=small, fill=(0, 0, 0))
        draw.text(at, spec.label, font=small, fill=(220, 220, 255))
    if spec.ptz:
        box = draw.textbbox((0, 0), spec.ptz, font=small)
        draw.text((w - box[2] - size // 2, size // 2), spec.ptz, font=small, fill=(255, 255, 0))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=JPEG_QUALITY)
    return out.getvalue()


#: :func:`encode` with a shared cache, for several viewers of the same picture.
render = lru_cache(maxsize=64)(encode)
