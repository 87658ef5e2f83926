"""Light and dark palettes: the theme follows GXVDESK_THEME (or the system), and the texts
the forms colour themselves (changed, error, note) stay readable on both."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from gxvdesk.registry import module
from gxvdesk.ui import theme
from gxvdesk.ui.forms import ModuleForm, RecordTable
from gxvdesk.ui.forms.editors import ComboEditor, SpinEditor
from gxvdesk.ui.forms.week_grid import WeekGrid

pytestmark = pytest.mark.gui

MODEL = "GXV3672_FHD"
#: WCAG AA: normal text 4.5:1, large or bold text and graphical marks 3:1.
TEXT = 4.5
MARK = 3.0

Role = QPalette.ColorRole


def luminance(colour: QColor) -> float:
    """WCAG relative luminance (written out here so the test does not trust the theme's)."""
    rgb = colour.toRgb()
    out = 0.0
    for weight, value in zip(
        (0.2126, 0.7152, 0.0722), (rgb.redF(), rgb.greenF(), rgb.blueF()), strict=True
    ):
        linear = value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
        out += weight * linear
    return out


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on_window(label: QLabel) -> tuple[QColor, QColor]:
    """A label's text colour and the window colour behind it (labels fill no background)."""
    palette = label.palette()
    return palette.color(label.foregroundRole()), palette.color(Role.Window)


@pytest.fixture(params=["dark", "light"])
def scheme(request, qapp, monkeypatch):
    """The application themed by GXVDESK_THEME=dark|light; palette and style restored after."""
    palette, style = QPalette(qapp.palette()), qapp.style().name()
    had_follower = qapp.findChild(QObject, "gxvdeskSchemeFollower") is not None
    monkeypatch.setenv(theme.ENV, request.param)
    theme.apply(qapp)
    yield request.param
    qapp.setPalette(palette)
    if qapp.style().name() != style:
        qapp.setStyle(style)
    if not had_follower:
        for follower in qapp.findChildren(QObject, "gxvdeskSchemeFollower"):
            follower.setParent(None)
            follower.deleteLater()


@pytest.fixture
def form(qtbot, scheme):
    widget = ModuleForm(module("cmos"), MODEL)
    qtbot.addWidget(widget)
    widget.load({"flip": "0", "iris": "0", "ir_cut_sensitivity": "3", "daytime_start": "25200"})
    return widget


def first(form: ModuleForm, kind: type) -> str:
    return next(n for n in form.names() if isinstance(form.editor(n), kind))


def test_env_chooses_the_scheme(scheme, qapp):
    assert theme.is_dark(qapp.palette()) == (scheme == "dark")
    assert qapp.style().name().lower() == "fusion"


def test_apply_twice_hooks_the_system_scheme_once(scheme, qapp):
    theme.apply(qapp)
    assert len(qapp.findChildren(QObject, "gxvdeskSchemeFollower")) == 1


def test_system_switch_reapplies_the_palette(scheme, qapp, monkeypatch):
    other = "light" if scheme == "dark" else "dark"
    monkeypatch.setenv(theme.ENV, other)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Unknown)  # as the platform does
    assert theme.is_dark(qapp.palette()) == (other == "dark")


def test_unknown_env_value_follows_the_system(qapp, monkeypatch):
    palette = QPalette(qapp.palette())
    monkeypatch.setenv(theme.ENV, "sepia")
    try:
        assert theme.scheme_from_env() is None
        theme.apply_palette(qapp)  # offscreen: the system scheme is unknown, Qt's own palette
        assert qapp.palette().color(Role.Window) == QPalette().color(Role.Window)
    finally:
        qapp.setPalette(palette)


@pytest.mark.parametrize("scheme_", [Qt.ColorScheme.Dark, Qt.ColorScheme.Light])
def test_palettes_have_readable_roles(scheme_):
    palette = theme.palette_for(scheme_)
    assert theme.is_dark(palette) == (scheme_ == Qt.ColorScheme.Dark)
    pairs = [
        (Role.WindowText, Role.Window),
        (Role.Text, Role.Base),
        (Role.Text, Role.AlternateBase),
        (Role.ButtonText, Role.Button),
        (Role.PlaceholderText, Role.Base),
        (Role.ToolTipText, Role.ToolTipBase),
        (Role.HighlightedText, Role.Highlight),
        (Role.Link, Role.Base),
    ]
    for fg, bg in pairs:
        ratio = contrast(palette.color(fg), palette.color(bg))
        assert ratio >= TEXT, (scheme_, fg, bg, round(ratio, 2))
    # Disabled text is exempt in WCAG, but read-only status values are shown disabled.
    disabled = QPalette.ColorGroup.Disabled
    ratio = contrast(palette.color(disabled, Role.Text), palette.color(disabled, Role.Base))
    assert ratio >= MARK, (scheme_, round(ratio, 2))


@pytest.mark.parametrize("state", sorted(theme.STATE_COLOURS))
@pytest.mark.parametrize("scheme_", [Qt.ColorScheme.Dark, Qt.ColorScheme.Light])
def test_state_colours_are_readable_text(state, scheme_):
    palette = theme.palette_for(scheme_)
    colour = theme.state_colour(state, palette)
    for bg in (Role.Window, Role.Base):
        assert contrast(colour, palette.color(bg)) >= TEXT, (state, scheme_, bg)


