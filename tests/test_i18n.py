"""Every user-visible string goes through Qt's translation (``tr()``/``translate()``).

Two checks:

- a scan of the source of every file in ``gxvdesk/ui``: a text-setting Qt call must not get
  a bare string literal (or f-string, or literal joined or formatted in place) that contains
  letters; :data:`ALLOWED` lists the few texts that are the same in every language;
- a pseudo-translator installed in the application: a sample of visible texts of the
  generated forms, the live view and the PTZ widgets comes out translated, which shows the
  texts really reach ``QCoreApplication.translate`` at run time (and that placeholders are
  filled in after translation, not before).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QWidget

import gxvdesk.ui

UI = Path(gxvdesk.ui.__file__).parent
ROOT = UI.parent.parent
FILES = sorted(UI.rglob("*.py"))

#: Texts shown as they are in every language: the product's name.
ALLOWED = frozenset({"gxvdesk"})

#: Text-setting methods: name -> which positional arguments hold text ("all" for any).
METHODS: dict[str, tuple[int, ...] | str] = {
    "setText": (0,),
    "setToolTip": (0,),
    "setPlaceholderText": (0,),
    "setWindowTitle": (0,),
    "setAccessibleName": (0,),
    "showMessage": (0,),
    "addTab": "all",  # addTab(widget, text) or addTab(widget, icon, text)
    "addItem": "text-first",  # addItem(text, data) or addItem(icon, text, data)
    # beyond the usual suspects: other texts a technician reads
    "setAccessibleDescription": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setTitle": (0,),
    "setInformativeText": (0,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "setHorizontalHeaderLabels": "all",  # each element of a list literal
    "setVerticalHeaderLabels": "all",
    "setHeaderLabels": "all",
}
#: QMessageBox's static dialogs (title and text): only when called on QMessageBox itself,
#: so that ``log.warning(...)`` is not taken for one.
MESSAGE_BOXES = frozenset({"information", "warning", "critical", "question", "about"})
#: Widget and action classes whose constructors take a text (any positional argument).
CONSTRUCTORS = frozenset(
    {"QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction"}
)
#: Keyword arguments that carry text.
TEXT_KEYWORDS = frozenset({"text", "title", "toolTip", "placeholderText"})


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and text.strip() not in ALLOWED


def bare_text(node: ast.AST) -> str | None:
    """The untranslated text ``node`` shows, if it is a literal, f-string or a literal
    joined, %-formatted or ``.format()``-ed in place; None when it is anything else
    (a ``tr()`` call, a variable, registry data...)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _has_letters(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
        text = "".join(str(p) for p in parts)
        return f"f{text!r}" if _has_letters(text) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return bare_text(node.left) or bare_text(node.right)
    if isinstance(node, ast.IfExp):
        return bare_text(node.body) or bare_text(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return next((t for t in map(bare_text, node.elts) if t is not None), None)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    ):
        return bare_text(node.func.value)
    return None


def _callee(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _looks_like_icon(node: ast.AST) -> bool:
    """``addItem(icon, text, data)`` or ``addItem(text, data)``? Judged by the first
    argument's spelling (``icon``, ``QIcon(...)``, ``_swatch(...)``, ``pixmap``)."""
    spelled = ast.unparse(node).lower()
    return any(word in spelled for word in ("icon", "swatch", "pixmap"))


def _text_arguments(node: ast.Call) -> list[ast.AST]:
    """The arguments of ``node`` that are shown as text, if it is a text-setting call."""
    name = _callee(node)
    args = list(node.args)
    texts: list[ast.AST] = [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
    if name in CONSTRUCTORS:
        return texts + args
    func = node.func
    if (
        name in MESSAGE_BOXES
        and isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "QMessageBox"
    ):
        return texts + args[1:3]  # (parent, title, text, ...)
    where = METHODS.get(name) if isinstance(node.func, ast.Attribute) else None
    if where is None:
        return []
    if where == "all":
        return texts + args
    if where == "text-first":
        if args and _looks_like_icon(args[0]):
            return texts + args[1:2]
        return texts + args[:1]
    assert isinstance(where, tuple)
    return texts + [args[i] for i in where if i < len(args)]


def offenders(source: str, filename: str = "<source>") -> list[str]:
    """``file:line: call gets bare text '...'`` for every untranslated visible text."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        for arg in _text_arguments(node):
            text = bare_text(arg)
            if text is not None:
                found.append(f"{filename}:{arg.lineno}: {_callee(node)}() gets bare text {text!r}")
    return found


# -- the scanner itself --------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        'label.setText("Saved")',
        'label.setText(f"Saved {name}")',
        'label.setText("Saved " + name)',
        'label.setText("Saved %s" % name)',
        'label.setText("Saved {}".format(name))',
        'label.setText("On" if on else "Off")',
        'box.setToolTip("Turn the head")',
        'box.setPlaceholderText("unchanged")',
        'window.setWindowTitle("Backup")',
        'button.setAccessibleName("Zoom in")',
        'bar.showMessage("Done", 3000)',
        'tabs.addTab(page, "Presets")',
        'tabs.addTab(page, icon, "Presets")',
        'combo.addItem("Primary stream", "primary")',
        'combo.addItem(icon, "Red", 1)',
        'QLabel("Name", self)',
        'QPushButton("Go to", self)',
        'QPushButton(icon, "Go to", self)',
        'QCheckBox(text="On")',
        'QGroupBox("Network")',
        'QAction("&Quit", self)',
        'QtWidgets.QLabel("Name")',
        'tabs.setTabToolTip(0, "Speeds and limits")',
        'table.setHorizontalHeaderLabels(["Name", "Level"])',
        'QMessageBox.warning(self, "Restore", "Nothing was restored.")',
        'QMessageBox.about(self, title, f"<b>gxvdesk</b><br>Configurator for {what}")',
    ],
)
def test_scanner_finds_bare_text(line):
    assert offenders(line), line


@pytest.mark.parametrize(
    "line",
    [
        'label.setText(self.tr("Saved"))',
        'label.setText(self.tr("Saved {file}").format(file=name))',
        'label.setText(self.tr("Saved %1").replace("%1", name))',
        'label.setText(QCoreApplication.translate("Ctx", "Saved"))',
        "label.setText(param.label)",
        'label.setText(f"{done}/{total}")',
        'label.setText("—")',
        'label.setText("…")',
        'label.setText("63")',
        'window.setWindowTitle("gxvdesk")',
        'combo.addItem(self.tr("Primary"), "primary")',
        'combo.addItem(text, "primary")',
        'combo.addItem(icon, self.tr("Red"), "red")',
        'combo.addItem(_swatch(rgb), label, "red")',
        "QLabel(self)",
        "QToolButton()",
        'settings.setValue("geometry", data)',
        'log.info("Saved %s", name)',
        'log.warning("%r: %s", self, "late")',
        "table.setHorizontalHeaderLabels([p.label for p in params])",
    ],
)
def test_scanner_lets_translated_and_neutral_text_pass(line):
    assert offenders(line) == [], line


# -- the package ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(UI)))
def test_visible_texts_go_through_tr(path: Path):
    found = offenders(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not found, "untranslated user-visible text (wrap it in self.tr()):\n" + "\n".join(found)


# -- at run time ---------------------------------------------------------------------------

OPEN, CLOSE = "⟦", "⟧"


class PseudoTranslator(QTranslator):
    """Translates every text to ``⟦text⟧`` and remembers what it was asked."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[override]
        if context == "QGuiApplication":  # QT_LAYOUT_DIRECTION and friends: leave alone
            return None
        self.asked.append((context, source))
        return f"{OPEN}{source}{CLOSE}"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo(qapp):
    translator = PseudoTranslator()
    assert qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def translated(text: str) -> bool:
    return text.startswith(OPEN) and text.endswith(CLOSE) and "{" not in text


def test_pseudo_translator_reaches_tr(pseudo):
    assert QCoreApplication.translate("Any", "Apply") == "⟦Apply⟧"


def test_form_texts_are_translated(qtbot, pseudo):
    from gxvdesk.registry import module
    from gxvdesk.ui.forms import ModuleForm, RecordTable, make_editor

    form = ModuleForm(module("osd"), "GXV3672_FHD")
    qtbot.addWidget(form)
    form.load({})
    texts = []
    for name in form.names():
        editor = form.editor(name)
        if editor.note():
            texts.append(editor.note())
        counter = getattr(editor, "counter", None)
        if counter is not None:
            texts += [counter.text(), counter.accessibleName()]
        if hasattr(editor, "edit"):
            texts.append(editor.edit.placeholderText())
        if hasattr(editor, "combo"):
            texts.append(editor.combo.placeholderText())
    texts = [t for t in texts if t]
    assert texts
    assert all(translated(t) for t in texts), texts

    week = module("sdrecord")
    grid = make_editor(week.param("record_time_table"))
    qtbot.addWidget(grid)
    grid.set_wire("1" * 168)
    texts = [grid.all_on.text(), grid.all_off.text(), grid.summary.text()]
    texts += [grid.grid.item(0, 0).toolTip(), grid.grid.verticalHeaderItem(0).text()]
    assert all(translated(t) for t in texts), texts

    users = module("usermanage")
    table = RecordTable(users, users.records[0], "GXV3672_FHD")
    qtbot.addWidget(table)
    table.load([{"user.index": "1", "user.level": "0", "user.name": "admin"}])
    texts = [table.add_button.text(), table.remove_button.accessibleName()]
    texts.append(table.count_label.text())
    assert all(translated(t) for t in texts), texts


def test_live_and_ptz_texts_are_translated(qtbot, pseudo):
    from gxvdesk.ui.live import FrameView, LiveGrid
    from gxvdesk.ui.ptz.controller import CommandResult, failure_text
    from gxvdesk.ui.ptz.pad import PtzPad
    from gxvdesk.ui.ptz.presets import PresetList
    from gxvdesk.ui.ptz.settings import PtzSettings

    host = QWidget()
    qtbot.addWidget(host)
    grid = LiveGrid(parent=host)
    view = FrameView(parent=host)
    pad = PtzPad(None, host)
    presets = PresetList(range(1, 4), host)
    settings = PtzSettings(None, "GXV3504", None, host)  # type: ignore[arg-type]
    pad._on_finished(CommandResult("up", 1, 20, 0.012, 0.001))
    texts = [
        grid.empty_label.text(),
        grid.layout_box.itemText(0),
        grid.layout_box.toolTip(),
        view.status_line()[0],
        pad.stop_button.text(),
        pad.joystick.toolTip(),
        pad.joystick.accessibleName(),
        pad.buttons["zoom-in"].text(),
        pad.buttons["zoom-in"].toolTip(),
        pad.answer.text(),
        presets.goto_button.text(),
        presets.name.placeholderText(),
        presets.legend.text(),
        settings.apply_button.text(),
        settings.tabs.tabText(0),
        settings.tabs.tabToolTip(0),
        failure_text(CommandResult("zoom-in", 9, 20, None, 0.0, error="timed out")),
        failure_text(CommandResult("stop", 0, 0, None, 0.0, error="timed out")),
    ]
    assert all(translated(t) for t in texts), texts


def test_every_ptz_action_has_a_shown_name():
    from gxvdesk.services.ptz import ACTIONS
    from gxvdesk.ui.ptz.controller import ACTION_TEXT

    assert set(ACTIONS) - {"stop"} == set(ACTION_TEXT)
