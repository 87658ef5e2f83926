"""One editor widget per kind of registry type; no parameter ever gets a hand-made widget.

:func:`make_editor` picks the class named by the type's ``editor`` attribute. Every editor
speaks wire text, the same text the registry types parse and format::

    editor = make_editor(param, param.type_for(model))
    editor.set_wire("8160")        # what the device sent (None: it did not send the value)
    editor.wire()                  # -> "8160", or whatever the technician made of it

Device values the widget cannot hold (an unknown enum number, a number out of range, text
that is not a number) are shown and kept, marked "unexpected device value", never clamped
or dropped: until the technician edits the field, ``wire()`` returns the device's text.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QRect,
    QRectF,
    QRegularExpression,
    QSize,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QRegularExpressionValidator,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...registry.spec import Param
from ...registry.types import (
    MASK_IDS,
    InvalidValueError,
    MaskRegion,
    ParamType,
    Point,
    Resolution,
)
from ..theme import state_colour
from .week_grid import WeekGrid

INT_MIN = -(2**31)
INT_MAX = 2**31 - 1

# Texts used in several places; marked for translation here, translated when shown (_tr).
# Colours come from gxvdesk.ui.theme.state_colour: red errors, amber device oddities, grey
# "not reported", blue "changed by you", each in a shade readable on a light or dark palette.
NOT_REPORTED = QT_TRANSLATE_NOOP("Editor", "not reported")
UNEXPECTED = QT_TRANSLATE_NOOP("Editor", "⚠ unexpected device value")
NOT_REPORTED_TIP = QT_TRANSLATE_NOOP("Editor", "The device did not report this value.")


def _tr(text: str) -> str:
    """``text`` (a source text marked above) in the user's language."""
    return QCoreApplication.translate("Editor", text)


def tooltip_for(param: Param, ptype: ParamType) -> str:
    """The help a technician sees on hover: help text, what is allowed, reboot warning."""
    lines = [param.help] if param.help else []
    if param.action:
        if param.needs_reboot:
            lines.append(QCoreApplication.translate("Editor", "(needs reboot)"))
    elif param.needs_reboot:
        allowed = QCoreApplication.translate("Editor", "Allowed: {values} (needs reboot)")
        lines.append(allowed.format(values=ptype.describe()))
    else:
        allowed = QCoreApplication.translate("Editor", "Allowed: {values}")
        lines.append(allowed.format(values=ptype.describe()))
    return "\n".join(lines)


def same_value(ptype: ParamType, a: str, b: str) -> bool:
    """Whether two wire texts mean the same value (``08`` and ``8``, ``0xff0000`` and
    ``0xFF0000``); invalid text is only the same as identical text."""
    if a == b:
        return True
    try:
        return ptype.normalise(a) == ptype.normalise(b)
    except (InvalidValueError, ValueError, TypeError):
        return False


def _to_int(text: str) -> int | None:
    s = text.strip()
    try:
        return int(s, 16) if s.lower().startswith("0x") else int(s)
    except ValueError:
        return None


