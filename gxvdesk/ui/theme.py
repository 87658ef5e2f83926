"""Look and feel: Qt's Fusion style with a light or dark palette that follows the system.

Fusion follows the platform's colour scheme on Qt 6.5+ where the platform theme provides a
matching palette. Where it does not (the platform reports Dark but hands out a light palette),
or when ``GXVDESK_THEME=dark|light`` asks for one scheme (screenshots, tests), :func:`apply`
installs :func:`palette_for` the scheme, and does it again whenever the system switches.

Widgets that colour text by state (errors, warnings, changed fields) take the colour from
:func:`state_colour`, which picks a shade readable on the palette in use (contrast 4.5:1 or
more against the window and base colours of both palettes here).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

#: Environment variable that forces a scheme: ``dark`` or ``light`` (anything else: system).
ENV = "GXVDESK_THEME"

_Role = QPalette.ColorRole

# role: (normal, disabled). Light mirrors Fusion's own palette, with darker placeholders
# (Fusion's half-transparent black is 3.9:1 on white; placeholders here carry information,
# e.g. "not reported"), darker disabled text (read-only status values are shown in disabled
# combo and check boxes; Fusion's #bebebe is 1.6:1) and a darker selection blue (white on it
# 5:1 instead of 3.7:1).
_LIGHT: dict[QPalette.ColorRole, tuple[str, str]] = {
    _Role.Window: ("#efefef", "#efefef"),
    _Role.WindowText: ("#000000", "#8a8a8a"),
    _Role.Base: ("#ffffff", "#efefef"),
    _Role.AlternateBase: ("#f7f7f7", "#f7f7f7"),
    _Role.ToolTipBase: ("#ffffdc", "#ffffdc"),
    _Role.ToolTipText: ("#000000", "#000000"),
    _Role.PlaceholderText: ("#666666", "#a0a0a0"),
    _Role.Text: ("#000000", "#8a8a8a"),
    _Role.Button: ("#efefef", "#efefef"),
    _Role.ButtonText: ("#000000", "#8a8a8a"),
    _Role.BrightText: ("#ffffff", "#ffffff"),
    _Role.Light: ("#ffffff", "#ffffff"),
    _Role.Midlight: ("#cacaca", "#cacaca"),
    _Role.Mid: ("#b8b8b8", "#b8b8b8"),
    _Role.Dark: ("#9f9f9f", "#bebebe"),
    _Role.Shadow: ("#767676", "#b1b1b1"),
    _Role.Highlight: ("#2a6fb0", "#919191"),
    _Role.HighlightedText: ("#ffffff", "#ffffff"),
    _Role.Accent: ("#2a6fb0", "#919191"),
    _Role.Link: ("#0b57d0", "#7a9ad6"),
    _Role.LinkVisited: ("#7b1fa2", "#a98bb8"),
}

# Dark grey rather than black: long sessions at night, and a live picture (often dark) still
# stands out from the window around it. Disabled text keeps about 4.5:1: read-only status
# values are shown in disabled combo and check boxes, and must be read, not guessed.
_DARK: dict[QPalette.ColorRole, tuple[str, str]] = {
    _Role.Window: ("#303030", "#303030"),
    _Role.WindowText: ("#e8e8e8", "#9a9a9a"),
    _Role.Base: ("#202020", "#2a2a2a"),
    _Role.AlternateBase: ("#2a2a2a", "#2a2a2a"),
    _Role.ToolTipBase: ("#404040", "#404040"),
    _Role.ToolTipText: ("#f0f0f0", "#f0f0f0"),
    _Role.PlaceholderText: ("#a6a6a6", "#7a7a7a"),
    _Role.Text: ("#e8e8e8", "#9a9a9a"),
    _Role.Button: ("#3a3a3a", "#333333"),
    _Role.ButtonText: ("#e8e8e8", "#9a9a9a"),
    _Role.BrightText: ("#ffffff", "#ffffff"),
    _Role.Light: ("#505050", "#454545"),
    _Role.Midlight: ("#444444", "#3c3c3c"),
    _Role.Mid: ("#6a6a6a", "#4a4a4a"),
    _Role.Dark: ("#1c1c1c", "#1c1c1c"),
    _Role.Shadow: ("#101010", "#101010"),
    _Role.Highlight: ("#2a6fb0", "#4a4a4a"),
    _Role.HighlightedText: ("#ffffff", "#c0c0c0"),
    _Role.Accent: ("#2a6fb0", "#4a4a4a"),
    _Role.Link: ("#6cb4ff", "#5a7a9a"),
    _Role.LinkVisited: ("#c39bff", "#8a7aa0"),
}

#: Text colours by state, (on a light palette, on a dark palette). The meaning stays: red
#: for errors, amber for warnings and device oddities, green for good, blue for "changed".
STATE_COLOURS: dict[str, tuple[str, str]] = {
    "error": ("#c62828", "#ff8a80"),
    "warning": ("#8f5500", "#ffb74d"),
    "ok": ("#1b6e20", "#81c784"),
    "dirty": ("#1565c0", "#64b5f6"),
    "muted": ("#5c5c5c", "#a6a6a6"),
}


def scheme_from_env() -> Qt.ColorScheme | None:
    """The scheme ``GXVDESK_THEME`` asks for, or None (follow the system)."""
    wanted = os.environ.get(ENV, "").strip().lower()
    return {"dark": Qt.ColorScheme.Dark, "light": Qt.ColorScheme.Light}.get(wanted)


def palette_for(scheme: Qt.ColorScheme) -> QPalette:
    """A complete palette for ``scheme`` (Dark, else the light one)."""
    table = _DARK if scheme == Qt.ColorScheme.Dark else _LIGHT
    palette = QPalette()
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    for role, (normal, disabled) in table.items():
        for group in groups:
            palette.setColor(group, role, QColor(normal))
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (default: the application's) has a dark window colour."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def state_colour(state: str, palette: QPalette | None = None) -> QColor:
    """The text colour of ``state`` (a key of :data:`STATE_COLOURS`) for ``palette``."""
    light, dark = STATE_COLOURS[state]
    return QColor(dark if is_dark(palette) else light)


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of ``colour`` (0 black .. 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    rgb = colour.toRgb()
    return (
        0.2126 * channel(rgb.redF())
        + 0.7152 * channel(rgb.greenF())
        + 0.0722 * channel(rgb.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 .. 21; text wants 4.5 or more)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


class _SchemeFollower(QObject):
    """Re-applies the palette when the system switches between light and dark."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("gxvdeskSchemeFollower")
        self._app = app

    @Slot(Qt.ColorScheme)
    def scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        apply_palette(self._app)


def apply_palette(app: QApplication) -> None:
    """Give ``app`` the palette of the wanted scheme (see the module docstring)."""
    forced = scheme_from_env()
    if forced is not None:
        app.setPalette(palette_for(forced))
        return
    app.setPalette(QPalette())  # back to the platform's own palette
    wanted = app.styleHints().colorScheme()
    if wanted != Qt.ColorScheme.Unknown and is_dark(app.palette()) != (
        wanted == Qt.ColorScheme.Dark
    ):
        app.setPalette(palette_for(wanted))  # the platform's palette did not follow


def apply(app: QApplication) -> None:
    """Fusion style, the palette of the system's (or ``GXVDESK_THEME``'s) scheme, and a
    hook that follows the system when it switches."""
    app.setStyle("Fusion")
    apply_palette(app)
    if app.findChild(_SchemeFollower, "gxvdeskSchemeFollower") is None:
        follower = _SchemeFollower(app)
        app.styleHints().colorSchemeChanged.connect(follower.scheme_changed)
