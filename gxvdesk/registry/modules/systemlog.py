"""14. System Log (document p.41): ``/goform/systemlog``, set/get; changes need a reboot."""

from ..spec import Module, Param
from ..types import Text, choice

MODULE = Module(
    name="systemlog",
    title="System log",
    page=41,
    group="System",
    verbs=frozenset({"get", "set"}),
    needs_reboot=True,
    params=(
        Param("logserver", Text(max_bytes=127), "Syslog server", confidence="H"),
        Param("loglevel", choice("None", "Debug", "Info", "Warning", "Error"), "Syslog level",
              confidence="H"),
    ),
)  # fmt: skip
