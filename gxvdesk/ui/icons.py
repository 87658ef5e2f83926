"""The application icon, read from the package data in ``gxvdesk/assets``.

The files are rendered from ``resources/icons/gxvdesk.svg`` by ``packaging/render_icons.py``.
They are read through ``importlib.resources`` so the icon is found in a source tree, an
installed wheel and a PyInstaller folder alike.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap

#: Files are looked up under the ``gxvdesk`` package itself (``assets`` has no ``__init__``).
PACKAGE = "gxvdesk"
ASSETS = "assets"
#: Rendered sizes shipped beside the SVG (small ones drawn for their size, not scaled down).
PNG_SIZES = (16, 32, 48, 256)
#: The SVG is drawn at this size too, for large and high-DPI uses (macOS dock, alt-tab).
SVG_SIZE = 512


def _read(name: str) -> bytes | None:
    try:
        return (resources.files(PACKAGE) / ASSETS / name).read_bytes()
    except OSError:
        return None


def _svg_image(data: bytes, size: int) -> QImage:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, b"svg")
    reader.setScaledSize(QSize(size, size))
    return reader.read()


def app_icon() -> QIcon:
    """gxvdesk's window and task-bar icon: the PNG sizes, plus the SVG where Qt can draw it."""
    icon = QIcon()
    for size in PNG_SIZES:
        data = _read(f"gxvdesk-{size}.png")
        image = QImage.fromData(data, "PNG") if data else QImage()
        if not image.isNull():
            icon.addPixmap(QPixmap.fromImage(image))
    svg = _read("gxvdesk.svg")
    if svg and b"svg" in [bytes(f) for f in QImageReader.supportedImageFormats()]:
        image = _svg_image(svg, SVG_SIZE)
        if not image.isNull():
            icon.addPixmap(QPixmap.fromImage(image))
    return icon
