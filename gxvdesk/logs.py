"""Logging: a rotating file in the user log folder, with secrets redacted from every record."""

from __future__ import annotations

import logging
import logging.handlers
import re

from .services import paths

LOG_FILE_NAME = "gxvdesk.log"

_URL_CREDENTIALS = re.compile(r"(https?://)[^/@\s:]+:[^/@\s]*@")
_SECRET_PARAMS = re.compile(
    r"((?:password|pwd|passwd|key|secret|authorization)[\w.]*\s*[=:]\s*)([^&\s,;]+)",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """Remove passwords from a text: ``user:pass@`` in URLs and ``*password*=value`` pairs.

    >>> redact("http://admin:pw@cam/goform/sip?cmd=set&accountpassword=hunter2&x=1")
    'http://***@cam/goform/sip?cmd=set&accountpassword=***&x=1'
    """
    text = _URL_CREDENTIALS.sub(r"\1***@", text)
    return _SECRET_PARAMS.sub(r"\1***", text)


class RedactingFilter(logging.Filter):
    """Redacts every record's final message before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def log_file() -> str:
    return str(paths.log_dir() / LOG_FILE_NAME)


def configure(level: int = logging.INFO, console: bool = False) -> None:
    """Log to the rotating file (and stderr when ``console``); safe to call twice."""
    root = logging.getLogger("gxvdesk")
    root.setLevel(min(level, logging.INFO))
    for handler in list(root.handlers):
        if getattr(handler, "_gxvdesk", False):
            root.removeHandler(handler)
            handler.close()
    handlers: list[logging.Handler] = []
    try:
        paths.log_dir().mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_file(), maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        )
    except OSError:
        pass  # a read-only home must not stop the tool
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(level)
        handlers.append(stream)
    for handler in handlers:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(RedactingFilter())
        handler._gxvdesk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
