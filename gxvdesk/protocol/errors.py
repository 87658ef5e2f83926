"""One exception hierarchy for everything a camera can answer, in words a technician can act on."""

from __future__ import annotations


class CameraError(Exception):
    """Base of every error talking to a camera. ``str()`` is a sentence for the technician."""

    #: Exit code of the command line for this kind of error.
    exit_code = 4

    def __init__(self, message: str, *, camera: str = "") -> None:
        super().__init__(message)
        self.camera = camera

    def __str__(self) -> str:
        text = super().__str__()
        return f"{self.camera}: {text}" if self.camera else text


class ConnectionFailedError(CameraError):
    """No answer: the host is down, the port is wrong, or the network path is blocked."""


class CameraTimeoutError(ConnectionFailedError):
    """The camera did not answer in time."""


class OutcomeUnknownError(ConnectionFailedError):
    """A change was sent but no answer came back: it may or may not have been applied."""


class CameraBusyError(CameraError):
    """HTTP 503: the camera is busy or the operation failed on the device."""


class AuthenticationError(CameraError):
    """HTTP 401: wrong user name or password."""

    exit_code = 3


class RequestRefusedError(CameraError):
    """The camera refused the request (a device answer other than ``Successful``)."""

    exit_code = 3


class NoPrivilegeError(RequestRefusedError):
    """``No Privilege``: the user is not an administrator."""


class ParameterError(RequestRefusedError):
    """``<param> Invalid`` or ``<param> Missing``: the device names the parameter at fault."""

    def __init__(self, message: str, *, param: str, reason: str, camera: str = "") -> None:
        super().__init__(message, camera=camera)
        self.param = param
        self.reason = reason


class BadRequestError(RequestRefusedError):
    """HTTP 400/404: the device did not understand the command or data."""


class ProtocolError(CameraError):
    """The camera answered something that is not this API (wrong device, broken reply)."""


class StreamNotMjpegError(RequestRefusedError):
    """The MJPEG stream is only served when that stream's codec is MJPEG."""
