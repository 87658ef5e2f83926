"""The parameter-spec registry: complete against the document, consistent, and strict.

DOCUMENT_PARAMETERS is written out by hand from the document (research §4), so that a
module file that loses a parameter, or a module that disappears, fails here.
"""

from __future__ import annotations

import pytest

import gxvdesk.registry as registry
from gxvdesk.registry import (
    REGISTRY,
    FieldError,
    Module,
    Param,
    Record,
    RegistryError,
    module,
    validate,
)
from gxvdesk.registry.models import FAMILIES, MODELS, is_known_family
from gxvdesk.registry.modules import MODULE_NAMES
from gxvdesk.registry.naming import name_key
from gxvdesk.registry.types import (
    Choice,
    IntRange,
    InvalidValueError,
    MaskRegion,
    Point,
    Secret,
    Switch,
    Text,
    Trigger,
)

#: The decoder's 8 patrol devices: channel[0]..description[7] (decode.py explains the syntax).
DECODE_PATROL = [
    f"{field}[{i}]"
    for i in range(8)
    for field in ("channel", "port", "time", "host", "user", "password", "description")
]

#: Every parameter of the document, module by module, in the document's order and in the
#: registry's spelling. A module's ``channel`` selector is its channel key, not listed here,
#: except in ``stream`` where it picks the stream.
DOCUMENT_PARAMETERS: dict[str, list[str]] = {
    "audio_video": [
        "video.primary.encoder", "video.secondary.encoder", "video_primary_profile",
        "video_secondary_profile", "video.primary.resolution", "video.secondary.resolution",
        "video.primary.bitrate", "video.secondary.bitrate", "video.primary.brtype",
        "video.secondary.brtype", "video.primary.framerate", "video.secondary.framerate",
        "video.primary.iframe", "video.secondary.iframe", "video.primary.imagequality",
        "video.secondary.imagequality", "audio.primary.encoder", "audio.secondary.encoder",
        "audio.primary.bitrate", "audio.secondary.bitrate", "audio.linein", "audio.lineout",
        "audio.microphone.volume", "audio.speaker.volume", "audio.chip.type", "ntscpal.type",
        "power.frequency", "tv.output.type", "video_statu",
    ],
    "osd": [
        "osdposition", "osdtimeshow", "osdtextshow", "osdopacity", "osdcolor", "osdtext",
        "osdtextindex",
    ],
    "network": [
        "httpport", "enabledhcp", "ipaddress", "subnetmask", "defaultgateway", "autodns",
        "dnsserver.primary", "dnsserver.standby",
    ],
    "ddns": ["enableddns", "isptype", "sitename", "ddnsip", "account", "password", "stunserver"],
    "sip": [
        "registeredstate", "unregister", "accountname", "sipserver", "proxyserver", "userid",
        "authenticateid", "accountpassword", "stunserver", "sipstream", "audioencoder",
        "regexpiration", "localsipport", "localrtpport", "autohooktimer", "disable_audio",
        "enable_keep_alive", "direct_ip_call", "sip_proxy_compatibility_mode",
        "enable_white_list", "sipdoorenable", "sipdoorpwd", "sipdoortime",
        "accessuploadaudiofile", "tel_uri", "sip_enable_tls", "sip_tls_certificate",
        "sip_tls_private_key", "sip_tls_private_key_password", "accesstlscrtfile",
        "accesstlskeyfile", "file_type", "phone.count", "phone.index", "phone.number",
        "phone.name", "white_list_phone", "audio_warning_mode",
    ],
    "date_time": [
        "updatemode", "year", "month", "day", "hour", "minute", "second", "timezone",
        "deftimezone", "ntpserverenable", "ntpserver", "datestyle", "ntpupdateinterval",
        "enable_dst", "dst_str",
    ],
    "systeminfo": [
        "productmode", "hardwareversion", "partnumber", "bootloaderversion", "coreversion",
        "baseversion", "firmwareversion", "cameratype", "ddnsstate", "wifistate", "systemrun",
        "mac", "ledstatus", "pppoe.ip", "pppoe.status", "ipaddress", "subnetmask",
        "defaultgateway", "ircutstatu", "devicename",
    ],
    "usermanage": [
        "user.count", "user.index", "user.level", "user.name", "user.password",
        "anonymous.enable",
    ],
    "smtp": [
        "enablesmtp", "smtpserver", "smtpserverport", "emailfrom", "emailuser", "emailpassword",
        "emailto1", "emailto2", "emailto3", "enablessl", "smtptest", "smtptestresult",
        "selfdefine_email_title", "selfdefine_email_content",
    ],
    "ftp": [
        "enableftp", "ftpserver", "ftpserverport", "ftpuser", "ftppassword", "ftppath",
        "ftptest", "ftptestresult",
    ],
    "ptz": [
        "protocol", "baudrate", "ptzparam", "ptzcontrol", "addressid1", "addressid2",
        "addressid3", "addressid4", "msgtype", "class", "group", "id", "action_type",
        "action_id", "action_time", "action_speed", "swing_start_id", "swing_end_id",
        "oprate_type", "enable_proportional_pan", "enable_preset_freezing", "preset_speed",
        "keyboard_control_speed", "auto_scan_speed", "zoom_status", "pt_status",
        "preset_status", "set_resume_time_point", "enable_limit", "limit_type",
        "limit_type_status", "enable_park_action", "park_time", "park_action_type",
        "park_action_type_id", "enable_scheduled_task", "scheduled_task_park_time",
    ],
    "alarmio": [
        "alarmin.count", "alarmin.index", "alarmin.schedule.count", "alarmin.schedule.id",
        "alarmin.schedule.dayset", "alarmin.schedule.starttime", "alarmin.schedule.endtime",
        "alarmout.stop", "event.record.pretime", "event.record.aftertime",
        "event.record.storage", "event.record.uploadftp", "event.sipphone.enable",
        "event.alarmout.enable", "event.uploadcenter.enable", "event.shotemail.enable",
        "event_upload_to_alarm_server", "event_snapshot_prenum", "event_snapshot_endnum",
    ],
    "motiondetect": [
        "md.channel.count", "md.channel.index", "md.active.enable", "md.regn.index",
        "md.regn.leftup", "md.regn.rightdown", "md.regn.sensitivity", "md.regn.schedule.count",
        "md.regn.schedule.id", "md.regn.schedule.dayset", "md.regn.schedule.starttime",
        "md.regn.schedule.endtime", "md.record.storage", "md.record.pretime",
        "md.record.aftertime", "md.record.uploadftp", "md.sipphone.enable",
        "md.alarmout.enable", "md.uploadcenter.enable", "md.snapshot.enable",
        "md_upload_to_alarm_server", "md_snapshot_prenum", "md_snapshot_endnum",
        "md_retrigger_interval", "md_trigger_interval", "md_alarm_statu",
    ],
    "systemlog": ["logserver", "loglevel"],
    "storage": [
        "storage.count", "storage.index", "storage.capacity", "storage.usedspace",
        "storage.freespace", "file.count", "file.index", "file.size", "file.name",
        "storage.type",
    ],
    "maintenance": [
        "restart", "restore", "update.viatype", "upgrade.serverpath", "upgrade.cfgserverpath",
        "upgrade_cfg_xml_pwd", "upgrade.automatic", "upgrade.interval", "dhcp_option_66",
        "3cx_auto_provision", "disable_telnet", "enable_upnp",
    ],
    "videocontrol": ["brightness", "contrast", "saturation", "default"],
    "wireless": [
        "wifiexist", "enable", "ssid", "authentication", "keyindex", "key", "search.ssid.index",
        "search.ssid",
    ],
    "device": [
        "devicename", "alarmin.type", "alarmout.type", "alarmin.status", "alarmout.status",
        "alarm_output_time",
    ],
    "pppoe": ["pppoe.user", "pppoe.password", "pppoe.status", "pppoe.ip"],
    "snapshot": [],
    "language": ["language"],
    "decode": [
        "decode_source", "default_decode", "enable_patrol", "video_ouput_type", "start_patrol",
        *DECODE_PATROL,
    ],
    "stream": ["channel"],
    "cmos": [
        "flip", "iris", "iris_open", "up_bias", "down_bias", "shutter_speed", "ir_cut_setting",
        "daytime_start", "daytime_end", "ir_cut_sensitivity", "d_n_mod", "color_mod",
        "ir_led_setting", "privacymask",
    ],
    "fourdone": ["enable", "ntscpal.type", "options"],
    "event_server": ["server_name", "server_url", "server_username", "server_user_password"],
    "sdrecord": [
        "state_record", "enable_time_table", "record_time_table", "record_full_handle",
        "record_start",
    ],
    "periodic_snapshot": [
        "periodic_snapshot_enable", "periodic_snapshot_interval", "periodic_snapshot_uploadsd",
        "periodic_snapshot_uploadftp", "periodic_snapshot_uploademail",
    ],
}  # fmt: skip

