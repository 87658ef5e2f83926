"""23. Decode Settings (document p.52): ``/goform/decode``, set/get; GXV3500 (decoder) only.

The 8 patrol decode devices are ``<field>[i]``, i = 0..7 (the OCR shows "host iJ", read as
``host[i]``). The index syntax is not settled, so each also matches ``<field><i>`` and
``<field>_<i>`` (see docs/protocol-notes.md). They are kept as flat parameters rather than
a record: the document gives no index parameter to address a slot by.
"""

from ..spec import Module, Param
from ..types import IntRange, Secret, Switch, Text, choice, switch

PATROL_SLOTS = 8


def _patrol(i: int) -> tuple[Param, ...]:
    n = f"Patrol {i + 1}"
    fields = (
        ("channel", IntRange(0, 4), "video channel"),
        ("port", IntRange(1, 65535), "port"),
        ("time", IntRange(0), "time"),
        ("host", Text(), "host"),
        ("user", Text(), "user name"),
        ("password", Secret(), "password"),
        ("description", Text(), "description"),
    )
    return tuple(
        Param(f"{field}[{i}]", kind, f"{n}: {what}", spellings=(f"{field}{i}",), confidence="L")
        for field, kind, what in fields
    )  # fmt: skip


MODULE = Module(
    name="decode",
    title="Decoder",
    page=52,
    group="Video & audio",
    verbs=frozenset({"get", "set"}),
    models=("GXV3500",),
    params=(
        Param("decode_source", choice("RTSP", "SIP phone"), "Decode source", confidence="H"),
        Param("default_decode", IntRange(0, 7), "Default decode channel", confidence="L"),
        Param("enable_patrol", Switch(), "Patrol", confidence="H"),
        # "ouput" as printed; the corrected spelling matches too.
        Param("video_ouput_type", choice("Auto / NTSC", "Auto / PAL", "NTSC", "PAL"),
              "Video output", spellings=("video_output_type",), confidence="L"),
        Param("start_patrol", switch("Stop", "Start"), "Run patrol", backup=False,
              confidence="H"),
        *(p for i in range(PATROL_SLOTS) for p in _patrol(i)),
    ),
    notes="The URL template prints 'gofrom' (a typo). The example 'cmd=set&channel=1' is read "
    "as a damaged channel[i] setting, not as a separate parameter.",
)  # fmt: skip
