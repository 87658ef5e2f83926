"""21. Snapshot (document p.50): ``/snapshot/viewN.jpg``, a plain GET, not goform.

No parameters: the view is part of the path. ``view0.jpg`` is the primary stream and
``view4.jpg`` the secondary; on GXV3504, ``view0``-``view3`` are inputs 1-4 primary and
``view4``-``view7`` the same inputs secondary.
"""

from ..spec import Module

MODULE = Module(
    name="snapshot",
    title="Snapshot",
    page=50,
    group="Video & audio",
    verbs=frozenset({"get"}),
    path="/snapshot",
    notes="GET /snapshot/view<N>.jpg: 0 primary, 4 secondary; GXV3504 0-3 primary and 4-7 "
    "secondary of inputs 1-4.",
)