def _set_text_colour(label: QLabel, state: str, reference: QPalette) -> None:
    """Colour ``label``'s text for ``state`` ("error", "warning", "muted"...), readable on
    ``reference`` (the editor's palette: the label may not have taken a new one yet)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, state_colour(state, reference))
    label.setPalette(palette)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Editor(QWidget):
    """Base of all editors: wire text in and out, inline error, read-only, change mark.

    Subclasses build their controls in ``_build`` and implement ``_load`` (show device text;
    return False when the widget cannot hold it), ``_clear_widget`` and ``_widget_wire``.
    """

    #: Emitted after every change made by the user (never by ``set_wire``).
    changed = Signal()
    #: Emitted by action editors when their button is pressed.
    action_requested = Signal()

    #: Whether the editor takes the whole width of the form (text) or its natural size.
    expands: ClassVar[bool] = False
    #: Whether the editor is taller than one line (its form label sits at the top).
    tall: ClassVar[bool] = False

    def __init__(self, param: Param, ptype: ParamType, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.param = param
        self.ptype = ptype
        self._loading = False
        self._edited = False
        self._special: str | None = None  # wire text the widget cannot hold ("" = none)
        self._error: str | None = None
        self._note: str | None = None
        self._note_tip = ""
        self._note_state = "warning"  # colour of the note: "warning" or "muted"
        self._note_label: QLabel | None = None
        self._dirty_mark = False
        self._read_only = False
        self._controls: list[QWidget] = []
        self._base_tip = tooltip_for(param, ptype)
        self._box = QHBoxLayout(self)
        self._box.setContentsMargins(7, 3, 3, 3)
        self._box.setSpacing(6)
        self.setAccessibleName(param.label)
        self._build()
        self._note_at = self._box.count()
        if not self.expands:
            self._box.addStretch(1)
        self._refresh_tip()

    # -- public API ------------------------------------------------------------------------

    def set_wire(self, text: str | None) -> None:
        """Show the device's wire text; None: the device did not report the value."""
        self._loading = True
        try:
            self.set_error(None)
            self._edited = False
            self._special = None
            self._reset()
            if text is None:
                self._special = ""
                self._show_unreported()
            else:
                text = str(text)
                if not self._load(text):
                    self._special = text
                try:
                    self.ptype.parse(text)
                except InvalidValueError as exc:
                    tip = self.tr("The device sent '{value}': {problem}")
                    self._set_note(
                        self._unexpected_note(), tip.format(value=_short(text), problem=exc)
                    )
                else:
                    self._set_note(None)
        finally:
            self._loading = False
        self._refresh_tip()
        self.update()

    def blank(self) -> None:
        """Show no value and no note (a new item in an add dialog); ``wire()`` is ''."""
        self._loading = True
        try:
            self.set_error(None)
            self._edited = False
            self._reset()
            self._special = ""
            self._clear_widget()
            self._set_note(None)
        finally:
            self._loading = False
        self._refresh_tip()
        self.update()

    def wire(self) -> str:
        """The current value as wire text (possibly invalid text the user typed)."""
        return self._special if self._special is not None else self._widget_wire()

    def is_set(self) -> bool:
        """Whether there is a value to send (False only for an untouched password)."""
        return True

    def is_reported(self) -> bool:
        """False while the field shows "not reported" (or is blank) and is untouched."""
        return self._special != ""

    def check(self) -> str | None:
        """Check the current text with the parameter's type; show and return the problem."""
        try:
            self.ptype.parse(self.wire())
        except InvalidValueError as exc:
            self.set_error(str(exc))
            return str(exc)
        self.set_error(None)
        return None

    def set_error(self, message: str | None) -> None:
        """Show ``message`` inline (red outline and tooltip); None clears it."""
        if message == self._error:
            return
        self._error = message
        self.setAccessibleDescription(message or "")
        self._refresh_tip()
        self.update()

    def error(self) -> str | None:
        return self._error

    def note(self) -> str | None:
        """The note beside the field ("not reported", "unexpected device value"), if any."""
        return self._note

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._apply_read_only(read_only)

    def is_read_only(self) -> bool:
        return self._read_only

    def set_dirty_mark(self, on: bool) -> None:
        """Draw the "changed by you" bar at the left edge."""
        if on != self._dirty_mark:
            self._dirty_mark = on
            self.update()

    def dirty_mark(self) -> bool:
        return self._dirty_mark

    # -- for subclasses --------------------------------------------------------------------

    def _build(self) -> None:
        raise NotImplementedError

    def _load(self, text: str) -> bool:
        raise NotImplementedError

    def _widget_wire(self) -> str:
        raise NotImplementedError

    def _clear_widget(self) -> None:
        """Show no value."""

    def _reset(self) -> None:
        """Undo what the last ``_load`` did to ranges and items (loading is guarded)."""

    def _show_unreported(self) -> None:
        self._clear_widget()
        self._set_note(_tr(NOT_REPORTED), _tr(NOT_REPORTED_TIP), muted=True)

    def _unexpected_note(self) -> str:
        return _tr(UNEXPECTED)

    def _after_edit(self) -> None:
        """Tidy up after a user edit (restore ranges...); signals are guarded."""

    def _live_check(self) -> None:
        self.check()

    def _apply_read_only(self, read_only: bool) -> None:
        for control in self._controls:
            control.setEnabled(not read_only)

    def _add(self, widget: QWidget, *, control: bool = True, stretch: int = 0) -> None:
        self._box.addWidget(widget, stretch)
        if control:
            self._controls.append(widget)

    def _user_changed(self, *_args: Any) -> None:
        """Slot for the controls' change signals: the user edited the value."""
        if self._loading:
            return
        self._loading = True
        try:
            self._special = None
            self._edited = True
            self._after_edit()
            self._set_note(None)
        finally:
            self._loading = False
        self._live_check()
        self.changed.emit()

    def _set_note(self, note: str | None, tip: str = "", muted: bool = False) -> None:
        """Show ``note`` beside the field, amber (a device oddity) or grey (``muted``)."""
        self._note = note
        self._note_tip = tip
        self._note_state = "muted" if muted else "warning"
        if note is None:
            if self._note_label is not None:
                self._note_label.hide()
            self._refresh_tip()
            return
        if self._note_label is None:
            self._note_label = QLabel()
            font = self._note_label.font()
            font.setItalic(True)
            self._note_label.setFont(font)
            self._box.insertWidget(self._note_at, self._note_label)
        _set_text_colour(self._note_label, self._note_state, self.palette())
        self._note_label.setText(note)
        self._note_label.setAccessibleName(f"{self.param.label}: {note}")
        self._note_label.show()
        self._refresh_tip()

    def _refresh_tip(self) -> None:
        parts = [p for p in (self._error, self._note_tip, self._base_tip) if p]
        self.setToolTip("\n\n".join(parts))

    def _grey(self, widget: QWidget, on: bool) -> None:
        """Grey a read-only line or spin box's background (its text stays copyable).

        The grey is the editor's window colour, so the text keeps its contrast on a light
        and on a dark palette; off, the box takes the palette's own colours again.
        """
        if not on:
            widget.setPalette(QPalette())  # nothing of its own: follows the application
            return
        palette = QPalette(widget.palette())
        window = self.palette().color(QPalette.ColorRole.Window)
        palette.setColor(QPalette.ColorRole.Base, window)
        widget.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._palette_changed()

    def _palette_changed(self) -> None:
        """The palette changed (light <-> dark): colours picked for the old one are redone."""
        if self._note_label is not None:
            _set_text_colour(self._note_label, self._note_state, self.palette())
        if self._read_only:
            self._apply_read_only(True)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not (self._error or self._dirty_mark):
            return
        painter = QPainter(self)
        palette = self.palette()
        if self._dirty_mark:
            painter.fillRect(QRect(0, 0, 4, self.height()), state_colour("dirty", palette))
        if self._error:
            area = QRect()
            for control in self._controls:
                if control.isVisible():
                    area = area.united(control.geometry())
            if area.isNull():
                area = self.rect()
            painter.setPen(QPen(state_colour("error", palette), 2))
            painter.drawRoundedRect(QRectF(area.adjusted(-2, -2, 2, 2)), 3, 3)
        painter.end()


