"""This computer's networks: which ranges to sweep, and whether a camera is on one of them."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

import psutil


@dataclass(frozen=True)
class Interface:
    name: str
    address: ipaddress.IPv4Address
    network: ipaddress.IPv4Network


def interfaces(include_loopback: bool = False) -> list[Interface]:
    """Every IPv4 address of every network card (psutil: works on Linux, Windows, macOS)."""
    out = []
    for name, addrs in psutil.net_if_addrs().items():
        for addr in addrs:
            if addr.family != socket.AF_INET or not addr.netmask:
                continue
            ip = ipaddress.IPv4Address(addr.address)
            if ip.is_loopback and not include_loopback:
                continue
            if ip.is_link_local:
                continue
            net = ipaddress.IPv4Network(f"{addr.address}/{addr.netmask}", strict=False)
            out.append(Interface(name, ip, net))
    return out


def local_networks(prefix: int = 24) -> list[ipaddress.IPv4Network]:
    """The /``prefix`` around each interface address (the default sweep), without duplicates."""
    seen: dict[ipaddress.IPv4Network, None] = {}
    for iface in interfaces():
        seen.setdefault(ipaddress.IPv4Network(f"{iface.address}/{prefix}", strict=False), None)
    return list(seen)


def subnet_hint(host: str, nets: list[ipaddress.IPv4Network] | None = None) -> str:
    """A plain hint when ``host`` is outside every network of this computer, else ``""``.

    >>> subnet_hint("192.168.1.20", [ipaddress.IPv4Network("10.0.0.0/24")])
    'on 192.168.1.x; this laptop is on 10.0.0.x'
    """
    try:
        ip = ipaddress.IPv4Address(host)
    except ValueError:
        return ""
    if ip.is_loopback:
        return ""
    nets = nets if nets is not None else [i.network for i in interfaces()]
    if not nets or any(ip in net for net in nets):
        return ""
    mine = ", ".join(_x(net.network_address) for net in nets)
    return f"on {_x(ip)}; this laptop is on {mine}"


def _x(ip: ipaddress.IPv4Address) -> str:
    return ".".join(str(ip).split(".")[:3]) + ".x"