#: Spellings printed in the document (OCR or typo) that must still find their parameter.
DOCUMENT_SPELLINGS = [
    ("smtp", "smiptest", "smtptest"),
    ("smtp", "smiptestresult", "smtptestresult"),
    ("ptz", "keyboard_controlpeed", "keyboard_control_speed"),
    ("ptz", "Addressid2", "addressid2"),
    ("sdrecord", "start_record", "record_start"),
    ("motiondetect", "event.record.pretime", "md.record.pretime"),
    ("motiondetect", "md_regn_index", "md.regn.index"),
    ("maintenance", "upgrade.viatype", "update.viatype"),
    ("decode", "video_output_type", "video_ouput_type"),
    ("decode", "host_3", "host[3]"),
    ("pppoe", "password", "pppoe.password"),
    ("systeminfo", "Ircutstatu", "ircutstatu"),
    ("cmos", "Iris", "iris"),
]

#: Verbs per module as the document gives them (device's "search" is dropped, see device.py).
DOCUMENT_VERBS = {
    "audio_video": {"get", "set"},
    "osd": {"get", "set"},
    "network": {"get", "set"},
    "ddns": {"get", "set", "reg"},
    "sip": {"get", "set", "add", "remove", "upload", "del"},
    "date_time": {"get", "set"},
    "systeminfo": {"get", "set"},
    "usermanage": {"get", "set", "add", "remove"},
    "smtp": {"get", "set"},
    "ftp": {"get", "set"},
    "ptz": {"get", "set"},
    "alarmio": {"get", "set", "add", "remove"},
    "motiondetect": {"get", "set", "add", "remove"},
    "systemlog": {"get", "set"},
    "storage": {"get", "remove", "format"},
    "maintenance": {"get", "set"},
    "videocontrol": {"get", "set"},
    "wireless": {"get", "set", "search"},
    "device": {"get", "set"},
    "pppoe": {"get", "set"},
    "snapshot": {"get"},
    "language": {"get", "set"},
    "decode": {"get", "set"},
    "stream": {"get"},
    "cmos": {"get", "set"},
    "fourdone": {"get", "set"},
    "event_server": {"get", "set"},
    "sdrecord": {"get", "set"},
    "periodic_snapshot": {"get", "set"},
}

