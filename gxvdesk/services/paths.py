"""Where gxvdesk keeps its files (platformdirs), overridable with ``GXVDESK_HOME`` for tests."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "gxvdesk"


def _root() -> Path | None:
    home = os.environ.get("GXVDESK_HOME")
    return Path(home) if home else None


def config_dir() -> Path:
    root = _root()
    return root / "config" if root else Path(platformdirs.user_config_dir(APP))


def log_dir() -> Path:
    root = _root()
    return root / "logs" if root else Path(platformdirs.user_log_dir(APP))


def data_dir() -> Path:
    root = _root()
    return root / "data" if root else Path(platformdirs.user_data_dir(APP))
