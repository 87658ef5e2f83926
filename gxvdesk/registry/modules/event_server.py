"""27. Alarm HTTP Server Settings (document p.58): ``/goform/event_server``, set/get.

``channel`` is 0-4 on GXV3504 (the module's channel key).
"""

from ..spec import Module, Param
from ..types import Secret, Text

MODULE = Module(
    name="event_server",
    title="HTTP alarm server",
    page=58,
    group="Integrations",
    verbs=frozenset({"get", "set"}),
    channel_key="channel",
    params=(
        Param("server_name", Text(), "Server name", confidence="H"),
        Param("server_url", Text(), "Server URL", confidence="H"),
        Param("server_username", Text(), "User name", confidence="L"),
        Param("server_user_password", Secret(), "Password", confidence="L"),
    ),
)  # fmt: skip
