"""20. PPPoE Settings (document p.49): ``/goform/pppoe``, set/get.

The document's example sends ``alarmout.type=1`` (copied from the device section).
"""

from ..spec import Module, Param
from ..types import IPv4, Secret, Text, switch

MODULE = Module(
    name="pppoe",
    title="PPPoE",
    page=49,
    group="Network",
    verbs=frozenset({"get", "set"}),
    params=(
        Param("pppoe.user", Text(), "PPPoE user name"),
        # Printed as a bare "password" in the table; both spellings match.
        Param("pppoe.password", Secret(), "PPPoE password", "Not returned by a get.",
              spellings=("password",), confidence="L"),
        Param("pppoe.status", switch("Disconnected", "Connected"), "PPPoE status",
              read_only=True),
        Param("pppoe.ip", IPv4(allow_empty=True), "PPPoE IP address", read_only=True),
    ),
)  # fmt: skip
