"""Long articles in pieces: what each chunk yields on its own, in the order a
reader needs it.

A long article is analysed chunk by chunk (paragraphs grouped to about
:data:`CHUNK_CHARS`). Each :class:`ChunkAnalysis` carries the chunk's
sentences, entities, quotes and numbers, already in article offsets, so a
reader can highlight the part on screen before the rest is done; the chunk
at the reader's position comes first, then the text below it, then above.
The complete :class:`~tui.analysis.model.Analysis` (aliases across the
article, glossary, sources) is assembled from all chunks at the end.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from tui.analysis.model import Entity, Number, Quote, Span

# spaCy refuses texts over a million characters and slows down on very long
# docs; paragraphs are grouped into chunks of about this size instead.
CHUNK_CHARS = 20_000
# A long article's first chunk is shorter: it is what the reader sees first
# (a screen or two), and its highlights come that much sooner.
FIRST_CHUNK_CHARS = 6_000
# From this many chunks on (about 160,000 characters), a caller that offers a
# helper (a second process) shares the article with it: its start-up pays.
PARALLEL_FROM_CHUNKS = 8

SpanT = TypeVar("SpanT", bound=Span)


@dataclass(frozen=True, slots=True)
class ChunkAnalysis:
    """One chunk's own findings, in offsets into the whole article."""

    start: int
    end: int
    sentences: tuple[Span, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    numbers: tuple[Number, ...]


def chunk_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each chunk: split at paragraph ends, a single huge
    paragraph at a space, never inside a word. A text of more than one chunk
    starts with a short one (:data:`FIRST_CHUNK_CHARS`)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        size = FIRST_CHUNK_CHARS if not bounds and len(text) > CHUNK_CHARS else CHUNK_CHARS
        end = min(len(text), start + size)
        if end < len(text):
            newline = text.rfind("\n", start, end)
            if newline > start:
                end = newline + 1
            else:
                space = text.rfind(" ", start, end)
                end = space + 1 if space > start else end
        bounds.append((start, end))
        start = end
    return bounds


def reading_order(bounds: Sequence[tuple[int, int]], position: int) -> list[int]:
    """Chunk indices by when a reader at ``position`` needs them: the chunk
    there, the ones below it, then the ones above, nearest first."""
    here = next((i for i, (start, end) in enumerate(bounds) if start <= position < end), 0)
    return [*range(here, len(bounds)), *range(here - 1, -1, -1)]


def shifted(item: SpanT, offset: int) -> SpanT:
    """``item`` moved by ``offset`` code points, with every span it holds
    (a quote's speaker and cue)."""
    changes: dict[str, Any] = {"start": item.start + offset, "end": item.end + offset}
    for field in dataclasses.fields(item):
        value = getattr(item, field.name)
        if isinstance(value, Span):
            changes[field.name] = shifted(value, offset)
    return dataclasses.replace(item, **changes)
