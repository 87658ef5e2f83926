"""The wire codec: queries, result lines, GET bodies, MJPEG parts (no network)."""

from __future__ import annotations

import contextlib
import doctest
from urllib.parse import parse_qsl, unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gxvdesk.protocol.address
import gxvdesk.protocol.codec
import gxvdesk.protocol.mjpeg
import gxvdesk.registry.naming
import gxvdesk.registry.types
from gxvdesk.protocol import codec
from gxvdesk.protocol.address import AddressError, CameraAddress
from gxvdesk.protocol.client import layout_of
from gxvdesk.protocol.errors import (
    AuthenticationError,
    BadRequestError,
    CameraBusyError,
    CameraError,
    NoPrivilegeError,
    ParameterError,
    ProtocolError,
)
from gxvdesk.protocol.mjpeg import MjpegParser
from gxvdesk.registry import module


@pytest.mark.parametrize(
    "mod",
    [
        gxvdesk.protocol.codec,
        gxvdesk.protocol.address,
        gxvdesk.protocol.mjpeg,
        gxvdesk.registry.types,
        gxvdesk.registry.naming,
    ],
)
def test_docstring_examples(mod):
    result = doctest.testmod(mod)
    assert result.attempted > 0 and result.failed == 0


# --- queries ----------------------------------------------------------------------------


def test_query_keeps_order_and_encodes_specials():
    query = codec.encode_query(
        "set",
        [("osdtext", "a b&c=d#e"), ("md.regn.index", "3"), ("ssid", "Café"), ("empty", "")],
    )
    assert query == ("cmd=set&osdtext=a%20b%26c%3Dd%23e&md.regn.index=3&ssid=Caf%C3%A9&empty=")
    assert [k for k, _ in parse_qsl(query, keep_blank_values=True)] == [
        "cmd", "osdtext", "md.regn.index", "ssid", "empty",
    ]  # fmt: skip


def test_bare_name_has_no_equals():
    assert codec.encode_query("get", [("md_statu", None)]) == "cmd=get&md_statu"


@given(st.text(), st.text(min_size=1).filter(lambda s: "\x00" not in s))
def test_any_value_round_trips_through_encoding(value, name):
    query = codec.encode_query("set", [(name, value)])
    cmd, _, rest = query.partition("&")
    assert cmd == "cmd=set"
    sent_name, _, sent_value = rest.partition("=")
    assert "&" not in sent_value and "=" not in sent_value and "#" not in sent_value
    assert " " not in sent_value
    assert unquote(sent_value) == value
    assert unquote(sent_name) == name


# --- results ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "needs_reboot"),
    [
        (200, "Successful\r\n", False),
        (200, "  Successful  \n", False),
        (200, "\r\nSuccessful Need Reboot\r\n", True),
        (200, "successful need reboot", True),
    ],
)
def test_success_lines(status, body, needs_reboot):
    outcome = codec.parse_result(status, body)
    assert outcome.needs_reboot is needs_reboot
    assert str(outcome) == ("Successful (reboot required)" if needs_reboot else "Successful")


@pytest.mark.parametrize(
    ("status", "body", "error", "words"),
    [
        (200, "No Privilege\r\n", NoPrivilegeError, "administrator"),
        (200, "md.regn.leftup Invalid\r\n", ParameterError, "refused md.regn.leftup"),
        (200, "updatemode Missing\r\n", ParameterError, "needs updatemode"),
        (200, "", ProtocolError, "empty reply"),
        (200, "OK whatever", ProtocolError, "instead of Successful"),
        (401, "", AuthenticationError, "wrong user name or password"),
        (404, "", BadRequestError, "HTTP 404"),
        (400, "", BadRequestError, "HTTP 400"),
        (503, "", CameraBusyError, "busy"),
        (500, "", ProtocolError, "HTTP status 500"),
    ],
)
def test_refusals_are_typed_and_worded(status, body, error, words):
    with pytest.raises(error) as info:
        codec.parse_result(status, body)
    assert words in str(info.value)


def test_parameter_error_names_the_parameter():
    with pytest.raises(ParameterError) as info:
        codec.parse_result(200, "video.primary.framerate Invalid")
    assert info.value.param == "video.primary.framerate"
    assert info.value.reason == "Invalid"


@given(st.integers(min_value=100, max_value=599), st.binary(max_size=300))
def test_any_reply_gives_outcome_or_typed_error(status, raw):
    body = raw.decode("utf-8", errors="replace")
    for decode in (codec.parse_result, codec.parse_get):
        with contextlib.suppress(CameraError):
            decode(status, body)


# --- GET bodies -------------------------------------------------------------------------


SYSTEMINFO = (
    "productmode=GXV3672_FHD\r\nhardwareversion=V0.2B\r\npartnumber=9670000302B\r\n"
    "bootloaderversion=1.0.2.5\r\ncoreversion=1.2.0.1\r\nbaseversion=1.2.0.5\r\n"
    "firmwareversion=1.2.0.5\r\nsystemrun=641\r\nmac=000B821EA32F\r\n"
)


def test_flat_body_like_the_document_example():
    reading = codec.parse_get(200, SYSTEMINFO)
    assert reading.value("mac") == "000B821EA32F"
    assert reading.value("firmwareversion") == "1.2.0.5"
    assert not reading.malformed and not reading.duplicates


def test_tolerates_line_endings_whitespace_junk_and_duplicates():
    body = "a=1\r\n\r\n  b = 2 \nno equals here\rc=x=y\r\n=novalue\r\na=3\n\x00\x01bin=1\n"
    reading = codec.parse_get(200, body)
    assert reading.value("a") == "3"
    assert reading.value("b") == "2"
    assert reading.value("c") == "x=y"
    assert reading.duplicates == ["a"]
    assert [text for _, text in reading.malformed] == ["no equals here", "=novalue", "??bin=1"]


