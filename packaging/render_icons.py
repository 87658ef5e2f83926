"""Render gxvdesk's icon set from the SVG master with Qt's own SVG renderer.

    .venv/bin/python packaging/render_icons.py

Reads ``resources/icons/gxvdesk.svg`` and writes, all from that one drawing:

- ``resources/icons/hicolor/<n>x<n>/apps/gxvdesk.png`` for the freedesktop icon theme,
- ``gxvdesk/assets/gxvdesk.svg`` and ``gxvdesk/assets/gxvdesk-<n>.png``, the copies the running
  app loads through ``importlib.resources`` (see ``gxvdesk/ui/icons.py``),
- ``packaging/windows/gxvdesk.ico`` (every size up to 256 in one file) and
  ``packaging/macos/gxvdesk.icns`` for PyInstaller's ``icon=`` on those systems.

Needs only PySide6 (QtSvg) and Pillow, both runtime dependencies; no network, no converters.
Run it again after editing the SVG and commit the results.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MASTER = ROOT / "resources" / "icons" / "gxvdesk.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
ASSETS = ROOT / "gxvdesk" / "assets"
ICO = ROOT / "packaging" / "windows" / "gxvdesk.ico"
ICNS = ROOT / "packaging" / "macos" / "gxvdesk.icns"

#: Sizes of the freedesktop icon theme (``hicolor/<n>x<n>/apps``).
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: PNGs the app ships beside the SVG, so that small title-bar icons are drawn for their size
#: instead of scaled down (and so the icon shows even where Qt's SVG plugin is missing).
ASSET_SIZES = (16, 32, 48, 256)
#: Sizes inside the Windows .ico (256 is the largest the format holds).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Below this size, render 4x larger and scale down: area averaging keeps thin edges crisper
#: than drawing the anti-aliased shapes straight onto a handful of pixels.
SUPERSAMPLE_BELOW = 64


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0]])


def render(svg: Path, size: int):
    """The SVG drawn into a transparent ``size`` x ``size`` ARGB image (a PIL image)."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG for Qt")
    scale = 4 if size < SUPERSAMPLE_BELOW else 1
    image = QImage(size * scale, size * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    picture = Image.open(io.BytesIO(bytes(data))).convert("RGBA")
    if scale != 1:
        picture = picture.resize((size, size), Image.Resampling.BOX)
    return picture


def _save_png(picture, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    picture.save(path, "PNG", optimize=True)
    print(f"  {path.relative_to(ROOT)}  {picture.width}x{picture.height}")


def main() -> int:
    _app()
    sizes = sorted(set(HICOLOR_SIZES) | set(ASSET_SIZES) | set(ICO_SIZES))
    pictures = {size: render(MASTER, size) for size in sizes}
    print(f"rendered {MASTER.relative_to(ROOT)} at {', '.join(map(str, sizes))} px")

    for size in HICOLOR_SIZES:
        _save_png(pictures[size], HICOLOR / f"{size}x{size}" / "apps" / "gxvdesk.png")

    ASSETS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MASTER, ASSETS / "gxvdesk.svg")
    print(f"  {(ASSETS / 'gxvdesk.svg').relative_to(ROOT)}")
    for size in ASSET_SIZES:
        _save_png(pictures[size], ASSETS / f"gxvdesk-{size}.png")

    ICO.parent.mkdir(parents=True, exist_ok=True)
    largest = pictures[max(ICO_SIZES)]
    others = [pictures[size] for size in ICO_SIZES if size != max(ICO_SIZES)]
    # append_images: Pillow stores these exact renderings instead of shrinking the largest one.
    largest.save(ICO, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=others)
    print(f"  {ICO.relative_to(ROOT)}  {', '.join(map(str, ICO_SIZES))} px")

    ICNS.parent.mkdir(parents=True, exist_ok=True)
    icns_sizes = [size for size in (16, 32, 64, 128, 256) if size in pictures]
    pictures[512].save(ICNS, format="ICNS", append_images=[pictures[s] for s in icns_sizes])
    print(f"  {ICNS.relative_to(ROOT)}  up to 512 px")
    return 0


if __name__ == "__main__":
    sys.exit(main())
