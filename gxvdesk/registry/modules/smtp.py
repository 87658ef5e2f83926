"""9. SMTP E-mail Settings (document p.28): ``/goform/smtp``, set/get.

With ``enablesmtp=1`` the device checks the format of every address in the same set.
"""

from ..spec import Module, Param
from ..types import IntRange, Raw, Secret, Switch, Text, Trigger

TEST_RESULT = Raw("1 = success; 0 = failed, with the server's error message")

MODULE = Module(
    name="smtp",
    title="E-mail (SMTP)",
    page=28,
    group="Integrations",
    verbs=frozenset({"get", "set"}),
    params=(
        Param("enablesmtp", Switch(), "E-mail", confidence="H"),
        Param("smtpserver", Text(max_bytes=255), "SMTP server", confidence="H"),
        Param("smtpserverport", IntRange(1, 65535), "SMTP port", confidence="H"),
        Param("emailfrom", Text(max_bytes=63), "From address", confidence="H"),
        Param("emailuser", Text(max_bytes=63), "SMTP user name", confidence="H"),
        Param("emailpassword", Secret(max_bytes=63), "SMTP password", confidence="H"),
        Param("emailto1", Text(max_bytes=63), "To address 1", confidence="H"),
        Param("emailto2", Text(max_bytes=63), "To address 2", confidence="H"),
        Param("emailto3", Text(max_bytes=63), "To address 3", confidence="H"),
        Param("enablessl", Switch(), "Use SSL", confidence="H"),
        # Printed "smiptest" twice; almost certainly OCR for "smtp". Both spellings match.
        Param("smtptest", Trigger("1"), "Send test e-mail", "The result comes back as "
              "smtptestresult.", spellings=("smiptest",), confidence="L"),
        Param("smtptestresult", TEST_RESULT, "Test result", read_only=True,
              spellings=("smiptestresult",), confidence="L"),
        Param("selfdefine_email_title", Text(), "Custom subject", confidence="H"),
        Param("selfdefine_email_content", Text(), "Custom message", confidence="H"),
    ),
)  # fmt: skip
