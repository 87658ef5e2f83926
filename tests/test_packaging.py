"""Packaging promises: desktop entry, AppStream data, icon set, PyInstaller spec, app icon.

Fast checks only: the PyInstaller build itself runs in packaging/build.sh, never here.
"""

from __future__ import annotations

import ast
import configparser
import fnmatch
import importlib.util
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image, ImageChops

import gxvdesk
from gxvdesk.registry.modules import MODULE_NAMES

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "org.gxvdesk.GxvDesk"
DESKTOP = ROOT / "resources" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / "linux" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SPEC = ROOT / "packaging" / "gxvdesk.spec"
ASSETS = ROOT / "gxvdesk" / "assets"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read_string(DESKTOP.read_text("utf-8"))
    return parser["Desktop Entry"]


def spec_assignment(name: str):
    """The literal value assigned to NAME at the top level of the spec file."""
    tree = ast.parse(SPEC.read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{SPEC.name} assigns no {name}")


# -- desktop entry and AppStream ---------------------------------------------------------------


def test_desktop_entry_has_the_required_keys():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "gxvdesk"
    assert entry["GenericName"] == "Camera configurator"
    assert entry["Comment"]
    assert entry["Exec"] == "gxvdesk %U"
    assert entry["Icon"] == "gxvdesk"
    assert entry["Terminal"] == "false"
    categories = entry["Categories"].split(";")
    assert {"Network", "Video", "Utility"} <= set(categories)
    assert entry["Categories"].endswith(";") and entry["Keywords"].endswith(";")
    assert "GXV" in entry["Keywords"].split(";")


def test_metainfo_describes_this_release():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("metadata_license")
    assert root.findtext("name") == "gxvdesk"
    assert root.findtext("summary")
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    assert root.find("url[@type='homepage']") is not None
    assert root.find("content_rating") is not None
    versions = [release.get("version") for release in root.iter("release")]
    assert versions and versions[0] == gxvdesk.__version__, "newest release first, = __version__"
    images = [image.text for image in root.iter("image")]
    assert images and images[0].endswith("docs/screenshots/main-window-video.png")


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_entry_validates():
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_metainfo_validates():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# -- icons ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", HICOLOR_SIZES)
def test_hicolor_png_has_its_size(size):
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "gxvdesk.png"
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)
        assert image.mode == "RGBA"


def test_windows_icon_holds_every_size_up_to_256():
    with Image.open(ROOT / "packaging" / "windows" / "gxvdesk.ico") as image:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(image.info["sizes"])


def test_app_assets_are_copies_of_the_masters():
    assert (ASSETS / "gxvdesk.svg").read_bytes() == (ICONS / "gxvdesk.svg").read_bytes()
    with Image.open(ASSETS / "gxvdesk-256.png") as image:
        assert image.size == (256, 256)
    hicolor = ICONS / "hicolor" / "256x256" / "apps" / "gxvdesk.png"
    assert (ASSETS / "gxvdesk-256.png").read_bytes() == hicolor.read_bytes()


def test_svg_master_is_well_formed():
    root = ET.parse(ICONS / "gxvdesk.svg").getroot()
    assert root.tag.endswith("svg")
    assert root.get("viewBox") == "0 0 256 256"


def test_assets_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["gxvdesk"]
    files = [p.relative_to(ROOT / "gxvdesk").as_posix() for p in ASSETS.iterdir()]
    assert files
    for name in files:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in patterns), name


@pytest.mark.gui
def test_app_icon_loads_from_package_data(qapp):
    from gxvdesk.ui.icons import app_icon

    icon = app_icon()
    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert {16, 32, 256} <= sizes
    assert not icon.pixmap(32, 32).isNull()


@pytest.mark.gui
def test_rendered_icons_are_up_to_date_with_the_svg(qapp):
    """Editing the SVG without running packaging/render_icons.py fails here."""
    spec = importlib.util.spec_from_file_location(
        "render_icons", ROOT / "packaging" / "render_icons.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = module.render(ICONS / "gxvdesk.svg", 64)
    with Image.open(ICONS / "hicolor" / "64x64" / "apps" / "gxvdesk.png") as stored:
        difference = ImageChops.difference(fresh, stored.convert("RGBA"))
    worst = max(high for _low, high in difference.getextrema())
    assert worst <= 8, "run packaging/render_icons.py (SVG edited, or Qt draws it differently)"


# -- PyInstaller spec and build script -----------------------------------------------------------


def test_spec_collects_every_registry_module():
    listed = spec_assignment("REGISTRY_MODULES")
    assert listed == list(MODULE_NAMES), "packaging/gxvdesk.spec REGISTRY_MODULES"
    text = SPEC.read_text("utf-8")
    assert 'f"gxvdesk.registry.modules.{name}" for name in REGISTRY_MODULES' in text
    assert 'collect_submodules("keyring.backends")' in text
    assert 'copy_metadata("keyring")' in text


def test_spec_keeps_every_qt_module_gxvdesk_imports():
    excluded = set(spec_assignment("QT_UNUSED"))
    used = set()
    for path in (ROOT / "gxvdesk").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text("utf-8")))
    assert used, "gxvdesk imports Qt modules"
    assert not used & excluded, f"excluded but imported: {sorted(used & excluded)}"


def test_spec_refers_to_files_that_exist():
    text = SPEC.read_text("utf-8")
    for relative in (
        "packaging/gxvdesk_entry.py",
        "packaging/rthooks/pyi_rth_gxvdesk_smoke.py",
        "packaging/windows/gxvdesk.ico",
        "packaging/macos/gxvdesk.icns",
    ):
        parts = relative.split("/")
        assert " / ".join(f'"{p}"' for p in parts) in text, relative
        assert (ROOT / relative).is_file(), relative
    assert '"gxvdesk/assets"' in text


def test_smoke_hook_attaches_to_the_app():
    """The Xvfb check in build.sh wraps gxvdesk.ui.app.build_window."""
    from gxvdesk.ui import app

    assert callable(app.build_window)
    source = (ROOT / "packaging" / "rthooks" / "pyi_rth_gxvdesk_smoke.py").read_text("utf-8")
    assert "app_module.build_window" in source and "GXVDESK_SMOKE_SECONDS" in source


def test_build_script_is_valid_bash():
    script = ROOT / "packaging" / "build.sh"
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert script.stat().st_mode & 0o111, "build.sh is executable"
