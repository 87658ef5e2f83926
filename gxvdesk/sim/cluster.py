"""Several simulated cameras started and stopped together."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from .camera import SimCamera

DEFAULT_MODEL = "GXV3672_FHD"


class SimCluster:
    """``models`` with ``count=None``: one camera of each; with ``count=N``: N of each.

    ``host`` may be a list of loopback addresses, used in turn; a non-zero ``port`` is the
    first camera's port, the others take the following ones. Other keyword arguments go to
    every :class:`SimCamera`; ``index`` numbers the cameras from ``first_index``.
    """

    def __init__(self, models: Sequence[str] = (DEFAULT_MODEL,), count: int | None = None,
                 host: str | Sequence[str] = "127.0.0.1", port: int = 0, first_index: int = 0,
                 **camera_kwargs: Any) -> None:  # fmt: skip
        hosts = [host] if isinstance(host, str) else list(host)
        if not hosts:
            raise ValueError("SimCluster needs at least one host")
        names = [m for m in models for _ in range(1 if count is None else count)]
        self.cameras = [
            SimCamera(model=name, host=hosts[i % len(hosts)], port=port + i if port else 0,
                      index=first_index + i, **camera_kwargs)
            for i, name in enumerate(names)
        ]  # fmt: skip

    @property
    def urls(self) -> list[str]:
        return [cam.url for cam in self.cameras]

    def start(self) -> SimCluster:
        try:
            for cam in self.cameras:
                cam.start()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for cam in self.cameras:
            cam.stop()

    def __enter__(self) -> SimCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __iter__(self) -> Iterator[SimCamera]:
        return iter(self.cameras)

    def __len__(self) -> int:
        return len(self.cameras)
