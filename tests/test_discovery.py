"""Discovery services: the sweep, merging by MAC, subnet hints, multicast probes on loopback."""

from __future__ import annotations

import ipaddress
import socket
import threading

import pytest
from conftest import TEST_PASSWORD

from gxvdesk.services import discovery, multicast, netinfo


def test_hosts_of_ranges():
    assert discovery.hosts_of(["192.168.1.0/30"]) == ["192.168.1.1", "192.168.1.2"]
    assert discovery.hosts_of(["10.0.0.5/32", "10.0.0.5"]) == ["10.0.0.5"]
    with pytest.raises(ValueError, match="at most a /16"):
        discovery.hosts_of(["10.0.0.0/8"])


def test_sweep_streams_results_and_merges_by_mac(sim_camera):
    cams = [sim_camera(), sim_camera("GXV3504")]
    seen = []
    ports = (cams[0].port, cams[1].port, cams[0].port)  # the same camera on a repeated port
    found = discovery.sweep(
        ["127.0.0.1/32"],
        ports=ports,
        auth=("admin", TEST_PASSWORD),
        timeout=1.0,
        on_found=seen.append,
    )
    assert sorted(f.mac for f in found) == sorted(c.mac for c in cams)
    assert len(seen) == 2
    assert all(f.is_grandstream_mac for f in found)


def test_sweep_without_credentials_flags_login_needed(sim_camera):
    cam = sim_camera()
    found = discovery.sweep(["127.0.0.1/32"], ports=(cam.port,), timeout=1.0)
    assert len(found) == 1 and found[0].needs_login and not found[0].model


def test_sweep_ignores_other_http_servers():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]

    def answer() -> None:
        conn, _ = server.accept()
        conn.recv(1024)
        conn.sendall(b"HTTP/1.0 404 Not Found\r\n\r\n")
        conn.close()

    threading.Thread(target=answer, daemon=True).start()
    try:
        assert discovery.sweep(["127.0.0.1/32"], ports=(port,), timeout=1.0) == []
    finally:
        server.close()


def test_subnet_hint():
    nets = [ipaddress.IPv4Network("10.0.0.0/24")]
    assert netinfo.subnet_hint("192.168.1.20", nets) == "on 192.168.1.x; this laptop is on 10.0.0.x"
    assert netinfo.subnet_hint("10.0.0.7", nets) == ""
    assert netinfo.subnet_hint("not-an-ip", nets) == ""


class Responder:
    """A loopback stand-in for cameras answering SSDP and WS-Discovery."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.received = 0
        self.running = True
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    @property
    def address(self) -> tuple[str, int]:
        return self.sock.getsockname()

    def run(self) -> None:
        while self.running:
            try:
                data, sender = self.sock.recvfrom(65536)
            except OSError:
                continue
            self.received += 1
            if self.kind == "ssdp" and data.startswith(b"M-SEARCH"):
                reply = (
                    b"HTTP/1.1 200 OK\r\nLOCATION: http://127.0.0.1:8080/desc.xml\r\n"
                    b"SERVER: Linux UPnP/1.0 GXV3672_FHD\r\nST: upnp:rootdevice\r\n\r\n"
                )
                self.sock.sendto(reply, sender)
            elif self.kind == "wsd" and b"Probe" in data:
                reply = (
                    b"<e:Envelope><e:Body><d:ProbeMatches><d:ProbeMatch>"
                    b"<d:XAddrs>http://127.0.0.1/onvif/device_service</d:XAddrs>"
                    b"</d:ProbeMatch></d:ProbeMatches></e:Body></e:Envelope>"
                )
                self.sock.sendto(reply, sender)

    def stop(self) -> None:
        self.running = False
        self.thread.join(1)
        self.sock.close()


def test_multicast_probes_are_repeated_and_answers_collected():
    ssdp, wsd = Responder("ssdp"), Responder("wsd")
    try:
        replies = multicast.probe(
            ["127.0.0.1"], repeats=3, interval=0.1, listen=0.5, targets=(ssdp.address, wsd.address)
        )
    finally:
        ssdp.stop()
        wsd.stop()
    assert ssdp.received == 3, "SSDP M-SEARCH is sent again: single probes lose cameras"
    assert wsd.received == 6, "two WS-Discovery probe types, three times each"
    by_kind = {r.via: r for r in replies}
    assert by_kind["ssdp"].location == "http://127.0.0.1:8080/desc.xml"
    assert "GXV3672_FHD" in by_kind["ssdp"].server
    assert by_kind["ws-discovery"].location == "http://127.0.0.1/onvif/device_service"
    assert len(replies) == 2, "repeated answers from one host are merged"


def test_multicast_parsers_refuse_noise():
    assert multicast.parse_ssdp(b"garbage", "1.2.3.4") is None
    assert multicast.parse_wsd(b"<Hello/>", "1.2.3.4") is None
