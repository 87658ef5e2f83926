"""29. Time Lapse Photography (document p.60): ``/goform/periodic_snapshot``, set/get."""

from ..spec import Module, Param
from ..types import IntRange, Switch

MODULE = Module(
    name="periodic_snapshot",
    title="Time-lapse snapshots",
    page=60,
    group="Video & audio",
    verbs=frozenset({"get", "set"}),
    params=(
        Param("periodic_snapshot_enable", Switch(), "Time-lapse snapshots", confidence="H"),
        # The example's "periodic_snapshot_interva" is the OCR cutting the name short.
        Param("periodic_snapshot_interval", IntRange(1, unit="min"), "Interval",
              "Minutes between snapshots.", confidence="H"),
        Param("periodic_snapshot_uploadsd", Switch(), "Save to SD card"),
        Param("periodic_snapshot_uploadftp", Switch(), "Upload to FTP"),
        Param("periodic_snapshot_uploademail", Switch(), "Send by e-mail"),
    ),
)  # fmt: skip
