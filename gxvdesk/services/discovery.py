"""Finding cameras: a fast concurrent HTTP sweep of address ranges.

Multicast discovery does not cross routers, and a technician's laptop often sits on another
subnet than the cameras. So the sweep is the backbone: every address of the given ranges is
connected to at once with non-blocking sockets (a closed or empty address costs nothing but
the timeout, shared by all), and only hosts with an open port are asked over HTTP whether
they are a GXV device (``/goform/systeminfo?cmd=get``). Results stream out as they are found.
"""

from __future__ import annotations

import errno
import ipaddress
import selectors
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests

from ..protocol import codec

GRANDSTREAM_OUI = "000B82"
DEFAULT_PORTS = (80,)
MAX_HOSTS = 65536


@dataclass
class Found:
    """A device that answered like a GXV camera."""

    host: str
    port: int
    model: str = ""
    firmware: str = ""
    mac: str = ""
    needs_login: bool = False
    seen_by: set[str] = field(default_factory=lambda: {"sweep"})
    elapsed: float = 0.0

    @property
    def url(self) -> str:
        return f"http://{self.host}" + ("" if self.port == 80 else f":{self.port}")

    @property
    def is_grandstream_mac(self) -> bool:
        return self.mac.upper().replace(":", "").startswith(GRANDSTREAM_OUI)

    def describe(self) -> str:
        if self.needs_login:
            return f"{self.host}:{self.port}  (login needed to read model and MAC)"
        return f"{self.host}:{self.port}  {self.model}  {self.firmware}  {self.mac}"


def hosts_of(cidrs: Iterable[str]) -> list[str]:
    """Every host address of the given ranges, in order, without duplicates."""
    seen: dict[str, None] = {}
    for cidr in cidrs:
        net = ipaddress.ip_network(cidr.strip(), strict=False)
        if net.num_addresses > MAX_HOSTS:
            raise ValueError(f"{cidr} has {net.num_addresses} addresses; sweep at most a /16")
        hosts = [net.network_address] if net.num_addresses == 1 else net.hosts()
        for host in hosts:
            seen.setdefault(str(host), None)
    return list(seen)


def _connect_batch(
    targets: list[tuple[str, int]], timeout: float, cancelled: Callable[[], bool]
) -> Iterator[tuple[str, int]]:
    selector = selectors.DefaultSelector()
    try:
        for host, port in targets:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setblocking(False)
            code = sock.connect_ex((host, port))
            if code in (0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY):
                selector.register(sock, selectors.EVENT_WRITE, (host, port))
            else:
                sock.close()
        deadline = time.monotonic() + timeout
        while selector.get_map() and not cancelled():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            for key, _ in selector.select(min(remaining, 0.1)):
                ready = key.fileobj
                if not isinstance(ready, socket.socket):  # only sockets are registered
                    continue
                selector.unregister(ready)
                ok = ready.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0
                ready.close()
                if ok:
                    yield key.data
    finally:
        for key in list(selector.get_map().values()):
            key.fileobj.close()  # type: ignore[union-attr]
        selector.close()


def identify(host: str, port: int, auth: tuple[str, str] | None, timeout: float) -> Found | None:
    """Ask one open port whether it is a GXV device; None when it is something else."""
    url = f"http://{host}:{port}/goform/systeminfo?cmd=get"
    try:
        response = requests.get(url, auth=auth, timeout=(timeout, timeout))
    except requests.RequestException:
        return None
    if response.status_code == 401:
        realm = response.headers.get("WWW-Authenticate", "")
        return Found(host, port, needs_login=True) if "basic" in realm.lower() else None
    if response.status_code != 200:
        return None
    reading = codec.structure(codec.parse_pairs(response.text))
    model = reading.value("productmode")
    if not model:
        return None
    return Found(
        host,
        port,
        model=model,
        firmware=reading.value("firmwareversion") or "",
        mac=(reading.value("mac") or "").upper(),
    )


def sweep(
    cidrs: Iterable[str],
    ports: Sequence[int] = DEFAULT_PORTS,
    auth: tuple[str, str] | None = None,
    timeout: float = 2.0,
    on_found: Callable[[Found], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    workers: int = 32,
) -> list[Found]:
    """Sweep the ranges; every GXV device found is passed to ``on_found`` at once.

    ``timeout`` bounds the TCP connect phase of each batch and each HTTP probe. A device
    seen twice (two ports) is reported once, merged by MAC. Returns the merged list.
    """
    hosts = hosts_of(cidrs)
    started = time.monotonic()
    by_key: dict[str, Found] = {}
    lock = threading.Lock()

    def probe(host: str, port: int) -> None:
        result = identify(host, port, auth, timeout)
        if result is None or cancelled():
            return
        result.elapsed = time.monotonic() - started
        key = result.mac or f"{host}:{port}"
        with lock:
            if key in by_key:
                by_key[key].seen_by |= result.seen_by
                return
            by_key[key] = result
        if on_found:
            on_found(result)

    total = len(hosts) * len(ports)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sweep") as pool:
        done = 0
        for batch in _batches([(h, p) for h in hosts for p in ports], 512):
            if cancelled():
                break
            for host, port in _connect_batch(batch, timeout, cancelled):
                pool.submit(probe, host, port)
            done += len(batch)
            if on_progress:
                on_progress(done, total)
    return list(by_key.values())


def _batches(items: list[tuple[str, int]], size: int) -> Iterator[list[tuple[str, int]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def merge_by_mac(found: Iterable[Found]) -> list[Found]:
    """One entry per device: the same MAC seen twice (two ports, two probes) merges."""
    by_key: dict[str, Found] = {}
    for item in found:
        key = item.mac or f"{item.host}:{item.port}"
        if key in by_key:
            by_key[key].seen_by |= item.seen_by
        else:
            by_key[key] = item
    return list(by_key.values())
