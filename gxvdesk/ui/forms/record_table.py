"""A record's items as a table, generated from the registry: slots edited, list items
added and removed.

``kind="slots"`` (motion regions, alarm inputs): a row is edited in a dialog built from
the record's parameters (double-click or "Edit…"); :meth:`RecordTable.slot_changes`
gives what changed per slot. ``kind="list"`` (users, schedules, phonebook): "Add…" opens
a dialog built the same way, "Remove" marks rows; both stay pending, shown in colour,
until :meth:`RecordTable.mark_applied`. No network code: the caller sends the changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...registry.spec import Module, Param, Record
from ...registry.validation import FieldError, validate
from ..theme import is_dark, state_colour
from .editors import Editor, make_editor, same_value, tooltip_for
from .module_form import align_label

#: Backgrounds of pending rows (light palette, dark palette); the table's text colour
#: stays readable on both.
ADDED_BG = (QColor("#dff3dc"), QColor("#1f4424"))
CHANGED_BG = (QColor("#e3effc"), QColor("#1c3a5c"))


class RecordDialog(QDialog):
    """A form for one record item; refuses to close while a value is invalid."""

    def __init__(
        self,
        module: Module,
        model: str | None,
        params: list[Param],
        verb: str,
        title: str,
        parent: QWidget | None = None,
        read_only: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.module = module
        self.model = model
        self.verb = verb
        self._editors: dict[str, Editor] = {}
        self._params = {p.name: p for p in params}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for param in params:
            editor = make_editor(param, param.type_for(model))
            if param.read_only or param.name in read_only:
                editor.set_read_only(True)
            label = QLabel(param.label)
            label.setBuddy(editor)
            label.setToolTip(editor.toolTip())
            align_label(label, editor)
            form.addRow(label, editor)
            self._editors[param.name] = editor
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._colour_message()
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _colour_message(self) -> None:
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, state_colour("error", self.palette()))
        self.message.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "message"):
            self._colour_message()

    def editor(self, name: str) -> Editor:
        param = self.module.find(name)
        if param is None or param.name not in self._editors:
            raise KeyError(name)
        return self._editors[param.name]

    def load(self, values: Mapping[str, str | None], *, blank_missing: bool = False) -> None:
        """Show ``values``; missing ones are blank (new item) or "not reported"."""
        for name, editor in self._editors.items():
            text = values.get(name)
            if text is None and blank_missing:
                editor.blank()
            else:
                editor.set_wire(text)

    def values(self) -> dict[str, str]:
        """Registry name -> wire text of the editable fields (secrets only when typed)."""
        out: dict[str, str] = {}
        for name, editor in self._editors.items():
            param = self._params[name]
            if editor.is_read_only() or param.action:
                continue
            if param.secret and not editor.is_set():
                continue
            if self.verb != "add" and not editor.is_reported():
                continue  # not reported by the device and left alone
            out[name] = editor.wire()
        return out

    def errors(self) -> list[FieldError]:
        """Registry validation of :meth:`values`; marks failing fields."""
        errors = validate(self.module, self.values(), self.model, self.verb)
        failing = {}
        for error in errors:
            param = self.module.find(error.name)
            if param is not None:
                failing.setdefault(param.name, error.message)
        for name, editor in self._editors.items():
            editor.set_error(failing.get(name))
        other = [str(e) for e in errors if e.name not in failing]
        self.message.setText("\n".join(other))
        self.message.setVisible(bool(other))
        return errors

    def accept(self) -> None:
        if self.errors():
            return
        super().accept()


@dataclass
class _Row:
    values: dict[str, str]
    original: dict[str, str]
    state: str = ""  # "", "added" or "removed"
    extra: dict[str, str] = field(default_factory=dict)


class RecordTable(QWidget):
    """The items of ``record`` on ``model``: columns are its parameters, by label."""

    #: True when the first pending change appears, False when none is left.
    dirty_changed = Signal(bool)

    def __init__(
        self, module: Module, record: Record, model: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.module = module
        self.record = record
        self.model = model
        #: The record's parameters on this model (the dialogs' fields), with the slot a list
        #: item belongs to (a schedule's motion region or alarm input) after the key.
        self.params = [p for p in record.params if p.applies_to(model)]
        self._parent = module.param(record.parent).name if record.parent else None
        if record.parent:
            self.params.insert(1, module.param(record.parent))
        #: The table's columns: the parameters minus secrets, which are never shown.
        self.columns = [p for p in self.params if not p.secret]
        self._types = {p.name: p.type_for(model) for p in self.params}
        self._key = module.param(record.key).name
        self._remove_key = module.param(record.remove_key or record.key).name
        self._rows: list[_Row] = []
        self._dirty = False
        self.slots = record.kind == "slots"
        self.dialog: RecordDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(self.columns))
        self.table.setAccessibleName(record.label)
        self.table.setHorizontalHeaderLabels([p.label for p in self.columns])
        for col, param in enumerate(self.columns):
            self.table.horizontalHeaderItem(col).setToolTip(
                tooltip_for(param, self._types[param.name])
            )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(
            QAbstractItemView.SelectionMode.SingleSelection
            if self.slots
            else QAbstractItemView.SelectionMode.ExtendedSelection
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table)

        row = QHBoxLayout()
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.add_button = QPushButton(self.tr("Add…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        what = record.label.lower()
        self.edit_button.setAccessibleName(self.tr("Edit {what}").format(what=what))
        self.add_button.setAccessibleName(self.tr("Add {what}").format(what=what))
        self.remove_button.setAccessibleName(self.tr("Remove {what}").format(what=what))
        for button in (self.edit_button, self.add_button, self.remove_button):
            row.addWidget(button)
        editable = [p for p in self.params if not p.read_only and p.name != self._key]
        can_set = "set" in module.verbs and bool(editable)
        self.edit_button.setVisible(self.slots and can_set)
        self.add_button.setVisible(not self.slots and "add" in module.verbs)
        self.remove_button.setVisible(not self.slots and "remove" in module.verbs)
        self.edit_button.clicked.connect(self._edit_clicked)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self.remove_selected)
        if self.slots and can_set:
            self.table.doubleClicked.connect(
                lambda index: self._open(self.edit_dialog(index.row()))
            )
        layout.addLayout(row)
        self._refresh()

    # -- loading and reading ---------------------------------------------------------------

    def load(self, items: list[Mapping[str, str]]) -> None:
        """Show the device's items (names in any spelling); drops every pending change."""
        self._rows = []
        for item in items:
            values: dict[str, str] = {}
            extra: dict[str, str] = {}
            for name, text in item.items():
                param = self.module.find(name)
                if param is not None and param.name in self._types:
                    values[param.name] = str(text)
                else:
                    extra[name] = str(text)
            self._rows.append(_Row(values, dict(values), extra=extra))
        self._refresh()

    def rows(self) -> list[dict[str, str]]:
        """Current values of every row, pending ones included."""
        return [dict(r.values) for r in self._rows]

    def slot_changes(self) -> dict[str, dict[str, str]]:
        """Slot key value -> changed fields (registry name -> wire text)."""
        out: dict[str, dict[str, str]] = {}
        for row in self._rows:
            changed = self._changed_fields(row)
            if changed:
                out[row.original.get(self._key, row.values.get(self._key, ""))] = changed
        return out

    def pending_adds(self) -> list[dict[str, str]]:
        return [dict(r.values) for r in self._rows if r.state == "added"]

    def pending_removes(self) -> list[str]:
        """Values of the record's remove key (or key) of the rows marked for removal."""
        return [r.values.get(self._remove_key, "") for r in self._rows if r.state == "removed"]

    def is_dirty(self) -> bool:
        return self._dirty

    # -- editing ---------------------------------------------------------------------------

    def edit_dialog(self, row: int) -> RecordDialog:
        """A dialog for slot ``row``; accepting it updates the row (pending)."""
        target = self._rows[row]
        params = [p for p in self.params if not p.action]
        dialog = RecordDialog(
            self.module,
            self.model,
            params,
            "set",
            f"{self.record.label}: {self._key_label(target)}",
            self,
            read_only=(self._key,),
        )
        dialog.load({p.name: target.values.get(p.name) for p in params})
        dialog.accepted.connect(lambda: self._apply_edit(target, dialog.values()))
        self.dialog = dialog
        return dialog

    def add_dialog(self) -> RecordDialog:
        """A dialog for a new item (defaults from the registry); accepting adds a pending row."""
        params = [
            p for p in self.params if p.name != self._key and not p.read_only and not p.action
        ]
        title = self.tr("Add to {what}").format(what=self.record.label.lower())
        dialog = RecordDialog(self.module, self.model, params, "add", title, self)
        defaults: dict[str, str | None] = {}
        for p in params:
            if p.default is not None:
                ptype = self._types[p.name]
                defaults[p.name] = ptype.format(ptype.parse(p.default))
        if self._parent is not None:
            defaults.setdefault(self._parent, "0")
        dialog.load(defaults, blank_missing=True)
        dialog.accepted.connect(lambda: self.add_item(dialog.values()))
        self.dialog = dialog
        return dialog

    def add_item(self, values: Mapping[str, str]) -> list[FieldError]:
        """Add a pending item after registry validation; returns the errors (none: added)."""
        errors = validate(self.module, values, self.model, "add")
        if not errors:
            clean = {self.module.param(k).name: str(v) for k, v in values.items()}
            self._rows.append(_Row(clean, {}, state="added"))
            self._refresh()
        return errors

    def remove_selected(self) -> None:
        """Mark the selected rows for removal; pending additions are simply dropped.

        If every selected row is already marked, the marks are taken back.
        """
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        self.remove_rows(rows)

    def remove_rows(self, rows: list[int]) -> None:
        chosen = [self._rows[i] for i in rows if 0 <= i < len(self._rows)]
        if not chosen:
            return
        if all(r.state == "removed" for r in chosen):
            for r in chosen:
                r.state = ""
        else:
            for r in chosen:
                if r.state == "added":
                    self._rows.remove(r)
                else:
                    r.state = "removed"
        self._refresh()

    def revert(self) -> None:
        """Drop every pending change."""
        self._rows = [r for r in self._rows if r.state != "added"]
        for r in self._rows:
            r.state = ""
            r.values = dict(r.original)
        self._refresh()

    def mark_applied(self) -> None:
        """The device took the pending changes: they become the table's baseline."""
        self._rows = [r for r in self._rows if r.state != "removed"]
        for r in self._rows:
            r.state = ""
            r.values = {n: v for n, v in r.values.items() if not self._is_secret(n)}
            r.original = dict(r.values)
        self._refresh()

    # -- internals -------------------------------------------------------------------------

    def _is_secret(self, name: str) -> bool:
        param = self.module.find(name)
        return param is not None and param.secret

    def _key_label(self, row: _Row) -> str:
        key = self.module.param(self._key)
        text = row.values.get(self._key)
        shown = self._types[self._key].display(text) if text is not None else "?"
        return f"{key.label} {shown}"

    def _changed_fields(self, row: _Row) -> dict[str, str]:
        if row.state:
            return {}
        changed = {}
        for name, text in row.values.items():
            if name == self._key:
                continue
            before = row.original.get(name)
            if before is None or not same_value(self._types[name], before, text):
                changed[name] = text
        return changed

    def _apply_edit(self, row: _Row, values: Mapping[str, str]) -> None:
        for name, text in values.items():
            before = row.values.get(name)
            if before is None and not text:
                continue  # a not-reported field left blank, or no password typed
            row.values[name] = text
        self._refresh()

    def _open(self, dialog: RecordDialog) -> None:
        dialog.open()

    def _edit_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open(self.edit_dialog(rows[0].row()))

    def _add_clicked(self) -> None:
        self._open(self.add_dialog())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "count_label"):
            self._refresh()  # the pending rows' colours suit the new palette

    def _refresh(self) -> None:
        self.table.setRowCount(len(self._rows))
        dark = is_dark(self.palette())
        added_bg = QBrush(ADDED_BG[dark])
        changed_bg = QBrush(CHANGED_BG[dark])
        removed_fg = QBrush(state_colour("muted", self.palette()))
        added_tip = self.tr("Added; not yet sent to the device")
        removed_tip = self.tr("Marked for removal; not yet sent to the device")
        changed_tip = self.tr("Changed; not yet sent to the device")
        for r, row in enumerate(self._rows):
            changed = self._changed_fields(row)
            for c, param in enumerate(self.columns):
                text = row.values.get(param.name)
                shown = "—" if text is None else self._types[param.name].display(text)
                item = QTableWidgetItem(shown)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                font = QFont(item.font())
                if row.state == "added":
                    item.setBackground(added_bg)
                    item.setToolTip(added_tip)
                elif row.state == "removed":
                    font.setStrikeOut(True)
                    item.setForeground(removed_fg)
                    item.setToolTip(removed_tip)
                elif param.name in changed:
                    font.setBold(True)
                    item.setBackground(changed_bg)
                    item.setToolTip(changed_tip)
                item.setFont(font)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{param.label}: {shown}")
                self.table.setItem(r, c, item)
        live = sum(1 for r in self._rows if r.state != "removed")
        limit = self.record.max_items
        what = self.record.label.lower()
        self.count_label.setText(
            self.tr("{count} of {limit} {what}").format(count=live, limit=limit, what=what)
            if limit
            else self.tr("{count} {what}").format(count=live, what=what)
        )
        self._update_buttons()
        dirty = any(r.state or self._changed_fields(r) for r in self._rows)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _update_buttons(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        live = sum(1 for r in self._rows if r.state != "removed")
        full = self.record.max_items is not None and live >= self.record.max_items
        self.add_button.setEnabled(not full)
        self.remove_button.setEnabled(selected)
        self.edit_button.setEnabled(selected)