class SpinEditor(Editor):
    """A whole number in the type's range; device values outside it widen the box, marked."""

    def _build(self) -> None:
        low = getattr(self.ptype, "low", 0)
        high = getattr(self.ptype, "high", None)
        self._low = max(int(low), INT_MIN + 1)
        self._high = INT_MAX if high is None else min(int(high), INT_MAX)
        self.spin = QSpinBox()
        self.spin.setRange(self._low, self._high)
        unit = getattr(self.ptype, "unit", "")
        if unit:
            self.spin.setSuffix(f" {unit}")
        self.spin.setAccessibleName(self.param.label)
        self.spin.setMinimumWidth(90)
        self.spin.valueChanged.connect(self._user_changed)
        self._add(self.spin)

    def _reset(self) -> None:
        self.spin.setSpecialValueText("")
        self.spin.setRange(self._low, self._high)

    def _clear_widget(self) -> None:
        # One step below the minimum shows a dash; the first step up gives the minimum.
        self.spin.setRange(self._low - 1, self._high)
        self.spin.setSpecialValueText("–")
        self.spin.setValue(self._low - 1)

    def _load(self, text: str) -> bool:
        value = _to_int(text)
        if value is None or not INT_MIN < value <= INT_MAX:
            self._clear_widget()
            unknown = self.tr("unknown ({value})").format(value=text.strip())
            self.spin.setSpecialValueText(_short(unknown, 24))
            return False
        if not self._low <= value <= self._high:
            self.spin.setRange(min(value, self._low), max(value, self._high))
        self.spin.setValue(value)
        return True

    def _unexpected_note(self) -> str:
        if _to_int(self._special or str(self.spin.value())) is None:
            return _tr(UNEXPECTED)
        if self._high == INT_MAX:
            return self.tr("⚠ device value below {low}").format(low=self._low)
        return self.tr("⚠ device value outside {low}–{high}").format(low=self._low, high=self._high)

    def _after_edit(self) -> None:
        self.spin.setSpecialValueText("")
        if self._low <= self.spin.value() <= self._high:
            self.spin.setRange(self._low, self._high)

    def _widget_wire(self) -> str:
        return str(self.spin.value())

    def _apply_read_only(self, read_only: bool) -> None:
        self.spin.setReadOnly(read_only)
        self.spin.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.NoButtons
            if read_only
            else QAbstractSpinBox.ButtonSymbols.UpDownArrows
        )
        self._grey(self.spin, read_only)