#: Write-only values: passwords and keys the device never returns.
SECRETS = {
    ("ddns", "password"),
    ("sip", "accountpassword"),
    ("sip", "sip_tls_private_key"),
    ("sip", "sip_tls_private_key_password"),
    ("usermanage", "user.password"),
    ("smtp", "emailpassword"),
    ("ftp", "ftppassword"),
    ("maintenance", "upgrade_cfg_xml_pwd"),
    ("wireless", "key"),
    ("pppoe", "pppoe.password"),
    ("event_server", "server_user_password"),
    *(("decode", f"password[{i}]") for i in range(8)),
}

#: One-shot actions and the word each is sent with.
TRIGGERS = {
    ("maintenance", "restart"): "yes",
    ("maintenance", "restore"): "yes",
    ("alarmio", "alarmout.stop"): "yes",
    ("smtp", "smtptest"): "1",
    ("ftp", "ftptest"): "1",
}

#: Live values and commands that a backup must not restore (``backup=False``).
NOT_BACKED_UP = {
    ("sip", "file_type"), ("sip", "white_list_phone"),
    *(("date_time", n) for n in ("year", "month", "day", "hour", "minute", "second")),
    ("ptz", "ptzparam"), ("ptz", "ptzcontrol"), ("ptz", "oprate_type"),
    ("storage", "storage.type"), ("videocontrol", "default"), ("decode", "start_patrol"),
    ("sdrecord", "record_start"),
}  # fmt: skip

