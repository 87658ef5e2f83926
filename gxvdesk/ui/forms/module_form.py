"""A module's settings page, generated from the registry: one editor per flat parameter.

The form knows nothing of the network. The caller loads what the device sent, asks for
:meth:`ModuleForm.changes` (validated with :meth:`ModuleForm.validate`), sends them, and
calls :meth:`ModuleForm.mark_applied`, or shows the device's refusal with
:meth:`ModuleForm.show_device_error`.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...registry.spec import Module, Param
from ...registry.validation import FieldError, validate
from .editors import Editor, make_editor, same_value

#: Widest the fields grow: long text lines are hard to read across a full-screen window.
MAX_FORM_WIDTH = 820


#: Height of a one-line editor of each class (the same for every instance; sizeHint is slow).
_LINE_HEIGHT: dict[type, int] = {}


def align_label(label: QLabel, editor: Editor) -> None:
    """Centre a label on a one-line editor; put it level with the first line of a tall one."""
    if editor.tall:
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(0, 6, 0, 0)
        return
    kind = type(editor)
    if kind not in _LINE_HEIGHT:
        _LINE_HEIGHT[kind] = editor.sizeHint().height()
    label.setMinimumHeight(_LINE_HEIGHT[kind])
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ModuleForm(QWidget):
    """Editors for ``module``'s flat parameters on ``model``, in registry order.

    Settings first (actions as buttons where the registry puts them), then read-only
    values under "Status". Values are wire text keyed by registry name.
    """

    #: True when the first field differs from what was loaded, False when none does.
    dirty_changed = Signal(bool)
    #: The registry name of an action whose button was pressed.
    action_requested = Signal(str)

    def __init__(self, module: Module, model: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.module = module
        self.model = model
        self._params: dict[str, Param] = {}
        self._editors: dict[str, Editor] = {}
        self._labels: dict[str, QLabel] = {}
        self._loaded: dict[str, str | None] = {}
        self._baseline: dict[str, str] = {}
        self._dirty_names: set[str] = set()
        self._dirty = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self._scroll)
        self.body = QWidget()
        self.body.setMaximumWidth(MAX_FORM_WIDTH)
        self._form = QFormLayout(self.body)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._form.setVerticalSpacing(2)
        self._scroll.setWidget(self.body)  # before the rows: reparenting a full body is slow

        # The channel key selects a channel (the page's channel selector); it is no setting.
        channel_key = module.find(module.channel_key) if module.channel_key else None
        params = [p for p in module.params_for(model) if p is not channel_key]
        if module.needs_reboot:
            self._note(self.tr("Changes on this page take effect after the device restarts."))
        if not params:
            self._note(self.tr("This module has no settings of its own."))
        settings = [p for p in params if not p.read_only]
        status = [p for p in params if p.read_only]
        for param in settings:
            self._add_row(param)
        if status:
            self._heading(self.tr("Status") if settings else "")
            for param in status:
                self._add_row(param)
        for name, editor in self._editors.items():
            self._loaded[name] = editor.wire()
            self._baseline[name] = editor.wire()

    # -- building --------------------------------------------------------------------------

    def _note(self, text: str) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        self._form.addRow(label)

    def _heading(self, text: str) -> None:
        if not text:
            return
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        label.setContentsMargins(0, 12, 0, 2)
        self._form.addRow(label)

    def _add_row(self, param: Param) -> None:
        editor = make_editor(param, param.type_for(self.model))
        editor.setObjectName(param.name)
        name = param.name
        self._params[name] = param
        self._editors[name] = editor
        if param.read_only:
            editor.set_read_only(True)
        if param.action:
            editor.action_requested.connect(lambda n=name: self.action_requested.emit(n))
            self._form.addRow("", editor)
            return
        label = QLabel(param.label)
        label.setBuddy(editor)
        label.setToolTip(editor.toolTip())
        align_label(label, editor)
        self._labels[name] = label
        self._form.addRow(label, editor)
        editor.changed.connect(lambda n=name: self._on_changed(n))

    # -- public API ------------------------------------------------------------------------

    def names(self) -> list[str]:
        """Registry names of the form's fields, in order."""
        return list(self._editors)

    def editor(self, name: str) -> Editor:
        """The editor of ``name`` (any spelling)."""
        param = self.module.find(name)
        if param is None or param.name not in self._editors:
            raise KeyError(f"{self.module.name} form on {self.model} has no field {name!r}")
        return self._editors[param.name]

    def load(self, values: Mapping[str, str]) -> None:
        """Show the device's values (any spelling of the names); they become the baseline.

        Fields missing from ``values`` show "not reported" and count as unchanged.
        """
        found: dict[str, str] = {}
        for key, text in values.items():
            param = self.module.find(key)
            if param is not None and param.name in self._editors and text is not None:
                found[param.name] = str(text)
        for name, editor in self._editors.items():
            self._loaded[name] = found.get(name)
            editor.set_wire(found.get(name))
            self._baseline[name] = editor.wire()
        self._clear_marks()

    def changes(self) -> dict[str, str]:
        """Registry name -> wire text of every field that differs from the baseline.

        Secrets only when typed; actions and read-only fields never.
        """
        return {name: ed.wire() for name, ed in self._editors.items() if self._differs(name)}

    def validate(self) -> list[FieldError]:
        """Check :meth:`changes` with the registry; mark failing fields, clear the others."""
        changes = self.changes()
        errors = validate(self.module, changes, self.model, "set") if changes else []
        failing: dict[str, str] = {}
        for error in errors:
            param = self.module.find(error.name)
            if param is not None and param.name in self._editors:
                failing.setdefault(param.name, error.message)
        for name, editor in self._editors.items():
            editor.set_error(failing.get(name))
        if failing:
            self._scroll.ensureWidgetVisible(self._editors[next(iter(failing))])
        return errors

    def is_dirty(self) -> bool:
        return self._dirty

    def revert(self) -> None:
        """Show the baseline again, dropping every edit."""
        for name, editor in self._editors.items():
            editor.set_wire(self._loaded.get(name))
            self._baseline[name] = editor.wire()
        self._clear_marks()

    def mark_applied(self) -> None:
        """The current values become the baseline (after the device accepted them)."""
        for name, editor in self._editors.items():
            param = self._params[name]
            if param.secret:
                editor.set_wire(None)  # sent once; the field shows "unchanged" again
            elif self._differs(name):
                self._loaded[name] = editor.wire()
            self._baseline[name] = editor.wire()
        self._clear_marks()

    def show_device_error(self, name: str, message: str) -> bool:
        """Mark the field the device named (any spelling); False if the form has none."""
        param = self.module.find(name)
        if param is None or param.name not in self._editors:
            return False
        editor = self._editors[param.name]
        editor.set_error(message)
        self._scroll.ensureWidgetVisible(editor)
        return True

    # -- change tracking -------------------------------------------------------------------

    def _differs(self, name: str) -> bool:
        param = self._params[name]
        editor = self._editors[name]
        if param.action or param.read_only:
            return False
        if param.secret:
            return editor.is_set()
        return not same_value(editor.ptype, self._baseline[name], editor.wire())

    def _on_changed(self, name: str) -> None:
        self._mark(name, self._differs(name))
        self._update_dirty()

    def _mark(self, name: str, dirty: bool) -> None:
        if dirty:
            self._dirty_names.add(name)
        else:
            self._dirty_names.discard(name)
        self._editors[name].set_dirty_mark(dirty)
        label = self._labels.get(name)
        if label is not None and label.font().bold() != dirty:
            font = label.font()
            font.setBold(dirty)
            label.setFont(font)

    def _clear_marks(self) -> None:
        for name in list(self._dirty_names):
            self._mark(name, False)
        for editor in self._editors.values():
            editor.set_error(None)
        self._update_dirty()

    def _update_dirty(self) -> None:
        dirty = bool(self._dirty_names)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
