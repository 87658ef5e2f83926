"""The HTTP side of a simulated camera: Basic auth, routing, replies, snapshots, MJPEG.

Requests are parsed here with ``urllib.parse`` and replies written by hand; the client's
wire codec (``gxvdesk.protocol``) is deliberately not used, so a codec bug cannot hide.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from gxvdesk.registry.naming import name_key

from . import auth, commands, pictures, replies, rules
from .faults import CUT_AFTER_FRAMES, garble

if TYPE_CHECKING:
    from .camera import SimCamera

log = logging.getLogger(__name__)

BOUNDARY = "gxvsimframe"
SNAPSHOT = re.compile(r"/snapshot/view(\d)\.jpg")
STREAM_PATH = "/goform/stream"
MD_STATUS = name_key("md_statu")  # cmd=get&md_statu asks for the motion alarm state
GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


@dataclass
class RequestLog:
    """One request as received: ``params`` are the (name, value) pairs sent, ``cmd`` aside."""

    method: str
    path: str
    module: str | None
    cmd: str | None
    params: list[tuple[str, str]]
    time: float
    user: str | None = None
    status: int | None = field(default=None, compare=False)


class CameraServer(ThreadingHTTPServer):
    """One camera's listening socket; request threads are daemons."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], camera: SimCamera) -> None:
        self.camera = camera
        super().__init__(address, Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("simulated camera: error serving %s", client_address, exc_info=True)


class Handler(BaseHTTPRequestHandler):
    """Serves one request (HTTP/1.0: one request per connection)."""

    protocol_version = "HTTP/1.0"
    server: CameraServer

    def version_string(self) -> str:
        return "GXV-sim/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    # request -> reply ---------------------------------------------------------------------

    def _serve(self) -> None:
        try:
            self._handle()
        except GONE:
            self.close_connection = True

    def _handle(self) -> None:
        cam = self.server.camera
        url = urlsplit(self.path)
        pairs = parse_qsl(url.query, keep_blank_values=True)
        if self.command == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length > 0 else b""
            pairs += parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True)
        path = url.path
        module = path[len("/goform/") :] if path.startswith("/goform/") else None
        cmd = next((v for k, v in pairs if k == "cmd"), None)
        params = [(k, v) for k, v in pairs if k != "cmd"]
        creds = auth.credentials(self.headers.get("Authorization"))
        self.entry = RequestLog(self.command, path, module, cmd, params, time.monotonic(),
                                creds[0] if creds else None)  # fmt: skip
        cam.record(self.entry)

        if cam.fault == "flaky":
            failure = cam.flaky.next_failure()
            if failure == "drop":
                self.entry.status = 0
                self.close_connection = True
                return
            if failure == "503":
                return self._reply(503, b"Service Unavailable\r\n")
        if cam.fault == "slow" and cam.stopped.wait(cam.slow_seconds):
            return
        picture = SNAPSHOT.fullmatch(path) is not None or path == STREAM_PATH
        level = None
        if cam.fault != "authfail":
            if creds is not None:
                level = auth.level_of(cam.state, *creds)
            elif picture and auth.anonymous_enabled(cam.state):
                level = auth.ANONYMOUS
        if level is None:
            return self._unauthorized()

        if (snap := SNAPSHOT.fullmatch(path)) is not None:
            return self._snapshot(int(snap.group(1)))
        if path == STREAM_PATH:
            return self._stream(cmd, params)
        if module is None:
            return self._reply(404, b"Not Found\r\n")
        self._goform(module, cmd, params, level)

    def _goform(self, module: str, cmd: str | None, params: commands.Pairs, level: int) -> None:
        cam = self.server.camera
        state = cam.state
        ms = state.modules.get(module)
        if ms is None or not cmd:
            return self._reply(404, b"Not Found\r\n")
        asks_status = cmd == "get" and any(name_key(k) == MD_STATUS for k, _ in params)
        if module == "motiondetect" and (cmd == "get_md_statu" or asks_status):
            return self._md_status(params, level)
        if cmd not in ms.module.verbs:
            return self._reply(404, b"Not Found\r\n")
        if level == auth.ANONYMOUS:
            return self._reply(200, replies.text("No Privilege"))
        if cmd == "get":
            try:
                channel, _ = commands.take_channel(state, ms, params)
            except commands.Refused:
                return self._reply(404, b"Not Found\r\n")
            keys = ("channel", *self._channel_keys(ms))
            wanted = channel if any(k in keys for k, _ in params) else None
            lines = replies.get_lines(state, ms, wanted, cam.live)
            data = garble(lines) if cam.fault == "garbage" else replies.body(lines)
            return self._reply(200, data)
        if cmd == "search":
            return self._reply(200, replies.body(self._search_lines(module)))
        if level != auth.ADMIN:
            return self._reply(200, replies.text("No Privilege"))
        if cmd == "set":
            outcome = commands.set_values(state, ms, params)
            if outcome.ok:
                cam.after_set(module, outcome)
        elif cmd == "add":
            outcome = commands.add_item(state, ms, params)
        elif cmd == "remove":
            outcome = commands.remove_items(state, ms, params)
        else:  # reg, format, upload, del: accepted, nothing to simulate
            outcome = commands.Outcome(commands.SUCCESS)
        self._reply(200, replies.text(outcome.text))

    def _channel_keys(self, ms: Any) -> tuple[str, ...]:
        key = ms.module.channel_key
        return (self.server.camera.state.wire(key),) if key else ()

    def _md_status(self, params: commands.Pairs, level: int) -> None:
        cam = self.server.camera
        if level == auth.ANONYMOUS:
            return self._reply(200, replies.text("No Privilege"))
        ms = cam.state.modules["motiondetect"]
        try:
            rest = [p for p in params if name_key(p[0]) != MD_STATUS]
            channel, _ = commands.take_channel(cam.state, ms, rest)
        except commands.Refused:
            return self._reply(404, b"Not Found\r\n")
        param = ms.module.find("md_alarm_statu")
        name = cam.state.wire(param.name) if param is not None else "md_alarm_statu"
        self._reply(200, replies.body([(name, "1" if cam.motion_active(channel) else "0")]))

    def _search_lines(self, module: str) -> replies.Lines:
        if module != "wireless":
            return []
        state = self.server.camera.state
        ms = state.modules[module]
        index = ms.module.find("search.ssid.index")
        ssid = ms.module.find("search.ssid")
        index_name = state.wire(index.name if index else "search.ssid.index")
        ssid_name = state.wire(ssid.name if ssid else "search.ssid")
        out: replies.Lines = []
        for i, (network, signal) in enumerate(rules.SEARCH_RESULTS, 1):
            out += [(index_name, str(i)), (ssid_name, f"{network},{signal}")]
        return out

    # pictures ----------------------------------------------------------------------------

    def _snapshot(self, number: int) -> None:
        cam = self.server.camera
        v = pictures.view(cam.model, number)
        if v is None:
            return self._reply(404, b"Not Found\r\n")
        self._reply(200, cam.frame(v), "image/jpeg")

    def _stream(self, cmd: str | None, params: commands.Pairs) -> None:
        cam = self.server.camera
        channel = next((v for k, v in params if k == "channel"), "0")
        v = pictures.view(cam.model, int(channel)) if channel.isdigit() else None
        if cmd != "get" or v is None or not pictures.is_mjpeg(cam.state, v):
            return self._reply(404, b"Not Found\r\n")
        self.entry.status = 200
        self.send_response(200)
        self.send_header("Content-Type", f"multipart/x-mixed-replace; boundary={BOUNDARY}")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        generation, sent = cam.generation, 0
        interval = 1.0 / pictures.frame_rate(cam.state, v)
        due = time.monotonic()
        while not cam.stopped.is_set() and cam.generation == generation:
            jpeg = cam.frame(v)
            head = (
                f"--{BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Length: {len(jpeg)}\r\n\r\n"
            ).encode()
            if cam.fault == "cutstream" and sent == CUT_AFTER_FRAMES:
                self.wfile.write(head + jpeg[: len(jpeg) // 2])
                break
            self.wfile.write(head + jpeg + b"\r\n")
            sent += 1
            due += interval
            delay = due - time.monotonic()
            if delay < -1.0:
                due = time.monotonic()
            elif delay > 0:
                cam.stopped.wait(delay)
        self.close_connection = True

    # replies -----------------------------------------------------------------------------

    def _reply(self, status: int, body: bytes, content_type: str = "text/plain") -> None:
        self.entry.status = status
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def _unauthorized(self) -> None:
        body = b"401 Unauthorized\r\n"
        self.entry.status = 401
        self.send_response(401)
        self.send_header("WWW-Authenticate", auth.REALM)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