class TimeEditor(Editor):
    """Seconds since midnight, edited as HH:MM:SS; wire text is the number of seconds."""

    def _build(self) -> None:
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm:ss")
        self.time.setTimeRange(QTime(0, 0, 0), QTime(23, 59, 59))
        self.time.setAccessibleName(self.param.label)
        self.time.timeChanged.connect(self._user_changed)
        self._add(self.time)

    def _clear_widget(self) -> None:
        self.time.setTime(QTime(0, 0, 0))

    def _load(self, text: str) -> bool:
        try:
            seconds = int(self.ptype.parse(text))
        except (InvalidValueError, ValueError, TypeError):
            seconds = -1
        if not 0 <= seconds < 86400:
            self._clear_widget()
            return False
        self.time.setTime(QTime(0, 0, 0).addSecs(seconds))
        return True

    def _widget_wire(self) -> str:
        t = self.time.time()
        return str(t.hour() * 3600 + t.minute() * 60 + t.second())

    def _apply_read_only(self, read_only: bool) -> None:
        self.time.setReadOnly(read_only)
        self.time.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.NoButtons
            if read_only
            else QAbstractSpinBox.ButtonSymbols.UpDownArrows
        )
        self._grey(self.time, read_only)


class ComboEditor(Editor):
    """One of the type's options, shown as "label (number)"; unknown values are added."""

    def _build(self) -> None:
        self._options: list[tuple[int, str]] = list(getattr(self.ptype, "options", ()))
        self._index_of = {number: i for i, (number, _) in enumerate(self._options)}
        self._unknown = -1
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.param.label)
        self.combo.setPlaceholderText(_tr(NOT_REPORTED))
        for number, label in self._options:
            icon = self._icon(number)
            if icon is None:
                self.combo.addItem(self._item_text(number, label), number)
            else:
                self.combo.addItem(icon, self._item_text(number, label), number)
        self.combo.currentIndexChanged.connect(self._user_changed)
        self._add(self.combo)

    def _item_text(self, number: int, label: str) -> str:
        if isinstance(self.ptype, Resolution):
            return label  # the packed number means nothing to a technician
        return f"{label} ({self.ptype.format(number)})"

    def _icon(self, number: int) -> QIcon | None:
        return None

    def _reset(self) -> None:
        if self._unknown >= 0:
            self.combo.removeItem(self._unknown)
            self._unknown = -1
        self.combo.setPlaceholderText(_tr(NOT_REPORTED))

    def _clear_widget(self) -> None:
        self.combo.setCurrentIndex(-1)

    def _show_unreported(self) -> None:
        self._clear_widget()  # the placeholder says "not reported"
        self._set_note(None, _tr(NOT_REPORTED_TIP))

    def _unexpected_note(self) -> str:
        return self.tr("⚠ value unknown to gxvdesk")

    def blank(self) -> None:
        super().blank()
        self.combo.setPlaceholderText(self.tr("choose…"))

    def _load(self, text: str) -> bool:
        try:
            number = self.ptype.parse(text)
        except InvalidValueError:
            number = None
        if number in self._index_of:
            self.combo.setCurrentIndex(self._index_of[number])
        else:
            unknown = self.tr("unknown ({value})").format(value=text.strip())
            self.combo.addItem(_short(unknown), text)
            self._unknown = self.combo.count() - 1
            self.combo.setCurrentIndex(self._unknown)
        return True

    def _widget_wire(self) -> str:
        index = self.combo.currentIndex()
        if index < 0:
            return ""
        if index == self._unknown:
            return str(self.combo.itemData(index))
        return self.ptype.format(self._options[index][0])


