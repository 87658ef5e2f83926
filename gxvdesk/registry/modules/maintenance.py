"""16. Maintenance & Upgrade (document p.43): ``/goform/maintenance``, set/get."""

from ..spec import Module, Param
from ..types import IntRange, Secret, Switch, Text, Trigger, choices

MODULE = Module(
    name="maintenance",
    title="Maintenance & upgrade",
    page=43,
    group="System",
    verbs=frozenset({"get", "set"}),
    params=(
        Param("restart", Trigger("yes"), "Restart", "Reboot the device.", confidence="H"),
        Param("restore", Trigger("yes"), "Factory reset",
              "Erases every setting; confirm before sending.", confidence="H"),
        # Printed "update viatype" while its siblings say "upgrade": both spellings match.
        Param("update.viatype", choices({1: "TFTP", 2: "HTTP", 3: "HTTPS"}), "Upgrade via",
              spellings=("upgrade.viatype",), confidence="L"),
        Param("upgrade.serverpath", Text(pattern_hint="server[:port]/dir"),
              "Firmware server path"),
        Param("upgrade.cfgserverpath", Text(max_bytes=255, pattern_hint="server[:port]/dir"),
              "Config server path"),
        Param("upgrade_cfg_xml_pwd", Secret(), "XML config password", confidence="H"),
        Param("upgrade.automatic", Switch(), "Automatic upgrade"),
        Param("upgrade.interval", IntRange(60, 525600, "min"), "Automatic upgrade interval",
              confidence="L"),
        Param("dhcp_option_66", Switch(), "DHCP option 66", confidence="L"),
        Param("3cx_auto_provision", Switch(), "3CX auto provisioning", confidence="L"),
        # The document: 0 = disable (default), 1 = enable Telnet, the reverse of the name.
        # The labels say so and keep the doubt visible (docs/protocol-notes.md).
        Param("disable_telnet", choices({0: "Telnet off (as documented)",
                                         1: "Telnet on (as documented)"}),
              "Telnet access", "The document's polarity contradicts the name; check on a "
              "device before relying on it.", default=0, confidence="L"),
        Param("enable_upnp", Switch(), "UPnP discovery", confidence="H"),
    ),
)  # fmt: skip