MODULES_NEEDING_REBOOT = {"network", "systemlog", "wireless"}
CHANNEL_KEYED = {
    "audio_video": "channel", "osd": "channel", "videocontrol": "channel", "ptz": "channel",
    "device": "channel", "event_server": "channel", "sdrecord": "channel",
    "motiondetect": "md.channel.index",
}  # fmt: skip


def all_params() -> list[tuple[Module, Param]]:
    return [(m, p) for m in REGISTRY.values() for p in m.all_params()]


def param_id(mp: tuple[Module, Param]) -> str:
    return f"{mp[0].name}.{mp[1].name}"


ALL = all_params()


# --- completeness ---------------------------------------------------------------------------


def test_registry_has_the_29_modules_in_document_order() -> None:
    assert len(DOCUMENT_PARAMETERS) == 29
    assert list(REGISTRY) == list(DOCUMENT_PARAMETERS)
    assert list(MODULE_NAMES) == list(DOCUMENT_PARAMETERS)


@pytest.mark.parametrize(
    ("mod", "name"), [(m, n) for m, names in DOCUMENT_PARAMETERS.items() for n in names]
)
def test_every_document_parameter_is_in_the_registry(mod: str, name: str) -> None:
    assert module(mod).find(name) is not None, f"{mod} lost {name}"


@pytest.mark.parametrize("mod", list(DOCUMENT_PARAMETERS))
def test_registry_has_no_parameter_the_document_lacks(mod: str) -> None:
    documented = {name_key(n) for n in DOCUMENT_PARAMETERS[mod]}
    extra = [p.name for p in module(mod).all_params() if p.key not in documented]
    assert extra == [], f"add {extra} to DOCUMENT_PARAMETERS or remove them from {mod}"


@pytest.mark.parametrize(("mod", "spelling", "name"), DOCUMENT_SPELLINGS)
def test_document_spellings_find_their_parameter(mod: str, spelling: str, name: str) -> None:
    found = module(mod).find(spelling)
    assert found is not None and found.name == name


def test_channel_keys_and_no_channel_param() -> None:
    keyed = {m.name: m.channel_key for m in REGISTRY.values() if m.channel_key}
    assert keyed == CHANNEL_KEYED
    for name, key in keyed.items():
        if key == "channel":
            assert module(name).find("channel") is None, f"{name} lists channel as a parameter"
    assert module("stream").channel_key is None
    assert module("stream").find("channel") is not None


def test_records() -> None:
    users = module("usermanage").records[0]
    assert (users.key, users.count, users.kind, users.remove_key) == (
        "user.index", "user.count", "list", "user.name",
    )  # fmt: skip
    phonebook = module("sip").records[0]
    assert (phonebook.key, phonebook.count, phonebook.remove_key) == (
        "phone.index", "phone.count", "phone.index",
    )  # fmt: skip
    inputs, schedules = module("alarmio").records
    assert (inputs.key, inputs.kind, inputs.max_items) == ("alarmin.index", "slots", 4)
    assert {"event.record.pretime", "event_snapshot_endnum"} <= {p.name for p in inputs.params}
    assert (schedules.key, schedules.count, schedules.parent, schedules.kind) == (
        "alarmin.schedule.id", "alarmin.schedule.count", "alarmin.index", "list",
    )  # fmt: skip
    devices, files = module("storage").records
    assert devices.key == "storage.index"
    assert (files.key, files.remove_key) == ("file.index", "file.name")
    (networks,) = module("wireless").records
    assert networks.key == "search.ssid.index"
    assert all(p.read_only for p in networks.params)


def test_module_fields() -> None:
    assert {m.name for m in REGISTRY.values() if m.needs_reboot} == MODULES_NEEDING_REBOOT
    assert module("snapshot").url_path == "/snapshot"
    assert module("stream").url_path == "/goform/stream"
    assert module("ptz").models == ("GXV3500", "GXV3504")
    assert module("wireless").models == ("GXV3615W", "GXV3615WP")
    assert module("fourdone").models == ("GXV3504",)
    assert module("decode").models == ("GXV3500",)
    assert module("cmos").applies_to("GXV3672_FHD")
    assert not module("cmos").applies_to("GXV3504")
    groups = {"Video & audio", "Image", "Network", "Events", "System", "Integrations", "Status"}
    for m in REGISTRY.values():
        assert m.group in groups, m.name
        assert m.title and m.page > 0, m.name
    pages = [m.page for m in REGISTRY.values()]
    assert pages == sorted(pages)