def _swatch(rgb: int) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(f"#{rgb:06x}"))
    painter = QPainter(pixmap)
    if rgb == 0xFFFFFE:  # "Auto": half black, half white
        painter.fillRect(0, 0, 8, 16, QColor("black"))
    painter.setPen(QColor("#808080"))
    painter.drawRect(0, 0, 15, 15)
    painter.end()
    return QIcon(pixmap)


class ColourEditor(ComboEditor):
    """An OSD colour: a combo with a swatch per named colour."""

    def _item_text(self, number: int, label: str) -> str:
        return label

    def _icon(self, number: int) -> QIcon | None:
        return _swatch(number)


class SwitchEditor(Editor):
    """A check box whose text is the "on" label; wire text 0/1 (the type's two numbers)."""

    def _build(self) -> None:
        options = list(getattr(self.ptype, "options", ())) or [
            (0, self.tr("Off")),
            (1, self.tr("On")),
        ]
        (self._off, _), (self._on, on_label) = options[0], options[-1]
        self.box = QCheckBox(on_label)
        self.box.setAccessibleName(self.param.label)
        self.box.checkStateChanged.connect(self._user_changed)
        self._add(self.box)

    def _reset(self) -> None:
        self.box.setTristate(False)

    def _clear_widget(self) -> None:
        self.box.setTristate(True)
        self.box.setCheckState(Qt.CheckState.PartiallyChecked)

    def _load(self, text: str) -> bool:
        try:
            number = self.ptype.parse(text)
        except InvalidValueError:
            number = None
        if number not in (self._on, self._off):
            self._clear_widget()
            return False
        self.box.setChecked(number == self._on)
        return True

    def _after_edit(self) -> None:
        if self.box.checkState() != Qt.CheckState.PartiallyChecked:
            self.box.setTristate(False)

    def _widget_wire(self) -> str:
        return self.ptype.format(self._on if self.box.isChecked() else self._off)


class TextEditor(Editor):
    """Free text; with ``max_bytes`` a byte counter, and too-long text is refused inline."""

    expands = True
    #: Source text of the placeholder (translated when shown).
    placeholder = ""

    def _placeholder(self) -> str:
        return _tr(self.placeholder) if self.placeholder else ""

    def _counter_text(self, size: int, limit: int) -> str:
        return self.tr("{size}/{limit} bytes").format(size=size, limit=limit)

    def _build(self) -> None:
        self.edit = QLineEdit()
        self.edit.setAccessibleName(self.param.label)
        self.edit.setPlaceholderText(self._placeholder())
        self.edit.textChanged.connect(self._text_changed)
        self.edit.editingFinished.connect(self._editing_finished)
        self._add(self.edit, stretch=1)
        self._max: int | None = getattr(self.ptype, "max_bytes", None)
        self.counter: QLabel | None = None
        if self._max:
            self.counter = QLabel()
            self.counter.setAccessibleName(self.tr("{field} length").format(field=self.param.label))
            self.counter.setMinimumWidth(
                self.counter.fontMetrics().horizontalAdvance(
                    self._counter_text(self._max * 2, self._max)
                )
            )
            self._add(self.counter, control=False)
            self._update_counter()

    def _size(self) -> int:
        return len(self.edit.text().encode("utf-8"))

    def _update_counter(self) -> None:
        if self.counter is None or self._max is None:
            return
        size = self._size()
        self.counter.setText(self._counter_text(size, self._max))
        _set_text_colour(self.counter, "error" if size > self._max else "muted", self.palette())

    def _palette_changed(self) -> None:
        super()._palette_changed()
        self._update_counter()

    def _text_changed(self, _text: str) -> None:
        self._update_counter()
        self._user_changed()

    def _live_check(self) -> None:
        # While typing only too-long text is refused; a half-typed address is no error yet.
        if self._error or (self._max is not None and self._size() > self._max):
            self.check()

    def _editing_finished(self) -> None:
        if self._edited and not self._read_only:
            self.check()

    def _reset(self) -> None:
        self.edit.setPlaceholderText(self._placeholder())

    def _clear_widget(self) -> None:
        self.edit.clear()

    def _show_unreported(self) -> None:
        self.edit.clear()
        self.edit.setPlaceholderText(_tr(NOT_REPORTED))
        self._set_note(None, _tr(NOT_REPORTED_TIP))

    def _after_edit(self) -> None:
        self.edit.setPlaceholderText(self._placeholder())

    def _load(self, text: str) -> bool:
        self.edit.setText(text)
        return True

    def _widget_wire(self) -> str:
        return self.edit.text()

    def _apply_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self._grey(self.edit, read_only)


