"""3. Network Parameters (document p.17): ``/goform/network``, set/get; changes need a reboot.

The document's example sends ``ipadress`` (a typo) and ``channel=0``; neither is a parameter of
the table, so neither is modelled (see docs/protocol-notes.md, "Registry interpretations").
"""

from ..spec import Module, Param
from ..types import IntRange, IPv4, Switch, choices

MODULE = Module(
    name="network",
    title="Network",
    page=17,
    group="Network",
    verbs=frozenset({"get", "set"}),
    needs_reboot=True,
    params=(
        Param("httpport", IntRange(1, 65535), "HTTP port", "Web and API port.", confidence="H"),
        Param("enabledhcp", Switch(), "DHCP", "Get the address from a DHCP server.",
              confidence="H"),
        Param("ipaddress", IPv4(), "IP address", "Not used while DHCP is on.", confidence="H"),
        Param("subnetmask", IPv4(), "Subnet mask", confidence="H"),
        Param("defaultgateway", IPv4(), "Default gateway", confidence="H"),
        Param("autodns", choices({0: "Use the DNS servers below", 1: "Automatic"}), "DNS",
              "Take DNS servers from DHCP, or use the configured ones.", confidence="H"),
        # Empty is allowed: with automatic DNS the device may hold no fixed server.
        Param("dnsserver.primary", IPv4(allow_empty=True), "Primary DNS server"),
        Param("dnsserver.standby", IPv4(allow_empty=True), "Secondary DNS server"),
    ),
)  # fmt: skip
