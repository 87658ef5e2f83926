"""UPnP/SSDP and ONVIF WS-Discovery probes, sent from every network card and repeated.

Single multicast probes lose cameras (UDP drops, the OS picks one card). So each probe goes
out of one socket per local IPv4 address, several times, and every reply until the deadline
is collected. Multicast does not cross routers: the HTTP sweep (discovery.py) covers that.
"""

from __future__ import annotations

import contextlib
import re
import socket
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

SSDP_GROUP = ("239.255.255.250", 1900)
WSD_GROUP = ("239.255.255.250", 3702)

SSDP_SEARCH = (
    "M-SEARCH * HTTP/1.1\r\n"
    "HOST: 239.255.255.250:1900\r\n"
    'MAN: "ssdp:discover"\r\n'
    "MX: 2\r\n"
    "ST: ssdp:all\r\n\r\n"
)


def wsd_probe(types: str) -> str:
    """A WS-Discovery Probe for ``types`` (devices answer some types and not others)."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope" '
        'xmlns:w="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
        'xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" '
        'xmlns:dn="http://www.onvif.org/ver10/network/wsdl" '
        'xmlns:tds="http://www.onvif.org/ver10/device/wsdl">'
        "<e:Header>"
        f"<w:MessageID>uuid:{uuid.uuid4()}</w:MessageID>"
        "<w:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</w:To>"
        "<w:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</w:Action>"
        "</e:Header>"
        f"<e:Body><d:Probe><d:Types>{types}</d:Types></d:Probe></e:Body></e:Envelope>"
    )


WSD_PROBES = (wsd_probe("dn:NetworkVideoTransmitter"), wsd_probe("tds:Device"))


@dataclass(frozen=True)
class Reply:
    """A device that answered a multicast probe."""

    host: str
    via: str  # "ssdp" or "ws-discovery"
    location: str = ""
    server: str = ""


def parse_ssdp(data: bytes, host: str) -> Reply | None:
    """An SSDP answer (HTTP/1.1 200 OK with LOCATION/SERVER headers), or None."""
    text = data.decode("utf-8", errors="replace")
    if not text.upper().startswith(("HTTP/1.1 200", "NOTIFY")):
        return None
    headers = {}
    for line in text.split("\r\n")[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().upper()] = value.strip()
    return Reply(host, "ssdp", headers.get("LOCATION", ""), headers.get("SERVER", ""))


def parse_wsd(data: bytes, host: str) -> Reply | None:
    """A WS-Discovery ProbeMatch (its XAddrs give the service address), or None."""
    text = data.decode("utf-8", errors="replace")
    if "ProbeMatch" not in text:
        return None
    match = re.search(r"XAddrs>\s*([^<\s]+)", text)
    return Reply(host, "ws-discovery", match.group(1) if match else "")


def probe(
    local_addresses: Iterable[str],
    repeats: int = 3,
    interval: float = 0.7,
    listen: float = 2.5,
    targets: tuple[tuple[str, int], tuple[str, int]] = (SSDP_GROUP, WSD_GROUP),
    on_reply: Callable[[Reply], None] | None = None,
) -> list[Reply]:
    """Send SSDP and WS-Discovery probes from every local address; collect the replies.

    ``targets`` may be replaced (tests point it at a loopback responder).
    """
    sockets: list[tuple[socket.socket, str]] = []
    for address in local_addresses:
        for kind in ("ssdp", "ws-discovery"):
            sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
            try:
                sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 2)
                sock.setsockopt(
                    socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(address)
                )
                sock.bind((address, 0))
            except OSError:
                sock.close()
                continue
            sock.setblocking(False)
            sockets.append((sock, kind))
    replies: dict[tuple[str, str], Reply] = {}
    try:
        end = time.monotonic() + (repeats - 1) * interval + listen
        next_send, sent = time.monotonic(), 0
        while time.monotonic() < end:
            if sent < repeats and time.monotonic() >= next_send:
                for sock, kind in sockets:
                    messages = (
                        [SSDP_SEARCH.encode()]
                        if kind == "ssdp"
                        else [p.encode() for p in WSD_PROBES]
                    )
                    target = targets[0] if kind == "ssdp" else targets[1]
                    for message in messages:
                        with contextlib.suppress(OSError):
                            sock.sendto(message, target)
                sent += 1
                next_send = time.monotonic() + interval
            _receive(sockets, replies, on_reply)
            time.sleep(0.02)
    finally:
        for sock, _ in sockets:
            sock.close()
    return list(replies.values())


def _receive(
    sockets: list[tuple[socket.socket, str]],
    replies: dict[tuple[str, str], Reply],
    on_reply: Callable[[Reply], None] | None,
) -> None:
    for sock, kind in sockets:
        while True:
            try:
                data, (host, _port) = sock.recvfrom(65536)
            except (BlockingIOError, OSError):
                break
            reply = parse_ssdp(data, host) if kind == "ssdp" else parse_wsd(data, host)
            if reply is not None and (host, kind) not in replies:
                replies[(host, kind)] = reply
                if on_reply:
                    on_reply(reply)