def test_companions() -> None:
    vc = module("videocontrol")
    for name in ("brightness", "contrast", "saturation"):
        assert set(vc.param(name).companions) == {"brightness", "contrast", "saturation"} - {name}
    ptz = module("ptz")
    assert ptz.param("ptzcontrol").companions == ("ptzparam",)
    assert ptz.param("ptzparam").companions == ("ptzcontrol",)
    for p in module("date_time").params:
        assert p.companions == (() if p.name == "updatemode" else ("updatemode",)), p.name


# --- consistency ----------------------------------------------------------------------------


@pytest.mark.parametrize("mp", ALL, ids=param_id)
def test_defaults_pass_their_own_type(mp: tuple[Module, Param]) -> None:
    _, p = mp
    if p.default is None:
        return
    p.type.parse(p.default)
    for _family, kind in p.model_types:
        kind.parse(p.default)


@pytest.mark.parametrize("mp", ALL, ids=param_id)
def test_types_describe_themselves(mp: tuple[Module, Param]) -> None:
    _, p = mp
    for kind in (p.type, *(t for _, t in p.model_types)):
        assert kind.describe().strip()
    assert p.label.strip()
    assert p.confidence in {"C", "H", "M", "L"}


@pytest.mark.parametrize("mp", ALL, ids=param_id)
def test_choices_have_labels(mp: tuple[Module, Param]) -> None:
    _, p = mp
    for kind in (p.type, *(t for _, t in p.model_types)):
        if isinstance(kind, Choice):
            assert kind.options, p.name
            labels = [label for _, label in kind.options]
            assert all(label.strip() for label in labels), p.name
            assert len(set(labels)) == len(labels), f"{p.name}: duplicate labels"
            assert len(set(kind.values)) == len(kind.values), f"{p.name}: duplicate values"


def test_secrets_are_secret_and_only_those() -> None:
    found = {(m.name, p.name) for m, p in ALL if p.secret}
    assert found == SECRETS
    for m, p in ALL:
        if (m.name, p.name) in SECRETS:
            assert isinstance(p.type, Secret) and not p.read_only and not p.stored


def test_triggers() -> None:
    found = {(m.name, p.name): p.type.word for m, p in ALL if isinstance(p.type, Trigger)}
    assert found == TRIGGERS


def test_live_values_stay_out_of_backups() -> None:
    assert {(m.name, p.name) for m, p in ALL if not p.backup} == NOT_BACKED_UP


def test_verbs_are_the_documents() -> None:
    assert {m.name: set(m.verbs) for m in REGISTRY.values()} == DOCUMENT_VERBS
    assert all("get" in m.verbs for m in REGISTRY.values())


def test_model_families_are_known() -> None:
    assert all(is_known_family(f) for f in FAMILIES)
    for m in REGISTRY.values():
        for family in m.models or ():
            assert is_known_family(family), (m.name, family)
        for rec in m.records:
            for family in rec.models or ():
                assert is_known_family(family), (m.name, rec.name, family)
        for p in m.all_params():
            for family in (*(p.models or ()), *(f for f, _ in p.model_types)):
                assert is_known_family(family), (m.name, p.name, family)


@pytest.mark.parametrize("mod", list(REGISTRY))
def test_name_keys_are_unique_per_module(mod: str) -> None:
    keys = [name_key(s) for p in module(mod).all_params() for s in (p.name, *p.spellings)]
    assert len(keys) == len(set(keys))


def test_read_only_status_values() -> None:
    info = module("systeminfo")
    assert [p.name for p in info.params if not p.read_only] == ["devicename"]
    for mod, name in [
        ("audio_video", "ntscpal.type"), ("sip", "registeredstate"), ("sdrecord", "state_record"),
        ("storage", "storage.capacity"), ("device", "alarmin.status"), ("pppoe", "pppoe.ip"),
    ]:  # fmt: skip
        assert module(mod).param(name).read_only, (mod, name)


