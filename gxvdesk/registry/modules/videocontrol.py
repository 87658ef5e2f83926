"""17. Contrast, Saturation, Brightness and Chroma (document p.44-45): ``/goform/videocontrol``,
set/get.

Brightness, contrast and saturation must be set together, or the omitted ones become 0, so
each names the other two as companions. Ranges are per model; the document's columns are
misaligned, and the reading below is research §4.17.
"""

from ..spec import Module, Param
from ..types import IntRange, choices

#: Families the document gives 0-255 besides GXV3504.
FULL_RANGE = ("GXV3651", "GXV3662", "GXV3500", "GXV3610", "GXV3672", "GXV3674", "GXV3611IR")
PICTURE = ("brightness", "contrast", "saturation")


def _picture(name: str, label: str, gxv3615: int, gxv3601: int) -> Param:
    return Param(
        name, IntRange(0, 255), label,
        f"0-255 on GXV3504 and HD models; 0-{gxv3615} on GXV3615/3615W; "
        f"0-{gxv3601} on GXV3601HD/3611HD. Set with the other two.",
        model_types=(
            ("GXV3504", IntRange(0, 255)),
            ("GXV3615", IntRange(0, gxv3615)),
            # GXV3615WP_HD is not named in this section; it shares the GXV3615 prefix, so it
            # gets the widest range rather than the GXV3615W's.
            ("GXV3615WP", IntRange(0, 255)),
            ("GXV3601", IntRange(0, gxv3601)),
            ("GXV3611_HD", IntRange(0, gxv3601)),
            *((f, IntRange(0, 255)) for f in FULL_RANGE),
        ),
        companions=tuple(p for p in PICTURE if p != name),
    )  # fmt: skip


MODULE = Module(
    name="videocontrol",
    title="Picture (brightness, contrast, saturation)",
    page=44,
    group="Image",
    verbs=frozenset({"get", "set"}),
    channel_key="channel",
    params=(
        _picture("brightness", "Brightness", 60, 5),
        _picture("contrast", "Contrast", 7, 3),
        _picture("saturation", "Saturation", 63, 8),
        # Printed "Default"; a one-shot restore, but with two values, so not a Trigger.
        Param("default", choices({3: "Restore defaults", 4: "Restore colour-enhancement defaults"}),
              "Restore picture defaults", models=("GXV3601", "GXV3611_HD"), backup=False),
    ),
    notes="Colour (chroma) is not available on some models.",
)  # fmt: skip
