"""26. 4xD1 Settings (document p.57): ``/goform/fourdone``, set/get; GXV3504 only.

The page gives no "Support cmd" line; its example uses get and ``enable`` is a setting.
"""

from ..spec import Module, Param
from ..types import Switch, choice, choices

OPTIONS = choices({
    1: "H.264 4x704x480 2048 kbps 15 fps",
    2: "H.264 4x704x480 1536 kbps 19 fps",
    3: "H.264 4x704x480 1536 kbps 15 fps + 4xQCIF 128 kbps 10 fps",
    4: "H.264 4x704x576 2048 kbps 13 fps",
    5: "H.264 4x704x576 1536 kbps 16 fps",
    6: "H.264 4x704x576 1536 kbps 10 fps + 4xQCIF 128 kbps 10 fps",
    7: "MJPEG 4x704x480 4096 kbps 15 fps",
    8: "MJPEG 4x704x576 4096 kbps 13 fps",
})  # fmt: skip

MODULE = Module(
    name="fourdone",
    title="4xD1 mode",
    page=57,
    group="Video & audio",
    verbs=frozenset({"get", "set"}),
    models=("GXV3504",),
    params=(
        Param("enable", Switch(), "4xD1 mode", confidence="H"),
        Param("ntscpal.type", choice("PAL", "NTSC"), "Video format", read_only=True),
        # Printed "ptions": the OCR lost the first letter.
        Param("options", OPTIONS, "4xD1 profile",
              "1-3 and 7 are NTSC (704x480), 4-6 and 8 PAL (704x576).", confidence="L"),
    ),
    notes="The URL template prints 'gofrom' (a typo).",
)  # fmt: skip
