"""One connection object per camera: HTTP Basic, timeouts, retries, spelling learned per device.

>>> cam = Camera(CameraAddress.parse("192.0.2.10"), user="admin", password="admin")
>>> cam.url("audio_video", "get")
'http://192.0.2.10/goform/audio_video?cmd=get'
"""

from __future__ import annotations

import http.client
import logging
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import requests
import urllib3

from ..registry import Module, Spelling, model_info, module, validate
from ..registry.types import InvalidValueError
from . import codec
from .address import CameraAddress
from .errors import (
    CameraBusyError,
    CameraError,
    CameraTimeoutError,
    ConnectionFailedError,
    OutcomeUnknownError,
    ProtocolError,
    StreamNotMjpegError,
)
from .mjpeg import MjpegParser

log = logging.getLogger(__name__)

Values = Mapping[str, Any] | Sequence[tuple[str, Any]]

#: Verbs whose repetition after a dropped connection changes nothing.
IDEMPOTENT_VERBS = frozenset({"get", "set", "search"})


class InvalidSettingsError(ValueError):
    """Values refused by the registry before anything was sent (``errors`` lists each)."""

    exit_code = 2

    def __init__(self, module_name: str, errors: list[Any]) -> None:
        self.module = module_name
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


@dataclass(frozen=True)
class Identity:
    """Who a camera is, from its systeminfo page."""

    model: str
    firmware: str
    mac: str
    name: str = ""
    cameratype: str = ""


def layout_of(mod: Module) -> codec.Layout:
    """How the codec cuts a GET reply of ``mod`` into channels and records."""
    records = tuple(
        codec.RecordLayout.of(
            r.name, r.key, [p.name for p in r.params] + ([r.parent] if r.parent else [])
        )
        for r in mod.records
    )
    return codec.Layout(mod.channel_key, records)


def _pairs(values: Values) -> list[tuple[str, Any]]:
    return list(values.items()) if isinstance(values, Mapping) else list(values)


