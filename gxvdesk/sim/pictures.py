"""What a camera's settings mean for its pictures: views, stream sizes, OSD, masks, motion."""

from __future__ import annotations

import time
from dataclasses import dataclass

from gxvdesk.registry.models import Model
from gxvdesk.registry.naming import name_key
from gxvdesk.registry.types import InvalidValueError, PrivacyMask

from . import scene
from .state import CameraState, ModuleState

MJPEG = "26"
SECONDARY_FALLBACK = (640, 360)


@dataclass(frozen=True)
class View:
    """One picture source: ``viewN.jpg`` / ``stream?channel=N``."""

    number: int
    channel: int
    stream: str  # "primary" or "secondary"


def view(model: Model, number: int) -> View | None:
    """The view a number names: 0-3 primary of inputs 1-4, 4-7 secondary (one input: 0, 4)."""
    channel, stream = number % 4, ("primary" if number < 4 else "secondary")
    if not 0 <= number < 8 or channel >= model.channels:
        return None
    return View(number, channel, stream)


def _values(state: CameraState, module: str, channel: int) -> dict[str, str]:
    """A module's values for ``channel`` keyed by name key (empty if the model lacks it)."""
    ms = state.modules.get(module)
    if ms is None:
        return {}
    block = ms.blocks[channel if channel < ms.channel_count else 0]
    return {name_key(k): v for k, v in block.values.items()}


def stream_setting(state: CameraState, v: View, what: str) -> str | None:
    """A stream's setting (``encoder``, ``resolution``, ``framerate``) as wire text."""
    return _values(state, "audio_video", v.channel).get(f"video{v.stream}{what}")


def stream_size(state: CameraState, v: View) -> tuple[int, int]:
    """The configured size of a stream (packed W<<16|H), with a fallback when unset."""
    packed = stream_setting(state, v, "resolution")
    if packed and packed.isdigit() and int(packed) >> 16 and int(packed) & 0xFFFF:
        return int(packed) >> 16, int(packed) & 0xFFFF
    return state.identity.model.max_resolution if v.stream == "primary" else SECONDARY_FALLBACK


def frame_rate(state: CameraState, v: View) -> float:
    rate = stream_setting(state, v, "framerate")
    return float(rate) if rate and rate.isdigit() and int(rate) > 0 else 25.0


def is_mjpeg(state: CameraState, v: View) -> bool:
    return stream_setting(state, v, "encoder") == MJPEG


def _masks(state: CameraState, channel: int) -> tuple[scene.Box, ...]:
    ms = state.modules.get("cmos")
    if ms is None:
        return ()
    for p in ms.stored_params():
        if p.key == "privacymask" and isinstance(p.type, PrivacyMask):
            block = ms.blocks[channel if channel < ms.channel_count else 0]
            try:
                regions = p.type.parse(block.values.get(p.name, ""))
            except InvalidValueError:
                return ()
            return tuple((r.x1, r.y1, r.x2, r.y2) for r in regions if r.enabled)
    return ()


def frame_spec(state: CameraState, v: View, t: float, ptz: tuple[float, float, float] | None,
               prerendered: bool = False) -> scene.FrameSpec:  # fmt: skip
    """Describe the frame of view ``v`` at scene time ``t``."""
    width, height = scene.fit(*stream_size(state, v))
    osd = _values(state, "osd", v.channel)
    lines: list[str] = []
    if osd.get("osdtimeshow") == "1" and not prerendered:
        lines.append(time.strftime("%Y-%m-%d %H:%M:%S"))
    if osd.get("osdtextshow") == "1" and osd.get("osdtext"):
        lines.append(osd["osdtext"])
    top = osd.get("osdposition", "0") != "1"
    name = _values(state, "systeminfo", 0).get("devicename") or state.identity.devicename
    readout, shift = "", 0
    if ptz is not None:
        pan, tilt, zoom = ptz
        readout = f"PAN {pan:5.1f}  TILT {tilt:5.1f}  ZOOM {zoom:4.1f}x"
        shift = int(pan / 360.0 * width)
    phase = scene.phase_at(t)
    if prerendered:
        phase -= phase % 4  # 50 distinct frames per cycle, each shown four times at 25 fps
    return scene.FrameSpec(
        width, height, phase,
        top=tuple(lines) if top else (), bottom=() if top else tuple(lines),
        masks=_masks(state, v.channel), ptz=readout, pan_shift=shift,
        label=f"{name} - view{v.number}",
    )  # fmt: skip


def _region_boxes(ms: ModuleState, channel: int) -> list[scene.Box]:
    """Enabled motion regions (non-empty leftup/rightdown rectangles) of one channel."""
    boxes = []
    block = ms.blocks[channel if channel < ms.channel_count else 0]
    for record in ms.slot_records():
        fields = {p.key: p.name for p in ms.record_params[record.name]}
        lu = next((n for k, n in fields.items() if k.endswith("leftup")), None)
        rd = next((n for k, n in fields.items() if k.endswith("rightdown")), None)
        if lu is None or rd is None:
            continue
        for slot in block.slots[record.name]:
            a, b = int(slot.get(lu) or 0), int(slot.get(rd) or 0)
            x1, y1, x2, y2 = a >> 16, a & 0xFFFF, b >> 16, b & 0xFFFF
            if x2 > x1 and y2 > y1:
                boxes.append((x1, y1, x2, y2))
    return boxes


def motion_active(state: CameraState, channel: int, t: float) -> bool:
    """Whether the moving object is inside an enabled region with motion detection on."""
    ms = state.modules.get("motiondetect")
    if ms is None:
        return False
    with state.lock:
        enabled = _values(state, "motiondetect", channel).get("mdactiveenable") == "1"
        boxes = _region_boxes(ms, channel) if enabled else []
    ox1, oy1, ox2, oy2 = scene.object_box(t)
    return any(ox1 < x2 and x1 < ox2 and oy1 < y2 and y1 < oy2 for x1, y1, x2, y2 in boxes)
