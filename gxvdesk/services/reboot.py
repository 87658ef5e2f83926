"""Reboot a camera and follow it until it answers again, possibly at a new address.

A network change (IP, port, DHCP) is a transaction: the camera keeps its identity (MAC),
and after the reboot it is looked for at its new address, then by MAC with a sweep of the
computer's networks, until it answers or the deadline passes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..protocol.address import CameraAddress
from ..protocol.client import Camera
from ..protocol.errors import CameraError, OutcomeUnknownError
from . import discovery, netinfo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Back:
    """Where a rebooted camera answered."""

    url: str
    moved: bool
    seconds: float


class NotBackError(CameraError):
    """The camera did not answer again before the deadline."""


def expected_url(current: CameraAddress, pending: dict[str, str]) -> str:
    """The base URL the camera should answer at after a reboot with ``pending`` network values."""
    host = pending.get("ipaddress") or current.host
    port = int(pending.get("httpport") or current.effective_port)
    scheme = current.scheme
    default = 443 if scheme == "https" else 80
    return f"{scheme}://{host}" + ("" if port == default else f":{port}")


def send_reboot(camera: Camera) -> None:
    """``maintenance restart=yes``; a camera that drops the line while restarting is fine."""
    try:
        camera.set("maintenance", {"restart": "yes"})
    except OutcomeUnknownError:
        log.info("%s: no answer to the restart command; following it as a reboot", camera.name)


def wait_until_back(
    camera: Camera,
    mac: str,
    pending: dict[str, str],
    deadline_s: float = 180.0,
    poll_s: float = 1.0,
    status: Callable[[str], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    sweep_ports: tuple[int, ...] = (),
) -> Back:
    """Poll the expected address (and the old one) until the camera with ``mac`` answers.

    With DHCP switched on the new address is unknown: the computer's networks are swept for
    the MAC every 15 s. Raises :class:`NotBackError` with a hint when the deadline passes.
    """
    start = time.monotonic()
    old_url = camera.address.base_url
    candidates = dict.fromkeys([expected_url(camera.address, pending), old_url])
    auth = camera.credentials  # the same credentials follow the camera
    last_sweep = 0.0
    dhcp = pending.get("enabledhcp") == "1"
    while time.monotonic() - start < deadline_s and not cancelled():
        for url in candidates:
            user, password = auth or (None, None)
            probe = Camera(
                url, user=user, password=password, timeout=min(3.0, poll_s * 3), retries=0
            )
            try:
                identity = probe.identify()
            except CameraError:
                continue
            finally:
                probe.close()
            if not mac or identity.mac.upper() == mac.upper():
                return Back(url, url != old_url, time.monotonic() - start)
        if dhcp and time.monotonic() - last_sweep > 15:
            last_sweep = time.monotonic()
            if status:
                status("looking for the camera by MAC on this computer's networks")
            ports = sweep_ports or (int(pending.get("httpport") or camera.address.effective_port),)
            nets = [str(n) for n in netinfo.local_networks()]
            for found in discovery.sweep(nets, ports=ports, auth=auth, timeout=1.0):
                if found.mac.upper() == mac.upper():
                    return Back(found.url, True, time.monotonic() - start)
        if status:
            status(f"rebooting… {int(time.monotonic() - start)} s")
        time.sleep(poll_s)
    where = " or ".join(candidates)
    raise NotBackError(
        f"the camera did not answer at {where} within {deadline_s:.0f} s; "
        "check its new address with Discover, or its cable and power"
    )