class PasswordEditor(TextEditor):
    """A secret: never shows a device value; empty means "leave unchanged"."""

    placeholder = QT_TRANSLATE_NOOP("Editor", "unchanged")

    def _build(self) -> None:
        super()._build()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)

    def set_wire(self, text: str | None) -> None:
        # Devices never send secrets; whatever comes is not shown.
        self._loading = True
        try:
            self.set_error(None)
            self._edited = False
            self.edit.clear()
            self._update_counter()
        finally:
            self._loading = False
        self._refresh_tip()
        self.update()

    def blank(self) -> None:
        self.set_wire(None)
        self.edit.setPlaceholderText("")  # a new item: nothing to leave unchanged

    def is_set(self) -> bool:
        return bool(self.edit.text())

    def is_reported(self) -> bool:
        return False


class IPv4Editor(TextEditor):
    """A dotted-quad address; the validator admits digits and dots, the type checks ranges."""

    expands = False
    placeholder = QT_TRANSLATE_NOOP("Editor", "e.g. 192.168.1.10")

    def _build(self) -> None:
        super()._build()
        self.edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,3}(\.[0-9]{0,3}){0,3}"))
        )
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("000.000.000.000") + 24)


class PointEditor(Editor):
    """A packed X/Y point: two spin boxes in the type's grid; wire text ``X<<16 | Y``."""

    def _build(self) -> None:
        self._max_x = int(getattr(self.ptype, "max_x", 0xFFFF))
        self._max_y = int(getattr(self.ptype, "max_y", 0xFFFF))
        self.x = QSpinBox()
        self.y = QSpinBox()
        for axis, spin, top in (("X", self.x, self._max_x), ("Y", self.y, self._max_y)):
            spin.setRange(0, top)
            spin.setAccessibleName(f"{self.param.label} {axis}")
            spin.valueChanged.connect(self._user_changed)
            label = QLabel(axis)
            label.setBuddy(spin)
            self._add(label, control=False)
            self._add(spin)

    def _reset(self) -> None:
        self.x.setRange(0, self._max_x)
        self.y.setRange(0, self._max_y)

    def _clear_widget(self) -> None:
        self.x.setValue(0)
        self.y.setValue(0)

    def _load(self, text: str) -> bool:
        packed = _to_int(text)
        if packed is None and "," in text:
            try:
                point = self.ptype.parse(text)
            except InvalidValueError:
                point = None
            if point is not None:
                packed = (point.x << 16) | point.y
        if packed is None or not 0 <= packed <= 0xFFFFFFFF:
            self._clear_widget()
            return False
        x, y = packed >> 16, packed & 0xFFFF
        self.x.setRange(0, max(x, self._max_x))
        self.y.setRange(0, max(y, self._max_y))
        self.x.setValue(x)
        self.y.setValue(y)
        return True

    def _after_edit(self) -> None:
        if self.x.value() <= self._max_x:
            self.x.setRange(0, self._max_x)
        if self.y.value() <= self._max_y:
            self.y.setRange(0, self._max_y)

    def _widget_wire(self) -> str:
        point = Point(self.x.value(), self.y.value())
        try:
            return self.ptype.format(point)
        except (InvalidValueError, TypeError, AttributeError):
            return str((point.x << 16) | point.y)


