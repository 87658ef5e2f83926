"""The application icon, read from the package data in ``gxvdesk/assets``.

The files are rendered from ``resources/icons/gxvdesk.svg`` by ``packaging/render_icons.py``.
They are read through ``importlib.resources`` so the icon is found in a source tree, an
installed wheel and a PyInstaller folder alike.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap

ASSETS = "gxvdesk.assets"
#: Rendered sizes shipped beside the SVG (small ones drawn for their size, not scaled down).
PNG_SIZES = (16, 32, 48, 256)


def _pixmap(name: str, fmt: str) -> QPixmap | None:
    try:
        data = (resources.files(ASSETS) / name).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    image = QImage.fromData(data, fmt)
    return None if image.isNull() else QPixmap.fromImage(image)


def app_icon() -> QIcon:
    """gxvdesk's window and task-bar icon: the PNG sizes, plus the SVG where Qt can draw it."""
    icon = QIcon()
    for size in PNG_SIZES:
        pixmap = _pixmap(f"gxvdesk-{size}.png", "PNG")
        if pixmap is not None:
            icon.addPixmap(pixmap)
    if b"svg" in (bytes(f) for f in QImageReader.supportedImageFormats()):
        pixmap = _pixmap("gxvdesk.svg", "SVG")  # a 512 px rendering for large, high-DPI uses
        if pixmap is not None:
            icon.addPixmap(pixmap.scaled(512, 512) if pixmap.width() < 512 else pixmap)
    return icon
