"""Structured sources (HTML, Markdown) as blocks of text, joined into one
document text with a segment per block.

Blocks are joined by a blank line, so the reader shows paragraphs apart and
the analysis never runs a heading into the sentence below it. Each block's
text is normalised on its own: NFC cannot compose across a line end, so the
joined text is normalised too, and every segment's offsets hold in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from tui.analysis.text import normalise
from tui.i18n import _
from tui.sources.document import Document, Segment, SegmentKind
from tui.sources.errors import InputError

BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    kind: SegmentKind = "paragraph"
    source_line: int | None = None


def flowing(text: str) -> str:
    """Markup whitespace as a reader sees it: one space, no line breaks."""
    return " ".join(text.split())


def document_from_blocks(
    blocks: Iterable[Block],
    *,
    source: str,
    name: str,
    format: str,
    title: str | None,
    metadata: Mapping[str, str],
) -> Document:
    pieces: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for block in blocks:
        text = normalise(block.text).strip("\n")
        if not text.strip():
            continue
        if pieces:
            offset += len(BLOCK_SEPARATOR)
        segments.append(Segment(offset, offset + len(text), block.kind, block.source_line))
        pieces.append(text)
        offset += len(text)
    if not pieces:
        raise InputError(_("{name} has no article text that Randnotiz could find").format(name=name))
    text = BLOCK_SEPARATOR.join(pieces)
    return Document(
        text=text,
        source=source,
        title=title or pieces[0].split("\n", 1)[0],
        format=format,
        metadata=MappingProxyType(dict(metadata)),
        segments=tuple(segments),
    )