class WeekTableEditor(Editor):
    """A 7 x 24 grid of hours; wire text 168 characters of 0/1 (Sunday first)."""

    tall = True

    def _build(self) -> None:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.grid = WeekGrid(self.param.label)
        self.grid.changed.connect(self._user_changed)
        column.addWidget(self.grid)
        row = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("{field} summary").format(field=self.param.label))
        row.addWidget(self.summary)
        row.addStretch(1)
        self.all_on = QPushButton(self.tr("All on"))
        self.all_off = QPushButton(self.tr("All off"))
        self.all_on.setAccessibleName(
            self.tr("{field}: switch every hour on").format(field=self.param.label)
        )
        self.all_off.setAccessibleName(
            self.tr("{field}: switch every hour off").format(field=self.param.label)
        )
        for button in (self.all_on, self.all_off):
            row.addWidget(button)
        self.all_on.clicked.connect(self._all_on)
        self.all_off.clicked.connect(self._all_off)
        column.addLayout(row)
        self._add(panel)
        self._update_summary()

    def _all_on(self) -> None:
        self.grid.set_all(True)

    def _all_off(self) -> None:
        self.grid.set_all(False)

    def _update_summary(self) -> None:
        hours = self.grid.wire().count("1")
        self.summary.setText(self.tr("{hours} of 168 hours on").format(hours=hours))

    def _clear_widget(self) -> None:
        self.grid.set_bits([False] * 168)
        self._update_summary()

    def _load(self, text: str) -> bool:
        s = text.strip()
        self.grid.set_bits([c == "1" for c in s])
        self._update_summary()
        return len(s) == 168 and not set(s) - {"0", "1"}

    def _after_edit(self) -> None:
        self._update_summary()

    def _widget_wire(self) -> str:
        return self.grid.wire()

    def _apply_read_only(self, read_only: bool) -> None:
        self.grid.set_read_only(read_only)
        self.all_on.setEnabled(not read_only)
        self.all_off.setEnabled(not read_only)


