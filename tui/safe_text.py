"""Article text is data: make it safe to put on a terminal.

Each character maps to exactly one character, so display offsets equal text
offsets. Control characters become their visible Unicode pictures (ESC shows
as ␛), so escape sequences, OSC 52 clipboard writes and C1 controls never
reach the terminal; markup is never parsed because the view builds segments
from plain strings.
"""

from __future__ import annotations

_TABLE = {code: 0x2400 + code for code in range(0x20)}
_TABLE[0x09] = ord(" ")  # a tab is one blank cell: wrapping stays simple
_TABLE[0x7F] = 0x2421  # ␡
_TABLE.update(dict.fromkeys(range(128, 160), 65533))  # C1 controls
# Bidirectional overrides reorder what follows them ("Trojan Source").
_TABLE.update(dict.fromkeys((*range(8234, 8239), *range(8294, 8298)), 65533))


_TABLE_KEEPING_NEWLINES = {**_TABLE, 0x0A: 0x0A}


def safe(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control character replaced by a visible one
    (newlines too, unless ``keep_newlines``)."""
    return text.translate(_TABLE_KEEPING_NEWLINES if keep_newlines else _TABLE)


def one_line(text: str, limit: int | None = None) -> str:
    """Safe, on one line, whitespace collapsed, cut to ``limit`` characters."""
    line = " ".join(safe(text, keep_newlines=True).split())
    if limit is not None and len(line) > limit:
        return line[: limit - 1] + "…"
    return line
