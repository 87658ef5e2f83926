"""Parameter-name spelling: the same parameter may be dot- or underscore-joined on a device.

The client never depends on one guess: names are compared by :func:`name_key`, which drops
``.`` and ``_`` and case, and a :class:`Spelling` remembers how one device spells each key.
"""

from __future__ import annotations

from collections.abc import Iterable


def name_key(name: str) -> str:
    """The spelling-independent key of a parameter name.

    >>> name_key("md.regn.index") == name_key("md_regn_index") == "mdregnindex"
    True
    """
    return name.replace(".", "").replace("_", "").lower()


def underscored(name: str) -> str:
    """The underscore-joined spelling of a name (``md.regn.index`` -> ``md_regn_index``)."""
    return name.replace(".", "_")


class Spelling:
    """How one device spells parameter names, learned from its own GET replies.

    A name the device has not returned yet (an empty schedule list, say) is spelled by the
    device's habit: a device that has shown no dotted name at all gets underscores.
    """

    def __init__(self) -> None:
        self._by_key: dict[str, str] = {}
        self._dotted_seen = False

    def learn(self, names: Iterable[str]) -> None:
        """Remember the device's spelling of every name it returned."""
        for name in names:
            self._by_key[name_key(name)] = name
            self._dotted_seen = self._dotted_seen or "." in name

    def wire(self, name: str) -> str:
        """The device's spelling of ``name`` (registry spelling, adapted to the device's habit)."""
        known = self._by_key.get(name_key(name))
        if known is not None:
            return known
        if self._by_key and not self._dotted_seen:
            return underscored(name)
        return name

    def knows(self, name: str) -> bool:
        return name_key(name) in self._by_key

    def __len__(self) -> int:
        return len(self._by_key)
