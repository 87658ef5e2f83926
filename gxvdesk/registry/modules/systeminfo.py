"""7. Status (document p.26-27): ``/goform/systeminfo``, get; set only for ``devicename``."""

from typing import Any

from ..spec import Module, Param
from ..types import IPv4, ParamType, Text, choice, choices, switch

DDNS_STATE = choice("Disabled", "Processing", "Success", "Account/password error",
                    "Server blocking", "STUN server error", "Database failed")  # fmt: skip


def _status(name: str, kind: ParamType, label: str, hint: str = "", **extra: Any) -> Param:
    """A read-only status value ("for display only"); confidence H unless given."""
    extra.setdefault("confidence", "H")
    return Param(name, kind, label, hint, read_only=True, **extra)


MODULE = Module(
    name="systeminfo",
    title="Status",
    page=26,
    group="Status",
    verbs=frozenset({"get", "set"}),
    params=(
        _status("productmode", Text(), "Model", "Device model, e.g. GXV3672_FHD; picks ranges."),
        _status("hardwareversion", Text(), "Hardware version"),
        _status("partnumber", Text(), "Part number"),
        _status("bootloaderversion", Text(), "Boot loader version"),
        _status("coreversion", Text(), "Core version"),
        _status("baseversion", Text(), "Base version"),
        _status("firmwareversion", Text(), "Firmware version"),
        _status("cameratype", Text(), "Camera type", "Brand and model."),
        _status("ddnsstate", DDNS_STATE, "DDNS status"),
        # OCR "wifistatez": the z is the stripped "=".
        _status("wifistate", switch("Disconnected", "Connected"), "Wi-Fi status", confidence="M"),
        _status("systemrun", Text(), "Up time", "Unit not documented."),
        _status("mac", Text(), "MAC address", "12 hex digits, no separators."),
        _status("ledstatus", choices({0: "On", 1: "Off"}), "LED", "GXV3615 series only.",
                models=("GXV3615",)),
        _status("pppoe.ip", IPv4(allow_empty=True), "PPPoE IP address", default="0.0.0.0",
                confidence="L"),
        _status("pppoe.status", switch("Disconnected", "Connected"), "PPPoE status",
                confidence="L"),
        _status("ipaddress", IPv4(allow_empty=True), "IP address"),
        _status("subnetmask", IPv4(allow_empty=True), "Subnet mask"),
        _status("defaultgateway", IPv4(allow_empty=True), "Default gateway"),
        # OCR "Ircutstatu": a capital I; names are compared ignoring case.
        _status("ircutstatu", choices({1: "Day", 2: "Night"}), "IR-cut state", confidence="M"),
        Param("devicename", Text(), "Device name", "The only value this module can set.",
              confidence="L"),
    ),
)  # fmt: skip
