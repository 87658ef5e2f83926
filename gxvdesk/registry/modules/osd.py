"""2. OSD Settings (document p.16): ``/goform/osd``, set/get."""

from ..spec import Module, Param
from ..types import Colour, IntRange, Text, choice, choices, switch

#: "GXV3601HD/3611HD/3501/3504/3615/3615W only" (opacity); colour omits the GXV3501.
#: GXV3615W is a prefix of GXV3615WP_HD, so the WP model is offered these too.
OPACITY_MODELS = ("GXV3601", "GXV3611_HD", "GXV3501", "GXV3504", "GXV3615W")
COLOUR_MODELS = ("GXV3601", "GXV3611_HD", "GXV3504", "GXV3615W")
OPACITY = choices({0: "0 %", **{n: f"{n} %" for n in range(10, 101, 10)}})
COLOURS = Colour((
    (0xFFFFFE, "Auto"), (0xFFFFFF, "White"), (0xFF0000, "Red"), (0x800080, "Purple"),
    (0xFF6100, "Orange"), (0x0000FF, "Blue"), (0xFFFF00, "Yellow"), (0x008000, "Green"),
    (0x00FFFF, "Cyan"), (0x000000, "Black"),
))  # fmt: skip

MODULE = Module(
    name="osd",
    title="On-screen display",
    page=16,
    group="Image",
    verbs=frozenset({"get", "set"}),
    channel_key="channel",
    params=(
        Param("osdposition", choice("Top", "Bottom"), "Time position",
              "Where the time OSD is drawn.", confidence="H"),
        Param("osdtimeshow", switch("Hide", "Show"), "Show time", confidence="H"),
        Param("osdtextshow", switch("Hide", "Show"), "Show text", confidence="H"),
        Param("osdopacity", OPACITY, "OSD opacity", "0 or 10 to 100 in steps of 10.",
              models=OPACITY_MODELS, confidence="H"),
        Param("osdcolor", COLOURS, "OSD colour", "Sent as 0xRRGGBB; 0xFFFFFE is automatic.",
              models=COLOUR_MODELS, confidence="H"),
        Param("osdtext", Text(max_bytes=63), "OSD text", confidence="H"),
        Param("osdtextindex", IntRange(0), "OSD text index", "Reserved; not used by the device.",
              confidence="H"),
    ),
)  # fmt: skip