def test_form_label_is_readable(form):
    label = form._labels[first(form, SpinEditor)]
    assert contrast(*text_on_window(label)) >= TEXT


def test_dirty_label_and_mark_are_readable(form):
    name = first(form, SpinEditor)
    editor = form.editor(name)
    editor.spin.setValue(editor.spin.value() + 1)  # as the user
    label = form._labels[name]
    assert editor.dirty_mark() and label.font().bold()
    assert contrast(*text_on_window(label)) >= TEXT
    bar = theme.state_colour("dirty", editor.palette())
    assert contrast(bar, editor.palette().color(Role.Window)) >= MARK


def test_error_marked_editor_text_and_outline_are_readable(form):
    name = first(form, SpinEditor)
    editor = form.editor(name)
    assert form.show_device_error(name, "the device refused this value")
    assert editor.error()
    spin = editor.spin.palette()
    assert contrast(spin.color(Role.Text), spin.color(Role.Base)) >= TEXT
    outline = theme.state_colour("error", editor.palette())
    assert contrast(outline, editor.palette().color(Role.Window)) >= MARK


@pytest.mark.parametrize("wire", [None, "99"], ids=["not-reported", "unexpected"])
def test_note_labels_are_readable(form, wire):
    editor = form.editor(first(form, SpinEditor))
    editor.set_wire(wire)
    assert editor.note()
    assert contrast(*text_on_window(editor._note_label)) >= TEXT


def test_unknown_combo_value_note_is_readable(form):
    editor = form.editor(first(form, ComboEditor))
    editor.set_wire("77")
    assert editor.note()
    assert contrast(*text_on_window(editor._note_label)) >= TEXT


def test_read_only_field_keeps_its_text_readable(form):
    # The grey of a read-only box used to come from the style's (always light) palette.
    editor = form.editor(first(form, SpinEditor))
    editor.set_read_only(True)
    spin = editor.spin.palette()
    assert contrast(spin.color(Role.Text), spin.color(Role.Base)) >= TEXT
    editor.set_read_only(False)
    assert editor.spin.palette().color(Role.Base) == editor.palette().color(Role.Base)


def test_byte_counter_is_readable(qtbot, scheme):
    form = ModuleForm(module("osd"), MODEL)
    qtbot.addWidget(form)
    editor = next(form.editor(n) for n in form.names() if getattr(form.editor(n), "counter", None))
    for text in ("ab", "x" * 500):
        editor.edit.setText(text)
        assert contrast(*text_on_window(editor.counter)) >= TEXT, text


def test_week_grid_on_and_off_are_distinct(qtbot, scheme):
    grid = WeekGrid()
    qtbot.addWidget(grid)
    grid.set_bits([True] + [False] * 167)
    on = grid.item(0, 0).background().color()
    off = grid.item(0, 1).background().color()
    assert contrast(on, off) >= MARK


def test_pending_record_rows_are_readable(qtbot, scheme):
    users = module("usermanage")
    table = RecordTable(users, users.records[0], MODEL)
    qtbot.addWidget(table)
    table.load(
        [
            {"user.index": "1", "user.level": "0", "user.name": "admin"},
            {"user.index": "2", "user.level": "1", "user.name": "viewer"},
        ]
    )
    table.remove_rows([1])
    assert not table.add_item({"user.level": "1", "user.name": "night", "user.password": "N-1"})
    base = table.table.palette()
    text = base.color(Role.Text)
    removed, added = table.table.item(1, 2), table.table.item(2, 2)
    assert removed.font().strikeOut()
    assert contrast(removed.foreground().color(), base.color(Role.Base)) >= TEXT
    assert contrast(text, added.background().color()) >= TEXT


def test_palette_switch_recolours_notes(qtbot, qapp, monkeypatch):
    """A system switch (here: apply() again) recolours what was coloured for the old one."""
    palette = QPalette(qapp.palette())
    try:
        monkeypatch.setenv(theme.ENV, "light")
        theme.apply(qapp)
        form = ModuleForm(module("cmos"), MODEL)
        qtbot.addWidget(form)
        editor = form.editor(first(form, SpinEditor))
        editor.set_wire("99")
        before = text_on_window(editor._note_label)[0]
        monkeypatch.setenv(theme.ENV, "dark")
        theme.apply(qapp)
        qapp.processEvents()  # Qt posts the palette change to the widgets
        colour, window = text_on_window(editor._note_label)
        assert colour != before and theme.is_dark(editor.palette())
        assert contrast(colour, window) >= TEXT
        editor.set_read_only(True)
        monkeypatch.setenv(theme.ENV, "light")
        theme.apply(qapp)
        qapp.processEvents()
        spin = editor.spin.palette()
        assert not theme.is_dark(editor.palette())
        assert contrast(spin.color(Role.Text), spin.color(Role.Base)) >= TEXT
    finally:
        qapp.setPalette(palette)


def test_ptz_error_and_legend_are_readable(qtbot, scheme):
    from gxvdesk.ui.ptz.pad import PtzPad
    from gxvdesk.ui.ptz.presets import PresetList

    host = QWidget()
    qtbot.addWidget(host)
    pad, presets = PtzPad(None, host), PresetList(range(1, 4), host)
    assert contrast(*text_on_window(pad.error)) >= TEXT
    assert presets.legend.isEnabled()
    assert contrast(*text_on_window(presets.legend)) >= TEXT
