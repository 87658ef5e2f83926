"""The goform wire protocol: addresses, codec, errors, the per-camera client, MJPEG."""

from .address import AddressError, CameraAddress
from .client import Camera, Identity, InvalidSettingsError, view_number
from .codec import Outcome, Reading
from .errors import (
    AuthenticationError,
    BadRequestError,
    CameraBusyError,
    CameraError,
    CameraTimeoutError,
    ConnectionFailedError,
    NoPrivilegeError,
    OutcomeUnknownError,
    ParameterError,
    ProtocolError,
    RequestRefusedError,
    StreamNotMjpegError,
)

__all__ = [
    "AddressError",
    "AuthenticationError",
    "BadRequestError",
    "Camera",
    "CameraAddress",
    "CameraBusyError",
    "CameraError",
    "CameraTimeoutError",
    "ConnectionFailedError",
    "Identity",
    "InvalidSettingsError",
    "NoPrivilegeError",
    "Outcome",
    "OutcomeUnknownError",
    "ParameterError",
    "ProtocolError",
    "Reading",
    "RequestRefusedError",
    "StreamNotMjpegError",
    "view_number",
]