def _bad(*params: Param, records: tuple[Record, ...] = (), **fields: object) -> Module:
    return Module(name="broken", title="Broken", page=1, verbs=frozenset({"get", "set"}),
                  params=params, records=records, **fields)  # type: ignore[arg-type]  # fmt: skip


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (_bad(Param("a.b", Switch(), "A"), Param("a_b", Switch(), "B")), "clashes"),
        (_bad(Param("a", Switch(), "A"), Param("b", Switch(), "B", spellings=("A",))), "clashes"),
        (_bad(Param("a", IntRange(0, 5), "A", default=9)), "default of a"),
        (_bad(Param("a", Switch(), "A", companions=("b",))), "missing companion b"),
        (_bad(Param("a", Switch(), "A", models=("GXV9999",))), "unknown model GXV9999"),
        (_bad(Param("a", Switch(), "A", model_types=(("GXV0", IntRange()),))), "unknown model"),
        (_bad(models=("GXV1234",)), "unknown model GXV1234"),
        (_bad(Param("a", Switch(), "A"),
              records=(Record("r", "R", key="missing", params=()),)), "names missing missing"),
        (Module(name="broken", title="B", page=1, verbs=frozenset({"get", "fetch"})),
         "unknown verbs"),
    ],
)  # fmt: skip
def test_check_refuses_a_broken_module(broken: Module, message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        registry._check([broken])


def test_check_refuses_a_module_defined_twice() -> None:
    with pytest.raises(RegistryError, match="defined twice"):
        registry._check([module("osd"), module("osd")])


def test_check_accepts_the_registry() -> None:
    assert list(registry._check(REGISTRY.values())) == list(REGISTRY)


# --- validation -----------------------------------------------------------------------------


def errors(mod: str, values: dict[str, object], model: str | None = None, verb: str = "set"):
    return validate(module(mod), values, model=model, verb=verb)


def test_out_of_range_is_refused_naming_the_range() -> None:
    (err,) = errors("sip", {"localrtpport": 80})
    assert isinstance(err, FieldError)
    assert err.name == "localrtpport" and "1024 to 30000" in err.message


def test_model_specific_range() -> None:
    (err,) = errors("videocontrol", {"brightness": 61}, model="GXV3615W")
    assert "0 to 60" in err.message
    assert errors("videocontrol", {"brightness": 60}, model="GXV3615W") == []
    assert errors("videocontrol", {"brightness": 200}, model="GXV3672_FHD") == []
    (err,) = errors("videocontrol", {"brightness": 256}, model="GXV3672_FHD")
    assert "0 to 255" in err.message
    (err,) = errors("videocontrol", {"contrast": 4}, model="GXV3601HD")
    assert "0 to 3" in err.message
    # GXV3611IR_HD is not a GXV3611_HD: it has the full range.
    assert errors("videocontrol", {"saturation": 200}, model="GXV3611IR_HD") == []
    (err,) = errors("videocontrol", {"saturation": 9}, model="GXV3611_HD")
    assert "0 to 8" in err.message


def test_model_limited_parameter_and_module() -> None:
    (err,) = errors("cmos", {"up_bias": 8000}, model="GXV3672_FHD")
    assert "does not have" in err.message
    assert errors("cmos", {"up_bias": 8000}, model="GXV3662_HD") == []
    (err,) = errors("ptz", {"protocol": 1}, model="GXV3672_FHD")
    assert err.name == "module"


def test_read_only_is_refused() -> None:
    (err,) = errors("systeminfo", {"firmwareversion": "1.0.0.1"})
    assert "read-only" in err.message
    assert errors("systeminfo", {"devicename": "Gate"}) == []


def test_unknown_name_is_refused() -> None:
    (err,) = errors("osd", {"osdblink": 1})
    assert err.name == "osdblink" and "no parameter" in err.message


def test_channel_key_is_accepted_and_unsupported_verb_refused() -> None:
    assert errors("osd", {"channel": 0, "osdtimeshow": 1}) == []
    (err,) = errors("videocontrol", {"brightness": 1}, verb="add")
    assert err.name == "cmd"


def test_secret_value_is_not_shown() -> None:
    password = "hunter2-" * 10
    (err,) = errors("usermanage", {"user.password": password})
    assert password not in str(err) and password not in err.message
    assert "(hidden)" in str(err) and "63 bytes" in err.message
    assert module("ftp").param("ftppassword").type.label("s3cret") != "s3cret"


def test_enum_labels_are_accepted() -> None:
    encoder = module("audio_video").param("video.primary.encoder")
    assert encoder.type.parse("MJPEG") == 26
    assert errors("audio_video", {"video.primary.encoder": "MJPEG"}) == []
    assert module("cmos").param("shutter_speed").type.parse("1/250 s") == 250
    assert module("date_time").param("timezone").type.label(9).startswith("GMT-05:00 New York")
    (err,) = errors("audio_video", {"video.primary.encoder": "MPEG4"})
    assert "H.264" in err.message


def test_colour() -> None:
    colour = module("osd").param("osdcolor").type
    assert colour.parse("0xFFFFFE") == 0xFFFFFE
    assert colour.format(colour.parse("Cyan")) == "0x00FFFF"
    with pytest.raises(InvalidValueError):
        colour.parse("0x123456")


def test_packed_point_and_grid_limits() -> None:
    corner = module("motiondetect").param("md.regn.leftup").type
    assert corner.normalise("490,5") == "32112645"
    assert corner.parse("43254240") == Point(660, 480)
    assert corner.normalise("704,576") == str((704 << 16) | 576)
    for outside in ("705,0", "0,577"):
        (err,) = errors("motiondetect", {"md.regn.leftup": outside})
        assert "704x576" in err.message


def test_week_table_length() -> None:
    table = "01" * 84
    assert errors("sdrecord", {"record_time_table": table}) == []
    (err,) = errors("sdrecord", {"record_time_table": table[:-1]})
    assert "168" in err.message and "167" in err.message
    (err,) = errors("sdrecord", {"record_time_table": "2" * 168})
    assert "other than 0 and 1" in err.message


def test_privacy_mask_round_trip() -> None:
    mask = module("cmos").param("privacymask").type
    wire = "1,10,10,100,100,0,0,0,0,0,1,200,300,400,500,0,0,0,0,0"
    regions = mask.parse(wire)
    assert regions[0] == MaskRegion(True, 10, 10, 100, 100)
    assert regions[2] == MaskRegion(True, 200, 300, 400, 500)
    assert mask.format(regions) == wire
    assert mask.format(mask.parse("0,1,10,10,100,100;2,1,200,300,400,500")) == wire
    (err,) = errors("cmos", {"privacymask": "1,10,10,800,100"})
    assert "704" in err.message


def test_time_of_day() -> None:
    start = module("alarmio").param("alarmin.schedule.starttime").type
    assert start.parse("12:39") == 45540
    assert start.label(45540) == "12:39:00"
    (err,) = errors("alarmio", {"alarmin.schedule.endtime": 999999999}, verb="add")
    assert "86399" in err.message


def test_trigger_words() -> None:
    assert errors("maintenance", {"restart": "yes"}) == []
    (err,) = errors("maintenance", {"restart": "1"})
    assert "'yes'" in err.message
    assert errors("smtp", {"smiptest": "1"}) == []
    assert not module("smtp").param("smtptest").stored


def test_text_sizes() -> None:
    assert errors("osd", {"osdtext": "x" * 63}) == []
    (err,) = errors("osd", {"osdtext": "x" * 64})
    assert "63 bytes" in err.message
    (err,) = errors("sip", {"sipdoorpwd": "12ab"})
    assert "digits" in err.message


def test_ipv4() -> None:
    assert errors("network", {"ipaddress": "192.168.1.10", "dnsserver.standby": ""}) == []
    (err,) = errors("network", {"ipaddress": "192.168.1.300"})
    assert "IPv4" in err.message


def test_every_model_gets_a_type_for_every_param() -> None:
    for model in MODELS:
        for m in REGISTRY.values():
            for p in m.all_params():
                assert p.type_for(model).describe()


def test_secret_type_is_text() -> None:
    # Secrets reuse Text's size check, whose message never repeats the value.
    assert issubclass(Secret, Text)
