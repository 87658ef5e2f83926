"""5. SIP (document p.19-21): ``/goform/sip``, set/get; add/remove (phonebook, white list);
upload/del (audio file, TLS certificate and key).

Settings take effect at once; adding a phonebook entry answers "Successful Need Reboot", and
uploaded files take effect at the next reboot.
"""

from ..spec import Module, Param, Record
from ..types import IdList, IntRange, Raw, Secret, Text, choice, switch

NO_YES = switch("No", "Yes")
PRESENT = switch("Not present", "Present")

PHONEBOOK = Record(
    name="phonebook",
    label="Phonebook",
    key="phone.index",
    count="phone.count",
    kind="list",
    remove_key="phone.index",
    params=(
        Param("phone.index", IdList(low=1), "Entry", "Phonebook entry 1..n; the key for remove.",
              confidence="C"),
        Param("phone.number", Text(max_bytes=15), "Phone number", needs_reboot=True,
              confidence="C"),
        Param("phone.name", Text(max_bytes=127), "Name", "Note for the number; entries are added "
              "one at a time.", needs_reboot=True, confidence="C"),
    ),
)  # fmt: skip

MODULE = Module(
    name="sip",
    title="SIP account",
    page=19,
    group="Integrations",
    verbs=frozenset({"get", "set", "add", "remove", "upload", "del"}),
    params=(
        Param("registeredstate", choice("Offline", "Online"), "Registration", read_only=True,
              confidence="H"),
        Param("unregister", NO_YES, "Unregister on reboot", confidence="H"),
        Param("accountname", Text(max_bytes=127), "Account name", confidence="H"),
        Param("sipserver", Text(max_bytes=255), "SIP server", confidence="H"),
        Param("proxyserver", Text(), "Outbound proxy", "Domain or IP address.", confidence="H"),
        Param("userid", Text(max_bytes=255), "SIP user ID", confidence="H"),
        Param("authenticateid", Text(max_bytes=127), "Authentication ID",
              "May equal the SIP user ID.", confidence="H"),
        Param("accountpassword", Secret(max_bytes=127), "Account password",
              "Only set, never returned.", confidence="H"),
        Param("stunserver", Text(max_bytes=127), "STUN server", "URI or IP:port.", confidence="H"),
        Param("sipstream", choice("Secondary", "Primary"), "Video stream for calls",
              confidence="H"),
        Param("audioencoder", choice("PCMU", "PCMA"), "Call audio codec", default=0,
              confidence="H"),
        Param("regexpiration", IntRange(1, 45 * 86400, "s"), "Registration expiry",
              "Seconds, at most 45 days.", default=3600, confidence="H"),
        Param("localsipport", IntRange(1, 65535), "Local SIP port", default=5060, confidence="H"),
        Param("localrtpport", IntRange(1024, 30000), "Local RTP port", confidence="H"),
        Param("autohooktimer", IntRange(0, 65535, "s"), "Auto hang-up", "0 = never hang up.",
              default=0, confidence="H"),
        Param("disable_audio", NO_YES, "Disable call audio", confidence="H"),
        Param("enable_keep_alive", NO_YES, "Keep-alive", confidence="H"),
        Param("direct_ip_call", NO_YES, "Direct IP calls", confidence="L"),
        Param("sip_proxy_compatibility_mode", NO_YES, "Server compatibility mode",
              "Works with more SIP servers but may use more bandwidth.", confidence="L"),
        Param("enable_white_list", NO_YES, "Incoming-call white list", confidence="H"),
        Param("sipdoorenable", NO_YES, "SIP door opening", confidence="H"),
        Param("sipdoorpwd", Text(max_bytes=8, pattern=r"[0-9]{1,8}", pattern_hint="1 to 8 digits"),
              "Door-opening PIN", confidence="H"),
        Param("sipdoortime", IntRange(0), "Door relay time", "Time before the relay resets.",
              confidence="H"),
        Param("accessuploadaudiofile", PRESENT, "Uploaded audio file", read_only=True,
              confidence="H"),
        Param("tel_uri", choice("Disabled", "User=phone", "Enabled"), "TEL URI", confidence="L"),
        # The name says "enable TLS" but the value picks the transport.
        Param("sip_enable_tls", choice("UDP", "TCP", "TLS/TCP"), "SIP transport", confidence="H"),
        # PEM text has line breaks, which Text refuses; certificates normally go by cmd=upload.
        Param("sip_tls_certificate", Text(max_bytes=8192), "TLS certificate", confidence="M"),
        # A private key is as sensitive as a password: never logged or backed up.
        Param("sip_tls_private_key", Secret(max_bytes=8192), "TLS private key", confidence="M"),
        Param("sip_tls_private_key_password", Secret(), "TLS key password", confidence="M"),
        Param("accesstlscrtfile", PRESENT, "TLS certificate file", read_only=True,
              confidence="H"),
        Param("accesstlskeyfile", PRESENT, "TLS key file", read_only=True, confidence="H"),
        Param("file_type", choice("Self-defined audio file", "TLS certificate", "TLS private key"),
              "File to upload or delete", "Sent with cmd=upload or cmd=del.", default=0,
              needs_reboot=True, backup=False, confidence="H"),
        Param("phone.count", IntRange(0), "Phonebook entries", read_only=True),
        Param("white_list_phone", Raw("phone numbers; several separated by commas (unverified)"),
              "White-list numbers", "Added with cmd=add, removed with cmd=remove.",
              backup=False, confidence="L"),
        Param("audio_warning_mode", choice("Play alarm audio to caller", "Two-way audio"),
              "Alarm call audio", default=1, confidence="H"),
    ),
    records=(PHONEBOOK,),
    notes="white_list_phone: the remove example lists several numbers with the separator lost; "
    "the registry sends them comma separated.",
)  # fmt: skip
