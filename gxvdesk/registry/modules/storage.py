"""15. Live Storage (document p.42): ``/goform/storage``, get/remove/format; models with storage.

A GET lists the storage devices (``storage.index``) and the saved files (``file.index``).
Files are downloaded from ``http://<host>:<port>/<file.name>``.
"""

from ..spec import Module, Param, Record
from ..types import IntRange, Text, choices

DEVICE = choices({1: "USB", 101: "SD card", 201: "Disk"})

DEVICES = Record(
    name="devices",
    label="Storage devices",
    key="storage.index",
    count="storage.count",
    kind="slots",
    max_items=3,
    params=(
        # The remove example prints "storage index 1 01": read as 101 (SD card).
        Param("storage.index", DEVICE, "Storage device"),
        Param("storage.capacity", Text(), "Capacity", read_only=True),
        Param("storage.usedspace", Text(), "Used (MB)", read_only=True),
        Param("storage.freespace", Text(), "Free (MB)", read_only=True),
    ),
)  # fmt: skip

FILES = Record(
    name="files",
    label="Saved files",
    key="file.index",
    count="file.count",
    remove_key="file.name",
    kind="list",
    params=(
        Param("file.index", IntRange(1), "File"),
        Param("file.size", Text(), "Size (MB)", read_only=True),
        # Not read-only: it is the key sent with cmd=remove (inferred from the document).
        Param("file.name", Text(), "File name",
              "Path on the device; JPEG ip_channel_date_time.jpg, "
              "AVI channel_recordtype_date_time_filelength_endmark.avi."),
    ),
)  # fmt: skip

MODULE = Module(
    name="storage",
    title="Storage",
    page=42,
    group="System",
    verbs=frozenset({"get", "remove", "format"}),
    params=(
        Param("storage.count", IntRange(0), "Storage devices", read_only=True),
        Param("file.count", IntRange(0), "Saved files", read_only=True),
        Param("storage.type", choices({1: "USB flash", 2: "SD card", 3: "USB disk (reserved)"}),
              "Device to format", "Sent with cmd=format.", backup=False, confidence="L"),
    ),
    records=(DEVICES, FILES),
)  # fmt: skip
