"""GET reply bodies: ``key=value`` lines in registry order, CRLF, in the camera's spelling.

Layout (docs/protocol-notes.md, "Channel blocks" and "Indexed blocks")::

    channel=0                      <- only on multi-channel models, per channel block
    md.active.enable=1             <- flat parameters (no secrets, no actions)
    md.regn.index=0                <- a "slots" record: key line, then that slot's fields
    md.regn.leftup=0
    md.regn.schedule.count=1       <- a "list" record: count, then per item the key line,
    md.regn.schedule.id=1             the parent key (if any) and the other fields
    md.regn.index=0
    md.regn.schedule.dayset=7
"""

from __future__ import annotations

from collections.abc import Callable

from gxvdesk.registry import Param

from .state import Block, CameraState, ModuleState

Lines = list[tuple[str, str]]
#: (module, registry name, stored values of the block, channel) -> live value or None
Live = Callable[[str, str, dict[str, str], int], str | None]


def _shown(param: Param) -> bool:
    return not (param.secret or param.action)


def get_lines(state: CameraState, ms: ModuleState, channel: int | None, live: Live) -> Lines:
    """Every readable value of ``ms`` (one channel's block when ``channel`` is given)."""
    channels = range(ms.channel_count) if channel is None else [channel]
    out: Lines = []
    with state.lock:
        for ch in channels:
            if ms.multi_channel and ms.module.channel_key:
                out.append((state.wire(ms.module.channel_key), str(ch)))
            out += _block_lines(state, ms, ms.blocks[ch], ch, live)
    return out


def _block_lines(state: CameraState, ms: ModuleState, block: Block, ch: int, live: Live) -> Lines:
    out: Lines = []
    for p in ms.params:
        if not _shown(p) or ms.is_channel_key(p) or p.key in ms.count_keys:
            continue
        value = live(ms.name, p.name, block.values, ch)
        out.append((state.wire(p.name), block.values.get(p.name, "") if value is None else value))
    for record in ms.records:
        fields = [
            p for p in ms.record_params[record.name] if _shown(p) and p.key not in ms.count_keys
        ]
        key = record.key_param
        items = (block.slots if record.kind == "slots" else block.lists)[record.name]
        count = ms.module.find(record.count) if record.count else None
        if count is not None and count.applies_to(ms.model):
            out.append((state.wire(count.name), str(len(items))))
        parent = ms.module.find(record.parent) if record.parent else None
        for item in items:
            out.append((state.wire(key.name), item[key.name]))
            if parent is not None and parent.name in item and parent not in fields:
                out.append((state.wire(parent.name), item[parent.name]))
            out += [(state.wire(p.name), item.get(p.name, "")) for p in fields if p is not key]
    return out


def body(lines: Lines) -> bytes:
    """Lines as a reply body, each ending CRLF."""
    return "".join(f"{k}={v}\r\n" for k, v in lines).encode("utf-8")


def text(line: str) -> bytes:
    """A one-line answer (``Successful``, ``md.regn.index Invalid``...)."""
    return f"{line}\r\n".encode()