def test_channel_blocks_and_region_slots():
    body = (
        "md.channel.count=2\r\n"
        "md.channel.index=0\r\nmd.active.enable=1\r\n"
        "md.regn.index=0\r\nmd.regn.leftup=32112645\r\nmd.regn.rightdown=43254240\r\n"
        "md.regn.sensitivity=50\r\n"
        "md.regn.index=1\r\nmd.regn.leftup=0\r\nmd.regn.rightdown=0\r\nmd.regn.sensitivity=1\r\n"
        "md_retrigger_interval=5\r\n"
        "md.channel.index=1\r\nmd.active.enable=0\r\n"
    )
    reading = codec.parse_get(200, body, layout_of(module("motiondetect")))
    assert reading.channels == [0, 1]
    assert reading.value("md.channel.count") == "2"
    assert reading.value("md_active_enable", channel=0) == "1"
    assert reading.value("md.active.enable", channel=1) == "0"
    regions = reading.block(0).records["regions"]
    assert [r["md.regn.leftup"] for r in regions] == ["32112645", "0"]
    assert reading.value("md_retrigger_interval", channel=0) == "5"


def test_schedule_list_as_in_the_document():
    body = (
        "md.regn.schedule.count=3\r\n"
        "md.regn.schedule.id=1\r\nmd.regn.index=0\r\nmd.regn.schedule.dayset=7\r\n"
        "md.regn.schedule.starttime=0\r\nmd.regn.schedule.endtime=86399\r\n"
        "md.regn.schedule.id=2\r\nmd.regn.index=0\r\nmd.regn.schedule.dayset=1\r\n"
        "md.regn.schedule.starttime=0\r\nmd.regn.schedule.endtime=4879\r\n"
        "md.regn.schedule.id=3\r\nmd.regn.index=1\r\nmd.regn.schedule.dayset=7\r\n"
        "md.regn.schedule.starttime=0\r\nmd.regn.schedule.endtime=86399\r\n"
    )
    reading = codec.parse_get(200, body, layout_of(module("motiondetect")))
    items = reading.block().records["schedules"]
    assert [(i["md.regn.schedule.id"], i["md.regn.index"]) for i in items] == [
        ("1", "0"), ("2", "0"), ("3", "1"),
    ]  # fmt: skip
    assert items[1]["md.regn.schedule.endtime"] == "4879"
    assert "regions" not in reading.block().records


def test_underscore_spelling_is_structured_the_same():
    body = "md_regn_index=0\r\nmd_regn_leftup=5\r\nmd_regn_index=1\r\nmd_regn_leftup=6\r\n"
    reading = codec.parse_get(200, body, layout_of(module("motiondetect")))
    assert [r["md_regn_leftup"] for r in reading.block().records["regions"]] == ["5", "6"]


def test_get_refusal_line_raises():
    with pytest.raises(NoPrivilegeError):
        codec.parse_get(200, "No Privilege\r\n")


# --- addresses --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "base", "user", "password"),
    [
        ("192.168.1.20", "http://192.168.1.20", None, None),
        ("admin:s3cr%40t@cam.local:8080", "http://cam.local:8080", "admin", "s3cr@t"),
        ("https://bob@10.0.0.5", "https://10.0.0.5", "bob", None),
        ("http://127.0.0.1:80/", "http://127.0.0.1", None, None),
    ],
)
def test_camera_address(text, base, user, password):
    address = CameraAddress.parse(text)
    assert address.base_url == base
    assert address.user == user
    assert address.password == password
    assert "s3cr" not in repr(address) and "s3cr" not in str(address)


@pytest.mark.parametrize("text", ["", "http://", "host:99999", "a b", "ftp://x"])
def test_bad_address_message_hides_password(text):
    with pytest.raises(AddressError):
        CameraAddress.parse(text)


def test_bad_address_error_redacts_password():
    with pytest.raises(AddressError) as info:
        CameraAddress.parse("admin:hunter2@bad host")
    assert "hunter2" not in str(info.value)


# --- MJPEG ------------------------------------------------------------------------------


def _jpeg(n: int) -> bytes:
    return b"\xff\xd8" + bytes([n % 200 + 1]) * (50 + n) + b"\xff\xd9"


def _stream(frames, boundary=b"frame", length=True, dashes=True):
    out = b""
    for f in frames:
        out += (b"--" if dashes else b"") + boundary + b"\r\nContent-Type: image/jpeg\r\n"
        if length:
            out += b"Content-Length: %d\r\n" % len(f)
        out += b"\r\n" + f + b"\r\n"
    return out


@pytest.mark.parametrize("length", [True, False])
@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_mjpeg_frames_in_any_chunking(length, chunk):
    frames = [_jpeg(i) for i in range(5)]
    data = _stream(frames, length=length)
    parser = MjpegParser("multipart/x-mixed-replace; boundary=--frame")
    got = []
    for i in range(0, len(data), chunk):
        got += parser.feed(data[i : i + chunk])
    assert got == frames


def test_mjpeg_without_boundary_header_or_dashes():
    frames = [_jpeg(i) for i in range(3)]
    parser = MjpegParser("multipart/x-mixed-replace")
    assert parser.feed(_stream(frames, dashes=False, length=False)) == frames


@given(st.binary(max_size=2000), st.integers(min_value=1, max_value=64))
def test_mjpeg_parser_never_crashes(data, chunk):
    parser = MjpegParser("multipart/x-mixed-replace; boundary=x")
    for i in range(0, len(data), chunk):
        for frame in parser.feed(data[i : i + chunk]):
            assert frame.startswith(b"\xff\xd8")