class MaskPreview(QWidget):
    """A small picture of the four privacy-mask rectangles in the sensor's space."""

    def __init__(self, max_x: int, max_y: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max = (max(max_x, 1), max(max_y, 1))
        self._regions: list[MaskRegion] = []
        width = 150
        self.setFixedSize(QSize(width, round(width * self._max[1] / self._max[0])))
        self.setAccessibleName(self.tr("Privacy-mask preview"))

    def set_regions(self, regions: list[MaskRegion]) -> None:
        self._regions = regions
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#37474f"))
        sx = (self.width() - 1) / self._max[0]
        sy = (self.height() - 1) / self._max[1]
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        for name, r in zip(MASK_IDS, self._regions, strict=False):
            if not r.enabled:
                continue
            rect = QRectF(r.x1 * sx, r.y1 * sy, (r.x2 - r.x1) * sx, (r.y2 - r.y1) * sy)
            painter.fillRect(rect, QColor(0, 0, 0, 200))
            painter.setPen(QColor("#ffca28"))
            painter.drawRect(rect)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
        painter.setPen(QColor("#90a4ae"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class PrivacyMaskEditor(Editor):
    """Four rectangles A-D: enabled + X1,Y1,X2,Y2 each; wire text from the type's format."""

    tall = True

    def _build(self) -> None:
        self._max_x = int(getattr(self.ptype, "max_x", 704))
        self._max_y = int(getattr(self.ptype, "max_y", 576))
        panel = QWidget()
        grid = QGridLayout(panel)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        for col, head in enumerate((self.tr("Mask"), "X1", "Y1", "X2", "Y2")):
            label = QLabel(head)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(label, 0, col)
        self.enabled: list[QCheckBox] = []
        self.coords: list[list[QSpinBox]] = []
        for row, name in enumerate(MASK_IDS, start=1):
            box = QCheckBox(name)
            box.setAccessibleName(
                self.tr("{field} {mask} enabled").format(field=self.param.label, mask=name)
            )
            box.checkStateChanged.connect(self._user_changed)
            grid.addWidget(box, row, 0)
            self.enabled.append(box)
            spins = []
            for col, head in enumerate(("X1", "Y1", "X2", "Y2"), start=1):
                spin = QSpinBox()
                spin.setRange(0, self._max_x if head.startswith("X") else self._max_y)
                spin.setAccessibleName(f"{self.param.label} {name} {head}")
                spin.valueChanged.connect(self._user_changed)
                grid.addWidget(spin, row, col)
                spins.append(spin)
            self.coords.append(spins)
        self.preview = MaskPreview(self._max_x, self._max_y)
        self._add(panel)
        self._add(self.preview, control=False)
        self._box.setAlignment(self.preview, Qt.AlignmentFlag.AlignTop)

    def regions(self) -> list[MaskRegion]:
        return [
            MaskRegion(box.isChecked(), *(s.value() for s in spins))
            for box, spins in zip(self.enabled, self.coords, strict=True)
        ]

    def _show(self, regions: list[MaskRegion]) -> None:
        for r, box, spins in zip(regions, self.enabled, self.coords, strict=True):
            box.setChecked(r.enabled)
            for spin, value in zip(spins, r[1:], strict=True):
                spin.setValue(value)
        self.preview.set_regions(self.regions())

    def _clear_widget(self) -> None:
        self._show([MaskRegion(False, 0, 0, 0, 0)] * len(MASK_IDS))

    def _load(self, text: str) -> bool:
        try:
            regions = list(self.ptype.parse(text))
        except InvalidValueError:
            self._clear_widget()
            return False
        self._show(regions)
        return True

    def _after_edit(self) -> None:
        self.preview.set_regions(self.regions())

    def _widget_wire(self) -> str:
        regions = self.regions()
        try:
            return self.ptype.format(tuple(regions))
        except InvalidValueError:  # an unfinished rectangle: still the same wire layout
            return ",".join(f"{int(r.enabled)},{r.x1},{r.y1},{r.x2},{r.y2}" for r in regions)


class ActionEditor(Editor):
    """A one-shot action (reboot, test mail): a button; never a change to send."""

    def _build(self) -> None:
        self.button = QPushButton(self.param.label)
        self.button.setAccessibleName(self.param.label)
        self.button.clicked.connect(self._clicked)
        self._add(self.button)

    def _clicked(self) -> None:
        self.action_requested.emit()

    def set_wire(self, text: str | None) -> None:
        """Actions have no device value."""

    def blank(self) -> None:
        """Actions have no value."""

    def wire(self) -> str:
        return str(getattr(self.ptype, "word", ""))

    def is_set(self) -> bool:
        return False

    def _widget_wire(self) -> str:
        return self.wire()


#: Editor class for each ``ParamType.editor`` kind.
EDITORS: dict[str, type[Editor]] = {
    "spin": SpinEditor,
    "time": TimeEditor,
    "combo": ComboEditor,
    "dayset": ComboEditor,
    "colour": ColourEditor,
    "switch": SwitchEditor,
    "text": TextEditor,
    "password": PasswordEditor,
    "ipv4": IPv4Editor,
    "point": PointEditor,
    "weektable": WeekTableEditor,
    "privacymask": PrivacyMaskEditor,
    "action": ActionEditor,
}


def make_editor(
    param: Param, ptype: ParamType | None = None, parent: QWidget | None = None
) -> Editor:
    """The editor for ``param`` with type ``ptype`` (default: the param's own type).

    Unknown editor kinds get the text editor, so a new type is never a crash.
    """
    ptype = ptype if ptype is not None else param.type
    cls = EDITORS.get(getattr(ptype, "editor", "text"), TextEditor)
    return cls(param, ptype, parent)


__all__ = ["EDITORS", "Editor", "make_editor", "same_value", "tooltip_for"]
