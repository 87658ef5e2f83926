"""Forms generated from the parameter registry: one editor per type, never per parameter.

:func:`make_editor` builds the widget for one parameter, :class:`ModuleForm` a module's
settings page, :class:`RecordTable` a record's items. Nothing here talks to a device.
"""

from .editors import Editor, make_editor
from .module_form import ModuleForm
from .record_table import RecordDialog, RecordTable

__all__ = ["Editor", "ModuleForm", "RecordDialog", "RecordTable", "make_editor"]
