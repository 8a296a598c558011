"""The reader's caret and selection in the article text: no Textual here.

The caret is a code-point offset into the normalised text, on a character
(as in vi's normal mode), so it lies in ``[0, len(text) - 1]`` for a
non-empty text. A selection runs from an anchor to the caret and includes
the character under both ends: what a reader sees highlighted is what an
annotation covers. Motions are pure functions ``(text, offset) -> offset``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

# A word is a run of letters/digits or a single other visible mark, so that
# "15.000" is one stop at a time ("15", ".", "000") like vi's "w".
_WORD = re.compile(r"\w+|[^\w\s]")
_SENTENCE_END = re.compile(r"[.!?…][\"'“”«»„)]*\s+")
_PARAGRAPH = re.compile(r"(?:^|\n)([^\n])")

Motion = Callable[[str, int], int]


def clamp(text: str, offset: int) -> int:
    return max(0, min(offset, len(text) - 1)) if text else 0


def next_char(text: str, offset: int) -> int:
    """One character on; line ends are not shown, so the caret skips them."""
    offset = clamp(text, offset + 1)
    while text[offset : offset + 1] == "\n" and offset < len(text) - 1:
        offset += 1
    return offset


def previous_char(text: str, offset: int) -> int:
    offset = clamp(text, offset - 1)
    while text[offset : offset + 1] == "\n" and offset > 0:
        offset -= 1
    return offset


def next_word(text: str, offset: int) -> int:
    """The start of the next word, or the last character."""
    for match in _WORD.finditer(text, offset):
        if match.start() > offset:
            return match.start()
    return clamp(text, len(text) - 1)


def word_end(text: str, offset: int) -> int:
    """The last character of the word the caret is in, or, from a word's last
    character, of the next word (vi's "e"): where a selection grown word by
    word should end, not on the next word's first letter."""
    for match in _WORD.finditer(text, offset):
        if match.end() - 1 > offset:
            return match.end() - 1
    return clamp(text, len(text) - 1)


def previous_word(text: str, offset: int) -> int:
    """The start of the word before the caret (or of the one it is inside)."""
    starts = [match.start() for match in _WORD.finditer(text, 0, offset)]
    return starts[-1] if starts else 0


def _sentence_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in _SENTENCE_END.finditer(text) if match.end() < len(text))]


def next_sentence(text: str, offset: int, starts: Sequence[int] | None = None) -> int:
    """The start of the next sentence; ``starts`` are the analysis'
    sentence starts where known (better than punctuation: "Dr. Barra")."""
    starts = sorted(starts) if starts is not None else _sentence_starts(text)
    index = bisect_right(starts, offset)
    return starts[index] if index < len(starts) else clamp(text, len(text) - 1)


def previous_sentence(text: str, offset: int, starts: Sequence[int] | None = None) -> int:
    starts = sorted(starts) if starts is not None else _sentence_starts(text)
    index = bisect_left(starts, offset) - 1
    return starts[index] if index >= 0 else 0


def _paragraph_starts(text: str) -> list[int]:
    return [match.start(1) for match in _PARAGRAPH.finditer(text)]


def next_paragraph(text: str, offset: int) -> int:
    starts = _paragraph_starts(text)
    index = bisect_right(starts, offset)
    return starts[index] if index < len(starts) else clamp(text, len(text) - 1)


def previous_paragraph(text: str, offset: int) -> int:
    starts = _paragraph_starts(text)
    index = bisect_left(starts, offset) - 1
    return starts[index] if index >= 0 else 0


@dataclass(frozen=True, slots=True)
class Caret:
    """Where the caret is, and where a selection started (None: no selection)."""

    offset: int = 0
    anchor: int | None = None

    @property
    def selecting(self) -> bool:
        return self.anchor is not None

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` of the selection, or of the character under the caret."""
        anchor = self.offset if self.anchor is None else self.anchor
        return min(anchor, self.offset), max(anchor, self.offset) + 1

    def moved(self, text: str, offset: int) -> Caret:
        return replace(self, offset=clamp(text, offset))

    def start_selection(self) -> Caret:
        return replace(self, anchor=self.offset)

    def select(self, text: str, start: int, end: int) -> Caret:
        """Select ``[start, end)``, the caret on its last character."""
        return Caret(offset=clamp(text, end - 1), anchor=clamp(text, start))

    def cancel(self) -> Caret:
        return replace(self, anchor=None)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without spaces and line ends at its edges: a selection
    extended by word motions often stops on a space that no reader means to
    annotate."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
