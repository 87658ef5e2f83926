"""A built-in camera simulator driven by the parameter registry.

>>> from gxvdesk.sim import SimCamera
>>> with SimCamera(model="GXV3672_FHD") as cam:  # doctest: +SKIP
...     cam.url
'http://127.0.0.1:54321'

Every module and parameter the registry gives a model is served; module-specific
behaviour lives in :mod:`gxvdesk.sim.rules`. The simulator never imports
``gxvdesk.protocol``: it parses requests and writes replies itself.
"""

from .camera import SimCamera
from .cli import run_cli
from .cluster import SimCluster
from .faults import FAULTS
from .server import RequestLog

__all__ = ["FAULTS", "RequestLog", "SimCamera", "SimCluster", "run_cli"]
