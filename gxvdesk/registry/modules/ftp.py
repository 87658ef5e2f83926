"""10. FTP Settings (document p.29): ``/goform/ftp``, set/get."""

from ..spec import Module, Param
from ..types import IntRange, Raw, Secret, Switch, Text, Trigger

MODULE = Module(
    name="ftp",
    title="FTP upload",
    page=29,
    group="Integrations",
    verbs=frozenset({"get", "set"}),
    params=(
        Param("enableftp", Switch(), "FTP upload", confidence="H"),
        Param("ftpserver", Text(max_bytes=255), "FTP server", confidence="H"),
        Param("ftpserverport", IntRange(1, 65535), "FTP port", confidence="H"),
        Param("ftpuser", Text(max_bytes=23), "FTP user name", confidence="H"),
        Param("ftppassword", Secret(max_bytes=63), "FTP password",
              "Not sent back with the other parameters.", confidence="H"),
        Param("ftppath", Text(max_bytes=63), "FTP path", confidence="H"),
        Param("ftptest", Trigger("1"), "Test FTP", "The result comes back as ftptestresult.",
              confidence="H"),
        Param("ftptestresult", Raw("1 = success; 0 = failed, with the server's error message"),
              "Test result", read_only=True, confidence="H"),
    ),
)  # fmt: skip
