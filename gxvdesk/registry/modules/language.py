"""22. Web GUI Language (document p.51): ``/goform/language``, set/get.

The page gives no "Support cmd" line; its example uses set and every module answers get.
"""

from ..spec import Module, Param
from ..types import choice

MODULE = Module(
    name="language",
    title="Web interface language",
    page=51,
    group="System",
    verbs=frozenset({"get", "set"}),
    params=(
        Param("language", choice("English", "Chinese (Simplified)", "Russian"),
              "Web interface language", default=0, confidence="H"),
    ),
)  # fmt: skip
