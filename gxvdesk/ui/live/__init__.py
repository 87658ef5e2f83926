"""Live view and region editors: previews, a camera grid, motion regions, privacy masks.

Pictures are fetched and decoded in one worker thread per preview (:class:`FrameSource`);
device reads and writes of the editors run in the I/O pool. Nothing here blocks the UI.
"""

from .grid import LiveGrid
from .mapping import ViewMapping
from .motion import MotionRegionEditor
from .preview import PreviewWidget
from .privacy import PrivacyMaskEditor
from .source import FrameSource
from .view import FrameView

__all__ = [
    "FrameSource",
    "FrameView",
    "LiveGrid",
    "MotionRegionEditor",
    "PreviewWidget",
    "PrivacyMaskEditor",
    "ViewMapping",
]
