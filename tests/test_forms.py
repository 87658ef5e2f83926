"""Forms generated from the registry: editors per type, module forms, record tables."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
)

from gxvdesk.registry import MODELS, REGISTRY, module, underscored
from gxvdesk.registry.spec import Param
from gxvdesk.registry.types import (
    Choice,
    IdList,
    IntRange,
    IPv4,
    PackedPoint,
    ParamType,
    Point,
    PrivacyMask,
    Raw,
    Text,
    WeekTable,
)
from gxvdesk.ui.forms import ModuleForm, RecordTable, make_editor
from gxvdesk.ui.forms.editors import EDITORS, TextEditor
from gxvdesk.ui.forms.week_grid import CELL

pytestmark = pytest.mark.gui

PAIRS = [(m, model) for m in REGISTRY.values() for model in MODELS if m.applies_to(model)]
TEXT_CANDIDATES = ("ab", "1", "a1", "admin", "example.com", "192.168.1.10", "")


def plausible(param: Param, ptype: ParamType) -> str | None:
    """A valid wire value for ``param`` that is not a widget's empty state; None: skip."""
    if param.secret or param.action:
        return None
    if param.default is not None:
        return ptype.normalise(param.default)
    if isinstance(ptype, Choice):
        return ptype.format(ptype.options[-1][0])  # not the first: a fresh combo shows that
    if isinstance(ptype, IntRange):
        high = ptype.high if ptype.high is not None else ptype.low + 1000
        return str((ptype.low + high) // 2 + 1 if high > ptype.low else ptype.low)
    if isinstance(ptype, IPv4):
        return "192.168.1.10"
    if isinstance(ptype, PackedPoint):
        return ptype.format(Point(ptype.max_x // 2, ptype.max_y // 3))
    if isinstance(ptype, WeekTable):
        return "01" * 84
    if isinstance(ptype, PrivacyMask):
        return "1,10,20,100,200,0,0,0,0,0,0,0,0,0,0,1,300,300,700,570"
    if isinstance(ptype, IdList):
        return "3"
    if isinstance(ptype, Raw):
        return "raw value"
    if isinstance(ptype, Text):
        for text in TEXT_CANDIDATES:
            try:
                return ptype.normalise(text)
            except ValueError:
                continue
    raise AssertionError(f"no plausible value for {param.name} ({ptype!r})")


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# -- every parameter of every module, on every model -------------------------------------------


def test_every_param_gets_an_editor_and_round_trips(qtbot):
    checked = 0
    for mod, model in PAIRS:
        form = ModuleForm(mod, model)
        qtbot.addWidget(form)
        # every parameter but the channel selector (the page's channel box selects it)
        params = [
            p
            for p in mod.params_for(model)
            if not mod.channel_key or not p.matches(mod.channel_key)
        ]
        assert form.names() == [p.name for p in params if not p.read_only] + [
            p.name for p in params if p.read_only
        ], f"{mod.name} on {model}"
        values = {}
        for i, p in enumerate(params):
            ptype = p.type_for(model)
            editor = form.editor(p.name)
            assert isinstance(editor, EDITORS.get(ptype.editor, TextEditor)), p.name
            assert editor.accessibleName() == p.label
            value = plausible(p, ptype)
            if value is not None:
                # Half the names in the other spelling: the device decides how it spells.
                values[underscored(p.name) if i % 2 else p.name] = value
        form.load(values)
        assert form.changes() == {}, f"{mod.name} on {model}"
        assert not form.is_dirty()
        for p in params:
            value = plausible(p, p.type_for(model))
            if value is None:
                continue
            editor = form.editor(p.name)
            # The widget itself holds the value: no "unknown" fallback, no note.
            assert editor.is_reported() and editor.note() is None, (mod.name, model, p.name)
            assert editor.wire() == value, (mod.name, model, p.name)
            checked += 1
        form.deleteLater()
    assert checked > 3000


def test_every_sub_control_has_an_accessible_name(qtbot):
    controls = (QSpinBox, QTimeEdit, QComboBox, QCheckBox, QLineEdit, QPushButton)
    for mod in REGISTRY.values():
        model = next(m for m in MODELS if mod.applies_to(m))
        form = ModuleForm(mod, model)
        qtbot.addWidget(form)
        for name in form.names():
            editor = form.editor(name)
            for kind in controls:
                for control in editor.findChildren(kind):
                    if isinstance(control.parent(), QAbstractSpinBox):
                        continue  # the spin box's own line edit
                    assert control.accessibleName(), (mod.name, name, kind.__name__)


def test_tooltip_has_help_allowed_values_and_reboot_note(qtbot):
    form = ModuleForm(module("sip"), "GXV3672_FHD")
    qtbot.addWidget(form)
    tip = form.editor("file_type").toolTip()
    assert "Allowed: one of" in tip and tip.endswith("(needs reboot)")
    param = module("cmos").param("daytime_start")
    editor = make_editor(param, param.type)
    qtbot.addWidget(editor)
    assert "Time-schedule mode only." in editor.toolTip()
    assert "Allowed: a time of day" in editor.toolTip()


# -- editing, dirty marks, revert ---------------------------------------------------------------


def test_editing_a_spin_marks_the_form_dirty_and_revert_clears_it(qtbot):
    form = shown(qtbot, ModuleForm(module("cmos"), "GXV3662_HD"))
    form.load({"up_bias": "8160", "down_bias": "8150", "flip": "0"})
    spin = form.editor("up_bias").spin
    with qtbot.waitSignal(form.dirty_changed) as blocker:
        qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert blocker.args == [True]
    assert form.changes() == {"up_bias": "8161"}
    assert form.editor("up_bias").dirty_mark()
    assert not form.editor("down_bias").dirty_mark()
    assert form._labels["up_bias"].font().bold()

    with qtbot.waitSignal(form.dirty_changed) as blocker:
        form.revert()
    assert blocker.args == [False]
    assert form.changes() == {} and not form.is_dirty()
    assert spin.value() == 8160
    assert not form.editor("up_bias").dirty_mark()

    # Stepping there and back again is no change either.
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    qtbot.keyClick(spin, Qt.Key.Key_Down)
    assert form.changes() == {} and not form.is_dirty()


def test_mark_applied_makes_current_values_the_baseline(qtbot):
    form = shown(qtbot, ModuleForm(module("cmos"), "GXV3662_HD"))
    form.load({"up_bias": "8160"})
    qtbot.keyClick(form.editor("up_bias").spin, Qt.Key.Key_Up)
    form.mark_applied()
    assert form.changes() == {} and not form.is_dirty()
    form.revert()
    assert form.editor("up_bias").wire() == "8161"


# -- invalid input is refused inline --------------------------------------------------------------


def test_text_over_max_bytes_is_refused_inline_and_by_validate(qtbot):
    form = shown(qtbot, ModuleForm(module("osd"), "GXV3611_HD"))
    form.load({"osdtext": "Gate"})
    editor = form.editor("osdtext")
    assert editor.counter.text() == "4/63 bytes"
    editor.edit.setText("é" * 40)  # 80 bytes
    assert editor.counter.text() == "80/63 bytes"
    assert editor.error() and "63 bytes" in editor.error()  # refused while typing
    errors = form.validate()
    assert [e.name for e in errors] == ["osdtext"]
    assert "at most 63 bytes" in errors[0].message
    assert errors[0].message in editor.toolTip()
    editor.edit.setText("Gate 3")
    assert editor.error() is None
    assert form.validate() == []
    assert form.changes() == {"osdtext": "Gate 3"}


def test_bad_ipv4_is_marked_by_validate(qtbot):
    form = shown(qtbot, ModuleForm(module("network"), "GXV3672_FHD"))
    form.load({"ipaddress": "192.168.1.10", "subnetmask": "255.255.255.0"})
    editor = form.editor("ipaddress")
    editor.edit.clear()
    qtbot.keyClicks(editor.edit, "300.1.1.1x")  # the validator drops the letter
    assert editor.wire() == "300.1.1.1"
    errors = form.validate()
    assert [e.name for e in errors] == ["ipaddress"]
    assert "IPv4" in editor.error()
    assert form.editor("subnetmask").error() is None
    editor.edit.setText("192.168.1.11")
    assert form.validate() == []
    assert editor.error() is None


def test_spin_value_the_model_does_not_allow_is_shown_then_refused(qtbot):
    # Brightness is 0-5 on the GXV3611_HD; a device that reports 9 is shown as 9, marked.
    form = shown(qtbot, ModuleForm(module("videocontrol"), "GXV3611_HD"))
    form.load({"brightness": "9", "contrast": "2", "saturation": "3"})
    editor = form.editor("brightness")
    assert editor.spin.value() == 9 and editor.wire() == "9"
    assert "outside 0–5" in editor.note()
    assert form.changes() == {} and not form.is_dirty()
    qtbot.keyClick(editor.spin, Qt.Key.Key_Down)
    assert form.changes() == {"brightness": "8"}
    errors = form.validate()
    assert [(e.name, e.value) for e in errors] == [("brightness", "8")]
    assert "out of range" in editor.error()
    for _ in range(3):
        qtbot.keyClick(editor.spin, Qt.Key.Key_Down)
    assert editor.spin.maximum() == 5  # back in range: the box is narrowed again
    assert form.validate() == [] and editor.error() is None


# -- device values the registry does not know ----------------------------------------------------


def test_unknown_device_values_are_shown_and_kept(qtbot):
    form = shown(qtbot, ModuleForm(module("cmos"), "GXV3672_FHD"))
    form.load(
        {
            "color_mod": "7",
            "flip": "2",
            "daytime_start": "90000",
            "ir_cut_sensitivity": "9",
            "privacymask": "garbled;;text",
        }
    )
    combo = form.editor("color_mod")
    assert combo.combo.currentText() == "unknown (7)" and combo.wire() == "7"
    assert combo.note()
    switch = form.editor("flip")
    assert switch.box.checkState() == Qt.CheckState.PartiallyChecked and switch.wire() == "2"
    assert form.editor("daytime_start").wire() == "90000"
    assert form.editor("ir_cut_sensitivity").spin.value() == 9
    assert form.editor("privacymask").wire() == "garbled;;text"
    assert form.changes() == {} and not form.is_dirty()
    # A field the device did not send shows so, and is no change.
    iris = form.editor("iris")
    assert iris.combo.currentIndex() == -1 and iris.wire() == ""
    # Choosing a known value replaces the unknown one.
    combo.combo.setCurrentIndex(0)
    assert form.changes() == {"color_mod": "0"}


def test_known_value_in_another_form_is_no_change(qtbot):
    form = shown(qtbot, ModuleForm(module("osd"), "GXV3611_HD"))
    form.load({"osdcolor": "0xff0000", "osdopacity": "050"})
    assert form.editor("osdcolor").combo.currentText() == "Red"
    assert form.changes() == {}


# -- passwords and actions ------------------------------------------------------------------------


def test_password_is_never_shown_and_only_sent_when_typed(qtbot):
    form = shown(qtbot, ModuleForm(module("smtp"), "GXV3672_FHD"))
    editor = form.editor("emailpassword")
    assert editor.edit.placeholderText() == "unchanged"
    assert editor.edit.echoMode() == QLineEdit.EchoMode.Password
    form.load({"emailpassword": "leaked-by-device"})
    assert editor.edit.text() == "" and not editor.is_set()
    assert "emailpassword" not in form.changes() and not form.is_dirty()
    qtbot.keyClicks(editor.edit, "n3w")
    assert form.changes() == {"emailpassword": "n3w"} and form.is_dirty()
    form.mark_applied()
    assert editor.edit.text() == "" and form.changes() == {}


def test_action_button_emits_its_name_and_is_never_a_change(qtbot):
    form = shown(qtbot, ModuleForm(module("maintenance"), "GXV3672_FHD"))
    editor = form.editor("restart")
    assert editor.button.text() == "Restart"
    with qtbot.waitSignal(form.action_requested) as blocker:
        qtbot.mouseClick(editor.button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["restart"]
    assert editor.wire() == "yes"
    assert "restart" not in form.changes() and not form.is_dirty()


# -- week grid, points, privacy masks -------------------------------------------------------------


def test_week_grid_click_drag_and_headers(qtbot):
    form = shown(qtbot, ModuleForm(module("sdrecord"), "GXV3672_FHD"))
    form.load({"record_time_table": "0" * 168, "enable_time_table": "1"})
    editor = form.editor("record_time_table")
    grid = editor.grid
    vp = grid.viewport()

    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=grid.cell_center(1, 13))
    wire = editor.wire()
    assert len(wire) == 168 and wire[1 * 24 + 13] == "1" and wire.count("1") == 1
    assert form.changes() == {"record_time_table": wire}
    assert grid.item(1, 13).data(Qt.ItemDataRole.AccessibleTextRole).endswith("on")

    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=grid.cell_center(1, 13))
    assert editor.wire() == "0" * 168 and not form.is_dirty()

    # Drag along Tuesday 03:00 to 08:00: every hour on the way is painted.
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=grid.cell_center(2, 3))
    qtbot.mouseMove(vp, pos=grid.cell_center(2, 8))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=grid.cell_center(2, 8))
    wire = editor.wire()
    assert [i for i, c in enumerate(wire) if c == "1"] == list(range(2 * 24 + 3, 2 * 24 + 9))
    assert editor.summary.text() == "6 of 168 hours on"

    # A click on "Sat" switches the whole day; a click on hour 0 the hour on every day.
    vh = grid.verticalHeader()
    qtbot.mouseClick(
        vh.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(vh.width() // 2, vh.sectionViewportPosition(6) + CELL // 2),
    )
    assert editor.wire()[6 * 24 :] == "1" * 24
    hh = grid.horizontalHeader()
    qtbot.mouseClick(
        hh.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(hh.sectionViewportPosition(0) + CELL // 2, hh.height() // 2),
    )
    assert all(editor.wire()[d * 24] == "1" for d in range(7))
    assert len(editor.wire()) == 168
    assert form.validate() == []


def test_week_grid_keyboard_and_all_buttons(qtbot):
    param = module("sdrecord").param("record_time_table")
    editor = shown(qtbot, make_editor(param, param.type))
    editor.set_wire("0" * 168)
    editor.grid.setFocus()
    editor.grid.setCurrentCell(0, 0)
    qtbot.keyClick(editor.grid, Qt.Key.Key_Right)
    qtbot.keyClick(editor.grid, Qt.Key.Key_Space)
    assert editor.wire() == "01" + "0" * 166
    editor.all_on.click()
    assert editor.wire() == "1" * 168
    editor.set_read_only(True)
    editor.all_off.click()
    qtbot.mouseClick(
        editor.grid.viewport(), Qt.MouseButton.LeftButton, pos=editor.grid.cell_center(0, 0)
    )
    assert editor.wire() == "1" * 168


def test_point_editor_packs_x_and_y(qtbot):
    param = module("motiondetect").param("md.regn.leftup")
    editor = shown(qtbot, make_editor(param, param.type))
    editor.set_wire("0")
    with qtbot.waitSignal(editor.changed):
        editor.x.setValue(490)
    editor.y.setValue(5)
    assert editor.wire() == "32112645"
    editor.set_wire("43254240")
    assert (editor.x.value(), editor.y.value()) == (660, 480)
    assert editor.x.accessibleName() == "Top-left corner X"


def test_privacy_mask_editor_uses_the_type_format(qtbot):
    form = shown(qtbot, ModuleForm(module("cmos"), "GXV3672_FHD"))
    form.load({"privacymask": "0,0,0,0,0," * 3 + "0,0,0,0,0"})
    editor = form.editor("privacymask")
    editor.enabled[1].setChecked(True)
    for spin, value in zip(editor.coords[1], (10, 20, 300, 200), strict=True):
        spin.setValue(value)
    expected = "0,0,0,0,0,1,10,20,300,200,0,0,0,0,0,0,0,0,0,0"
    assert editor.wire() == expected == PrivacyMask().normalise(expected)
    assert form.changes() == {"privacymask": expected}
    assert form.validate() == []
    # GET records (ID,E,X1,Y1,X2,Y2) load as well.
    editor.set_wire("0,1,5,5,50,50;3,1,600,500,700,570")
    assert editor.enabled[0].isChecked() and editor.enabled[3].isChecked()
    assert editor.wire() == "1,5,5,50,50,0,0,0,0,0,0,0,0,0,0,1,600,500,700,570"
    # An unfinished rectangle is refused by validation, not lost.
    editor.coords[0][2].setValue(1)
    assert editor.error() and "region A" in editor.error()


# -- device errors --------------------------------------------------------------------------------


def test_show_device_error_matches_any_spelling(qtbot):
    form = shown(qtbot, ModuleForm(module("motiondetect"), "GXV3672_FHD"))
    assert form.show_device_error("md_record_storage", "No SD card in the camera")
    editor = form.editor("md.record.storage")
    assert editor.error() == "No SD card in the camera"
    assert "No SD card in the camera" in editor.toolTip()
    assert not form.show_device_error("no_such_field", "x")
    form.load({})
    assert editor.error() is None


# -- record tables --------------------------------------------------------------------------------


def test_list_record_add_and_remove(qtbot):
    mod = module("usermanage")
    table = shown(qtbot, RecordTable(mod, mod.records[0], "GXV3672_FHD"))
    table.load(
        [
            {"user.index": "1", "user.level": "0", "user.name": "admin"},
            {"user_index": "2", "user_level": "1", "user_name": "viewer"},
        ]
    )
    assert table.table.rowCount() == 2
    assert table.table.item(1, 1).text() == "User"
    assert table.add_button.isVisible() and table.remove_button.isVisible()
    assert not table.is_dirty()

    dialog = table.add_dialog()
    assert "user.index" not in dialog.values()  # the device numbers new users
    dialog.editor("user.name").edit.setText("tech")
    dialog.editor("user.password").edit.setText("s3cret")
    dialog.accept()  # no privilege chosen: refused, the dialog stays
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.editor("user.level").error()
    assert table.pending_adds() == []
    dialog.editor("user.level").combo.setCurrentIndex(1)
    with qtbot.waitSignal(table.dirty_changed) as blocker:
        dialog.accept()
    assert blocker.args == [True]
    assert table.pending_adds() == [
        {"user.level": "1", "user.name": "tech", "user.password": "s3cret"}
    ]
    row = table.table.rowCount() - 1
    texts = [table.table.item(row, c).text() for c in range(table.table.columnCount())]
    assert "s3cret" not in texts and "tech" in texts
    headers = [table.table.horizontalHeaderItem(c).text() for c in range(len(texts))]
    assert headers == ["User", "Privilege", "User name"]  # no password column
    assert dialog.editor("user.password").edit.echoMode() == QLineEdit.EchoMode.Password
    assert table.table.item(row, 0).background().color().name() != "#000000"

    table.table.selectRow(1)
    table.remove_button.click()
    assert table.pending_removes() == ["viewer"]
    assert table.table.item(1, 2).font().strikeOut()

    table.revert()
    assert table.pending_adds() == [] and table.pending_removes() == []
    assert not table.is_dirty() and table.table.rowCount() == 2

    assert table.add_item({"user.level": "2", "user.name": "guest"}) == []
    table.mark_applied()
    assert not table.is_dirty() and table.table.rowCount() == 3
    assert table.add_item({"user.level": "9", "user.name": "x"})[0].name == "user.level"


def test_list_record_defaults_and_remove_key(qtbot):
    mod = module("motiondetect")
    schedules = next(r for r in mod.records if r.name == "schedules")
    table = shown(qtbot, RecordTable(mod, schedules, "GXV3672_FHD"))
    table.load([{"md.regn.schedule.id": "1", "md.regn.schedule.dayset": "1"}])
    dialog = table.add_dialog()
    assert dialog.values() == {
        "md.regn.index": "0",  # the region the schedule belongs to
        "md.regn.schedule.dayset": "7",
        "md.regn.schedule.starttime": "0",
        "md.regn.schedule.endtime": "86399",
    }
    dialog.accept()
    assert len(table.pending_adds()) == 1
    table.table.selectRow(0)
    table.remove_selected()
    assert table.pending_removes() == ["1"]
    table.remove_selected()  # again: the mark is taken back
    assert table.pending_removes() == []


def test_slots_record_edit(qtbot):
    mod = module("motiondetect")
    regions = next(r for r in mod.records if r.name == "regions")
    table = shown(qtbot, RecordTable(mod, regions, "GXV3672_FHD"))
    assert table.edit_button.isVisible() and not table.add_button.isVisible()
    table.load(
        [
            {"md.regn.index": str(i), "md.regn.leftup": "0", "md.regn.rightdown": "0",
             "md.regn.sensitivity": "50"}
            for i in range(2)
        ]
    )  # fmt: skip
    assert table.table.item(1, 1).text() == "0,0"
    dialog = table.edit_dialog(1)
    assert dialog.editor("md.regn.index").is_read_only()
    dialog.editor("md.regn.sensitivity").spin.setValue(80)
    dialog.editor("md.regn.rightdown").x.setValue(200)
    dialog.editor("md.regn.rightdown").y.setValue(100)
    with qtbot.waitSignal(table.dirty_changed):
        dialog.accept()
    assert table.slot_changes() == {
        "1": {"md.regn.rightdown": str(200 << 16 | 100), "md.regn.sensitivity": "80"}
    }
    assert table.table.item(1, 3).font().bold()
    assert table.table.item(1, 2).text() == "200,100"
    table.mark_applied()
    assert table.slot_changes() == {} and not table.is_dirty()