def _masked(mod: Module, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs safe to log: the values of the registry's secrets replaced by ``***``."""
    return [(n, "***" if (p := mod.find(n)) is not None and p.secret else v) for n, v in pairs]


def _is_connection_drop(exc: BaseException) -> bool:
    """Whether a connection error is a reset/abort (retry-safe) rather than a refusal."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, ConnectionRefusedError):
            return False
        if isinstance(current, (ConnectionResetError, http.client.RemoteDisconnected)):
            return True
        stack.extend([current.__cause__, current.__context__])
        stack.extend(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            stack.append(reason)
    return "Connection aborted" in str(exc) or "Connection reset" in str(exc)


class Camera:
    """A camera reached over the goform HTTP API.

    Blocking and thread-safe enough to be used from an executor: the desktop app never calls
    it on the UI thread. Every call has a connect and read timeout.
    """

    def __init__(
        self,
        address: CameraAddress | str,
        *,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 5.0,
        retries: int = 2,
        backoff: float = 0.3,
        session: requests.Session | None = None,
    ) -> None:
        if isinstance(address, str):
            address = CameraAddress.parse(address)
        self.address = address
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self._session = session or requests.Session()
        self._session.headers["User-Agent"] = "gxvdesk"
        # Cameras sit on the LAN: a laptop's proxy variables must not reroute them, and the
        # per-request environment lookup costs ~1 ms (see benchmarks/README.md, PTZ figures).
        self._session.trust_env = False
        user = user if user is not None else address.user
        password = password if password is not None else address.password
        self._session.auth = (user or "admin", password or "") if (user or password) else None
        self.spelling = Spelling()
        self._read_modules: set[str] = set()
        self._lock = threading.Lock()
        self._model: str | None = None

    # -- plumbing ----------------------------------------------------------------------

    @property
    def credentials(self) -> tuple[str, str] | None:
        """(user, password) sent with every request, or None (never shown in reprs)."""
        auth = self._session.auth
        return (str(auth[0]), str(auth[1])) if isinstance(auth, tuple) else None

    def __repr__(self) -> str:
        return f"Camera({self.address.base_url!r})"

    @property
    def name(self) -> str:
        return self.address.hostport

    def url(
        self, module_name: str, verb: str, params: Iterable[tuple[str, str | None]] = ()
    ) -> str:
        path = module(module_name).url_path
        return f"{self.address.base_url}{path}?{codec.encode_query(verb, params)}"

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> Camera:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def http_get(
        self, url: str, *, retry: bool = True, stream: bool = False, timeout: float | None = None
    ) -> requests.Response:
        """GET ``url`` with timeouts; retry 503 and dropped connections when ``retry``."""
        attempts = 1 + (self.retries if retry else 0)
        limit = timeout or self.timeout
        shown = url.split("?", 1)[0]
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                response = self._session.get(url, timeout=(min(limit, 3.05), limit), stream=stream)
            except requests.Timeout:
                raise CameraTimeoutError(
                    f"no answer within {limit:g} s", camera=self.name
                ) from None
            except requests.ConnectionError as exc:
                if last or not _is_connection_drop(exc):
                    raise self._connection_error(exc) from None
                log.info("%s: connection dropped on %s, retrying", self.name, shown)
            else:
                if response.status_code != 503 or not retry or last:
                    return response
                response.close()
                log.info("%s: busy (503) on %s, retrying", self.name, shown)
            time.sleep(self.backoff * (2**attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def _connection_error(self, exc: requests.ConnectionError) -> ConnectionFailedError:
        text = str(exc)
        if "refused" in text.lower():
            return ConnectionFailedError(
                "connection refused: nothing listens on this address and port", camera=self.name
            )
        if _is_connection_drop(exc):
            return ConnectionFailedError(
                "the camera dropped the connection without answering", camera=self.name
            )
        if "Name or service not known" in text or "getaddrinfo" in text:
            return ConnectionFailedError("the host name cannot be resolved", camera=self.name)
        return ConnectionFailedError(
            "cannot reach the camera: check the address, the cable and the network",
            camera=self.name,
        )

    def _text(self, response: requests.Response) -> str:
        response.encoding = response.encoding or "utf-8"
        try:
            return response.content.decode(response.encoding, errors="replace")
        except LookupError:
            return response.content.decode("latin-1")

    def _tag(self, exc: CameraError) -> CameraError:
        exc.camera = exc.camera or self.name
        return exc

    # -- identity ----------------------------------------------------------------------

    @property
    def model(self) -> str:
        """The device's ``productmode``, read once from systeminfo."""
        if self._model is None:
            self._model = self.get("systeminfo").value("productmode") or ""
        return self._model

    def identify(self) -> Identity:
        reading = self.get("systeminfo")
        self._model = reading.value("productmode") or ""
        return Identity(
            model=self._model,
            firmware=reading.value("firmwareversion") or "",
            mac=(reading.value("mac") or "").upper(),
            name=reading.value("devicename") or "",
            cameratype=reading.value("cameratype") or "",
        )

    # -- the goform verbs --------------------------------------------------------------

    def get(
        self, module_name: str, names: Iterable[str] = (), channel: int | None = None
    ) -> codec.Reading:
        """``cmd=get`` of a module, structured; teaches the client this device's spelling."""
        mod = module(module_name)
        params: list[tuple[str, str | None]] = []
        if channel is not None and mod.channel_key:
            params.append((self.spelling.wire(mod.channel_key), str(channel)))
        params.extend((self.spelling.wire(n), None) for n in names)
        response = self.http_get(self.url(module_name, "get", params))
        try:
            reading = codec.parse_get(response.status_code, self._text(response), layout_of(mod))
        except CameraError as exc:
            raise self._tag(exc) from None
        if reading.malformed:
            log.warning(
                "%s: %s: %d malformed line(s) ignored, first: %s",
                self.name, module_name, len(reading.malformed), reading.malformed[0][1][:60],
            )  # fmt: skip
        with self._lock:
            self.spelling.learn(reading.names())
            self._read_modules.add(module_name)
        return reading

    def _command(self, module_name: str, verb: str, pairs: list[tuple[str, str]]) -> codec.Outcome:
        mod = module(module_name)
        if module_name not in self._read_modules and "get" in mod.verbs:
            self.get(module_name)  # learn this device's spelling before the first write
        wire = [(self.spelling.wire(n), v) for n, v in pairs]
        has_action = any((p := mod.find(n)) is not None and p.action for n, _ in pairs)
        retry = verb in IDEMPOTENT_VERBS and not has_action
        shown = "&".join(f"{n}={v}" for n, v in _masked(mod, wire))
        log.debug("%s: %s cmd=%s&%s", self.name, module_name, verb, shown)
        try:
            response = self.http_get(self.url(module_name, verb, wire), retry=retry)
        except (CameraTimeoutError, ConnectionFailedError) as exc:
            if "refused" in str(exc) or "resolved" in str(exc):
                raise  # nothing reached the camera
            raise OutcomeUnknownError(
                f"{exc.args[0]}; the change may or may not have been applied: "
                "read the settings back to check",
                camera=self.name,
            ) from None
        try:
            return codec.parse_result(response.status_code, self._text(response))
        except CameraError as exc:
            raise self._tag(exc) from None

    def prepare(
        self, module_name: str, values: Values, verb: str = "set", channel: int | None = None
    ) -> list[tuple[str, str]]:
        """Validate ``values`` for this camera's model and turn them into wire pairs.

        Raises :class:`InvalidSettingsError` (nothing is sent) when any value is refused.
        """
        mod = module(module_name)
        pairs = _pairs(values)
        # Refuse what no model allows before any request; then check the model's own ranges.
        errors = validate(mod, dict(pairs), None, verb)
        model = None if errors else (self.model or None)
        errors = errors or validate(mod, dict(pairs), model, verb)
        if errors:
            raise InvalidSettingsError(module_name, errors)
        out: list[tuple[str, str]] = []
        if channel is not None and mod.channel_key:
            out.append((mod.channel_key, str(channel)))
        for name, value in pairs:
            param = mod.find(name)
            if param is None:  # the channel key itself
                out.append((name, str(value)))
                continue
            try:  # registry spelling here; the device's own is applied when sending
                out.append((param.name, param.type_for(model).normalise(value)))
            except InvalidValueError as exc:  # pragma: no cover - validate() caught it
                raise InvalidSettingsError(module_name, [str(exc)]) from None
        return out

    def set(self, module_name: str, values: Values, channel: int | None = None) -> codec.Outcome:
        """Validate, then ``cmd=set``; raises before sending anything when a value is refused.

        Companions the registry says must travel together (videocontrol's three levels,
        date_time's ``updatemode``) are added with the device's current values when missing,
        since the device would otherwise zero or refuse them.
        """
        pairs = self.prepare(module_name, values, "set", channel)
        return self._command(module_name, "set", self._with_companions(module_name, pairs, channel))

    def _with_companions(
        self, module_name: str, pairs: list[tuple[str, str]], channel: int | None
    ) -> list[tuple[str, str]]:
        mod = module(module_name)
        present = {mod.find(n).name for n, _ in pairs if mod.find(n) is not None}  # type: ignore[union-attr]
        missing = [
            c
            for n in list(present)
            for c in (mod.param(x).name for x in mod.param(n).companions)
            if c not in present
        ]
        if not missing:
            return pairs
        reading = self.get(module_name, channel=channel)
        out = list(pairs)
        for name in dict.fromkeys(missing):
            value = reading.value(name, channel)
            if value is not None:
                out.append((name, value))
        return out

    def add(self, module_name: str, values: Values, channel: int | None = None) -> codec.Outcome:
        return self._command(module_name, "add", self.prepare(module_name, values, "add", channel))

    def remove(self, module_name: str, values: Values, channel: int | None = None) -> codec.Outcome:
        pairs = self.prepare(module_name, values, "remove", channel)
        return self._command(module_name, "remove", pairs)

    def search(self, module_name: str = "wireless") -> codec.Reading:
        """``cmd=search`` (Wi-Fi networks in range), structured like a GET."""
        mod = module(module_name)
        response = self.http_get(self.url(module_name, "search"))
        try:
            reading = codec.parse_get(response.status_code, self._text(response), layout_of(mod))
        except CameraError as exc:
            raise self._tag(exc) from None
        return reading

    # -- pictures, PTZ, motion status --------------------------------------------------

    def snapshot(self, stream: str = "primary", channel: int = 0) -> bytes:
        """A JPEG from ``/snapshot/viewN.jpg`` (N = channel, +4 for the secondary stream)."""
        response = self.http_get(
            f"{self.address.base_url}/snapshot/view{view_number(stream, channel)}.jpg"
        )
        error = codec.http_error(response.status_code)
        if error is not None:
            raise self._tag(error)  # type: ignore[arg-type]
        data = response.content
        if not data.startswith(b"\xff\xd8"):
            raise self._tag(ProtocolError("the snapshot is not a JPEG picture"))
        return data

    def mjpeg_frames(
        self, stream: str = "primary", channel: int = 0, chunk_size: int = 64 * 1024
    ) -> Iterator[bytes]:
        """JPEG frames of ``/goform/stream`` (MJPEG only) as they arrive.

        Close the generator to end the stream; the connection is released.
        """
        url = self.url("stream", "get", [("channel", str(view_number(stream, channel)))])
        response = self.http_get(url, stream=True, retry=False)
        try:
            if response.status_code == 404:
                raise self._tag(StreamNotMjpegError(
                    "no MJPEG stream: set this stream's codec to MJPEG to watch it live"
                ))  # fmt: skip
            error = codec.http_error(response.status_code)
            if error is not None:
                raise self._tag(error)  # type: ignore[arg-type]
            parser = MjpegParser(response.headers.get("Content-Type", ""))
            try:
                for chunk in _as_they_arrive(response, chunk_size):
                    yield from parser.feed(chunk)
            except (requests.RequestException, urllib3.exceptions.HTTPError, OSError):
                raise self._tag(ConnectionFailedError("the stream was interrupted")) from None
        finally:
            response.close()

    def ptz(self, control: int, param: int = 0, channel: int | None = None) -> codec.Outcome:
        """``ptzcontrol`` + ``ptzparam`` (they always go together)."""
        return self.set("ptz", [("ptzcontrol", control), ("ptzparam", param)], channel)

    def motion_alarm(self, channel: int | None = None) -> bool:
        """Whether motion detection is alarming now (``md_alarm_statu``).

        The document's request form is unclear ("cmd get md statu"); ``cmd=get_md_statu`` is
        tried first, then ``cmd=get&md_statu`` (docs/protocol-notes.md).
        """
        extra = [] if channel is None else [(self.spelling.wire("md.channel.index"), str(channel))]
        last: Exception | None = None
        for verb, params in (("get_md_statu", extra), ("get", [*extra, ("md_statu", None)])):
            response = self.http_get(self.url("motiondetect", verb, params))
            try:
                reading = codec.parse_get(response.status_code, self._text(response))
            except CameraError as exc:
                last = exc
                continue
            value = reading.value("md_alarm_statu")
            if value is not None:
                return value.strip() == "1"
            last = ProtocolError("the camera did not report md_alarm_statu")
        assert last is not None
        raise self._tag(last)  # type: ignore[arg-type]


def _as_they_arrive(response: requests.Response, size: int) -> Iterator[bytes]:
    """Body bytes as soon as they arrive, at most ``size`` at a time.

    ``iter_content`` waits until a whole chunk is filled, so a frame smaller than the chunk
    was held back until the next frame came (a full second late on a 1 fps stream).
    """
    read1 = getattr(response.raw, "read1", None)
    if read1 is None:  # urllib3 1.x
        yield from response.iter_content(size)
        return
    while chunk := read1(size, decode_content=True):
        yield chunk


def view_number(stream: str, channel: int = 0) -> int:
    """Snapshot/stream number: channel 0-3, plus 4 for the secondary stream."""
    if stream not in ("primary", "secondary"):
        raise ValueError(f"stream must be primary or secondary, not {stream!r}")
    if not 0 <= channel <= 3:
        raise ValueError(f"channel must be 0-3, not {channel}")
    return channel + (4 if stream == "secondary" else 0)


def channels_of(model: str | None) -> int:
    """How many video channels a model has (4 on GXV3504, else 1)."""
    return model_info(model).channels


__all__ = [
    "Camera",
    "CameraBusyError",
    "Identity",
    "InvalidSettingsError",
    "channels_of",
    "layout_of",
    "view_number",
]
