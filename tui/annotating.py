"""What an annotation key acts on, and what the reader sees of annotations:
no Textual here.

A reader annotates the visual selection if there is one, else the item
selected by stepping or clicking (an entity, quote or number), else the
word under the caret. An annotation on exactly those words is edited rather
than a second one made, so one span never carries two notes that disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tui.analysis.model import Analysis, Quote, Span
from tui.caret import Caret, trimmed

if TYPE_CHECKING:
    from tui.store.model import Annotation

_WORD = re.compile(r"\w+")


def word_at(text: str, offset: int) -> tuple[int, int] | None:
    """The word (letters and digits) around ``offset``, or None on a space or mark."""
    for match in _WORD.finditer(text, max(0, offset - 100), offset + 100):
        if match.start() <= offset < match.end():
            return match.span()
    return None


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the whole words it begins and ends in: a
    search match inside a word (``Zubehör`` in ``Zubehörprodukte``) becomes
    the word, which a glossary term must be to be found again."""
    first, last = word_at(text, start), word_at(text, max(start, end - 1))
    return (first[0] if first else start, last[1] if last else end)


def target(text: str, caret: Caret | None, selected: Span | None) -> tuple[int, int] | None:
    """The span an annotation key acts on (see the module docstring)."""
    if caret is not None and caret.selecting:
        start, end = trimmed(text, *caret.span)
        return (start, end) if end > start else None
    if selected is not None:
        return selected.start, selected.end
    if caret is not None:
        return word_at(text, caret.offset)
    return None


def says_nothing(annotation: Annotation) -> bool:
    """No note, tag, correction or speaker left: nothing worth keeping."""
    return not (annotation.note or annotation.tags or annotation.entity or annotation.speaker is not None)


def on_span(annotations: Iterable[Annotation], start: int, end: int) -> Annotation | None:
    """The annotation on exactly ``[start, end)``, if any."""
    return next((a for a in annotations if (a.start, a.end) == (start, end) and not a.is_orphan), None)


def under(annotations: Sequence[Annotation], offset: int) -> Annotation | None:
    """The innermost annotation covering ``offset``."""
    covering = [a for a in annotations if a.start <= offset < a.end and not a.is_orphan]
    return min(covering, key=lambda a: a.end - a.start, default=None)


def entity_label(analysis: Analysis | None, start: int, end: int) -> str | None:
    """The label of the entity on exactly ``[start, end)``, if the analysis has one."""
    if analysis is None:
        return None
    return next((e.label for e in analysis.entities if (e.start, e.end) == (start, end)), None)


def quote_around(analysis: Analysis | None, start: int, end: int) -> Quote | None:
    """The innermost quote containing ``[start, end)``."""
    if analysis is None:
        return None
    quotes = [q for q in analysis.quotes if q.start <= start and end <= q.end]
    return min(quotes, key=lambda q: q.end - q.start, default=None)


def speaker_names(analysis: Analysis | None) -> list[str]:
    """People and organisations of the article, for the speaker completion."""
    if analysis is None:
        return []
    return [entry.name for entry in analysis.glossary if entry.label in {"PER", "ORG"}]


def corrections_of(annotations: Iterable[Annotation]) -> tuple[object, ...]:
    """What of the annotations changes the analysis shown: a cheap key that
    tells whether the corrections overlay must be laid again."""
    return tuple(
        (a.id, a.start, a.end, a.entity, a.speaker, a.modified)
        for a in annotations
        if a.entity is not None or a.speaker is not None
    )
