"""18. Wi-Fi Settings (document p.46): ``/goform/wireless``, set/get/search; GXV3615W and
GXV3615WP_HD only. A set answers "Successful Need Reboot".

``cmd=search`` answers ``search.ssid.index=N`` then ``search.ssid=<name> <signal>`` per network.
"""

from ..spec import Module, Param, Record
from ..types import IntRange, Raw, Secret, Switch, Text, choice, switch

AUTH = choice("None", "WEP shared", "WEP open", "WPA-PSK TKIP", "WPA-PSK AES", "WPA2-PSK TKIP",
              "WPA2-PSK AES")  # fmt: skip

# Neither slots nor an add/remove list: read-only results of cmd=search.
NETWORKS = Record(
    name="networks",
    label="Wi-Fi networks found",
    key="search.ssid.index",
    kind="list",
    params=(
        Param("search.ssid.index", IntRange(1), "Network", read_only=True, confidence="L"),
        Param("search.ssid", Raw("network name and signal strength (separator unknown)"),
              "SSID and signal", read_only=True, confidence="L"),
    ),
)  # fmt: skip

MODULE = Module(
    name="wireless",
    title="Wi-Fi",
    page=46,
    group="Network",
    verbs=frozenset({"get", "set", "search"}),
    models=("GXV3615W", "GXV3615WP"),
    needs_reboot=True,
    params=(
        Param("wifiexist", switch("Not supported", "Supported"), "Wi-Fi hardware",
              read_only=True, confidence="H"),
        Param("enable", Switch(), "Wi-Fi", confidence="H"),
        # 32 bytes is the 802.11 limit; the document gives none.
        Param("ssid", Text(max_bytes=32), "Network name (SSID)", confidence="H"),
        Param("authentication", AUTH, "Security mode", confidence="H"),
        Param("keyindex", IntRange(1, 4), "WEP key index"),
        # 64 bytes: a WPA key of 64 hex digits, the longest 802.11 allows.
        Param("key", Secret(max_bytes=64), "Encryption key", confidence="H"),
    ),
    records=(NETWORKS,),
)  # fmt: skip
