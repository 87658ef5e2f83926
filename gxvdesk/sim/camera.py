"""One simulated camera: its state, its HTTP server's life (start, reboot, stop), a test API."""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import threading
import time
from dataclasses import replace
from typing import Any

from gxvdesk.registry import model_info

from . import commands, pictures, rules, scene
from .defaults import Identity, canonical
from .faults import Flaky, check_fault
from .ptz import PtzHead
from .server import CameraServer, RequestLog
from .state import Block, CameraState, ModuleState

log = logging.getLogger(__name__)

SPELLINGS = (None, "dots", "underscores")


class SimCamera:
    """A Grandstream GXV camera on a loopback port, speaking the goform HTTP API."""

    def __init__(self, model: str = "GXV3672_FHD", host: str = "127.0.0.1", port: int = 0,
                 user: str = "admin", password: str = "admin", spelling: str | None = None,
                 fault: str | None = None, index: int = 0, prerendered: bool = False,
                 reboot_seconds: float = 3.0, slow_seconds: float = 1.5) -> None:  # fmt: skip
        if spelling not in SPELLINGS:
            raise ValueError(f"spelling must be one of {SPELLINGS}, not {spelling!r}")
        self.model = model_info(model)
        self.host = host
        self.port = port
        self.spelling = spelling
        self.fault = check_fault(fault)
        self.index = index
        self.prerendered = prerendered
        self.reboot_seconds = reboot_seconds
        self.slow_seconds = slow_seconds
        self.started_at = time.monotonic()
        self.epoch = time.monotonic()  # scene time 0: where the moving object starts
        self.flaky = Flaky()
        self.state = CameraState(Identity(self.model, index, host, port, user, password), spelling)
        self.ptz_heads = [PtzHead() for _ in range(self.model.channels)] if self.model.ptz else []
        self.stopped = threading.Event()
        self.generation = 0  # bumped when the server goes down; open streams end
        self._life = threading.RLock()
        self._server: CameraServer | None = None
        self._log_lock = threading.Lock()
        self._requests: list[RequestLog] = []
        self._frames: dict[scene.FrameSpec, bytes] = {}

    def __repr__(self) -> str:
        return f"SimCamera({self.model.name!r}, url={self.url!r}, index={self.index})"

    # life -------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def mac(self) -> str:
        return self.state.identity.mac

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self) -> SimCamera:
        """Start listening (``port=0`` picks a free port); returns the camera."""
        with self._life:
            self.stopped.clear()
            if self._server is None:
                self._bind(self.host, self.port)
        if self.prerendered:
            threading.Thread(target=self._warm_frames, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop listening and end open streams."""
        self.stopped.set()
        with self._life:
            self._unbind()

    def __enter__(self) -> SimCamera:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _bind(self, host: str, port: int) -> None:
        server = CameraServer((host, port), self)
        self._server = server
        self.host, self.port = host, server.server_address[1]
        self.state.identity = replace(self.state.identity, host=self.host, port=self.port)
        self._sync_address()
        self.started_at = time.monotonic()
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                         name=f"gxvsim-{self.port}", daemon=True).start()  # fmt: skip

    def _unbind(self) -> None:
        server, self._server = self._server, None
        self.generation += 1
        if server is not None:
            server.shutdown()
            server.server_close()

    def _sync_address(self) -> None:
        """The network settings show where the camera really listens."""
        ms = self.state.modules.get("network")
        if ms is None:
            return
        with self.state.lock:
            for p in ms.stored_params():
                if p.key == "httpport":
                    ms.blocks[0].values[p.name] = str(self.port)
                elif p.key == "ipaddress":
                    ms.blocks[0].values[p.name] = self.host

    def _next_address(self) -> tuple[str, int]:
        """Where to listen after a reboot: pending network changes (loopback addresses only)."""
        host, port = self.host, self.port
        ms = self.state.modules.get("network")
        if ms is None:
            return host, port
        values = {p.key: ms.blocks[0].values.get(p.name, "") for p in ms.stored_params()}
        if values.get("httpport", "").isdigit():
            port = int(values["httpport"])
        try:
            if ipaddress.IPv4Address(values.get("ipaddress", "")).is_loopback:
                host = values["ipaddress"]
        except ValueError:
            pass
        return host, port

    def schedule_reboot(self, restore: bool = False) -> None:
        """Go down now (the answer still goes out), come back after ``reboot_seconds``."""
        down = threading.Event()
        threading.Thread(target=self._reboot, args=(restore, down), daemon=True).start()
        down.wait(5.0)

    def _reboot(self, restore: bool, down: threading.Event) -> None:
        with self._life:
            self._unbind()
        down.set()
        if restore:
            self._restore()
        if self.stopped.wait(self.reboot_seconds):
            return
        old = (self.host, self.port)
        with self._life:
            if self.stopped.is_set() or self._server is not None:
                return
            for host, port in (self._next_address(), old, (old[0], 0)):
                try:
                    self._bind(host, port)
                    break
                except OSError as exc:
                    log.warning("simulated camera cannot listen on %s:%s: %s", host, port, exc)

    def _restore(self) -> None:
        """Factory reset: every setting to its default; identity and address stay."""
        self.state = CameraState(self.state.identity, self.spelling)
        self.ptz_heads = [PtzHead() for _ in self.ptz_heads]
        self._sync_address()

    # behaviour used by the server and the rules ------------------------------------------

    def scene_time(self) -> float:
        return time.monotonic() - self.epoch

    def motion_active(self, channel: int = 0) -> bool:
        """Whether the moving object is inside an enabled motion region right now."""
        return pictures.motion_active(self.state, channel, self.scene_time())

    def ptz_position(self, channel: int = 0) -> tuple[float, float, float]:
        """Pan (0-360), tilt (-90..90) and zoom (1-20) of a channel's PTZ head."""
        if not self.ptz_heads:
            raise ValueError(f"{self.model.name} has no PTZ")
        return self.ptz_heads[channel].position()

    def ptz_command(self, channel: int, control: int, param: int) -> None:
        if self.ptz_heads:
            self.ptz_heads[min(channel, len(self.ptz_heads) - 1)].command(control, param)

    def live(self, module: str, name: str, stored: dict[str, str], channel: int) -> str | None:
        return rules.live_value(self, module, name, stored, channel)

    def after_set(self, module: str, outcome: commands.Outcome) -> None:
        """Side effects of a successful set: linked values, reboot, PTZ moves."""
        for name, value in outcome.changed.items():
            for other, other_name in rules.linked(module, name):
                with contextlib.suppress(KeyError):
                    self.set_value(other, other_name, value)
        rules.after_set(self, module, outcome.channel, outcome.changed)

    def frame(self, v: pictures.View) -> bytes:
        """The JPEG of view ``v`` now."""
        ptz = self.ptz_heads[v.channel].position() if self.ptz_heads else None
        spec = pictures.frame_spec(self.state, v, self.scene_time(), ptz, self.prerendered)
        if not self.prerendered:
            return scene.render(spec)
        jpeg = self._frames.get(spec)
        if jpeg is None:
            if len(self._frames) > 400:
                self._frames.clear()
            jpeg = self._frames[spec] = scene.encode(spec)
        return jpeg

    def _warm_frames(self) -> None:
        """Pre-render one cycle of the primary view so benchmarks start at full speed."""
        v = pictures.View(0, 0, "primary")
        for phase in range(0, scene.PHASES, 4):
            if self.stopped.is_set():
                return
            t = phase / scene.PHASES * scene.CYCLE_SECONDS
            ptz = self.ptz_heads[0].position() if self.ptz_heads else None
            spec = pictures.frame_spec(self.state, v, t, ptz, prerendered=True)
            if spec not in self._frames:
                self._frames[spec] = scene.encode(spec)

    def record(self, entry: RequestLog) -> None:
        with self._log_lock:
            self._requests.append(entry)

    # test API ---------------------------------------------------------------------------

    @property
    def requests(self) -> list[RequestLog]:
        """Every request received, in order."""
        with self._log_lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self._log_lock:
            self._requests.clear()

    def _block(self, ms: ModuleState, channel: int) -> Block:
        return ms.blocks[channel if ms.multi_channel else 0]

    def value(self, module: str, name: str, channel: int = 0, slot: int | None = None) -> str:
        """A current wire value by registry name (any spelling)."""
        ms, p = self.state.find(module, name)
        block = self._block(ms, channel)
        with self.state.lock:
            if p.key in ms.count_keys:
                record = ms.count_keys[p.key]
                store = block.slots if record.kind == "slots" else block.lists
                return str(len(store[record.name]))
            if slot is not None:
                return self._slot(ms, block, p.name, slot)[p.name]
            live = self.live(module, p.name, block.values, channel)
            return live if live is not None else block.values[p.name]

    def set_value(self, module: str, name: str, value: Any, channel: int = 0,
                  slot: int | None = None) -> None:  # fmt: skip
        """Change a value directly (test setup); friendly forms like ``1280x720`` are accepted."""
        ms, p = self.state.find(module, name)
        wire = canonical(p.type_for(self.model.name), value)
        block = self._block(ms, channel)
        with self.state.lock:
            if slot is not None:
                self._slot(ms, block, p.name, slot)[p.name] = wire
            elif p.name in block.values:
                block.values[p.name] = wire
            else:
                raise KeyError(f"{module} {p.name} is not a stored value (use slot= for records)")

    def _slot(self, ms: ModuleState, block: Block, name: str, slot: int) -> dict[str, str]:
        for record in ms.slot_records():
            if name in {p.name for p in ms.record_params[record.name]}:
                found = ms.slot(block, record, str(slot))
                if found is None:
                    raise KeyError(f"{record.name} has no slot {slot}")
                return found
        raise KeyError(f"{name} is not a field of a slots record")

    def items(self, module: str, record_name: str, channel: int = 0) -> list[dict[str, str]]:
        """Copies of a list record's items, keyed by registry name."""
        ms = self.state.modules[module]
        block = self._block(ms, channel)
        for record in ms.records:
            if record.name == record_name or any(p.matches(record_name) for p in record.params):
                store = block.slots if record.kind == "slots" else block.lists
                with self.state.lock:
                    return [dict(i) for i in store[record.name]]
        raise KeyError(f"{module} has no record {record_name!r}")
