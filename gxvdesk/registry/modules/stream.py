"""24. Stream Acquiring, MJPEG only (document p.53): ``/goform/stream``, get.

``channel`` here picks the stream (0 primary, 4 secondary; GXV3504 input n is n and n+4),
so it is a parameter, not the module's channel key. Works only when that stream's codec is
MJPEG (``video.<stream>.encoder=26``).
"""

from ..spec import Module, Param
from ..types import IntRange

MODULE = Module(
    name="stream",
    title="MJPEG stream",
    page=53,
    group="Video & audio",
    verbs=frozenset({"get"}),
    params=(
        Param("channel", IntRange(0, 7), "Stream",
              "0 primary, 4 secondary; GXV3504: input n primary n, secondary n+4.", default=0,
              confidence="C"),
    ),
    notes="The URL template prints 'gofrom' (a typo).",
)  # fmt: skip
