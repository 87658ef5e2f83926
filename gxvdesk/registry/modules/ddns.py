"""4. Dynamic DNS (document p.18): ``/goform/ddns``, set/get, reg (register the account).

``reg`` comes from the document's "URL Parameter Definitions" (p.8), not from this page.
"""

from ..spec import Module, Param
from ..types import Secret, Switch, Text, choice

#: Labels in the document's printed order; the OCR lost the numbers (research §4.4).
ISP = choice("dyndns.org", "noip.com", "ActiveDNS", "cn99.com", "ipkan.net", "ipkan.cn",
             "ipkan.com.cn")  # fmt: skip

MODULE = Module(
    name="ddns",
    title="Dynamic DNS",
    page=18,
    group="Network",
    verbs=frozenset({"get", "set", "reg"}),
    params=(
        Param("enableddns", Switch(), "Dynamic DNS", confidence="H"),
        Param("isptype", ISP, "DDNS provider",
              "Number-to-provider order rebuilt from a damaged page; check it on a device.",
              confidence="L"),
        Param("sitename", Text(max_bytes=255), "Site name",
              "Host name registered with the provider.", confidence="H"),
        Param("ddnsip", Text(), "Custom DDNS site", confidence="H"),
        Param("account", Text(max_bytes=23), "DDNS account", confidence="H"),
        Param("password", Secret(max_bytes=63), "DDNS password", confidence="H"),
        Param("stunserver", Text(max_bytes=255), "STUN server", confidence="H"),
    ),
)  # fmt: skip
