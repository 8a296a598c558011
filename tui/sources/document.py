"""The document: a normalised text with an identity and an origin."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

# 128 bits of SHA-256: collisions are out of reach for any reader's library,
# and the id stays short enough to show and to type.
_ID_HEX_DIGITS = 32


def document_id(text: str) -> str:
    """A stable id for a normalised text: the same text gives the same id in
    every run and on every machine, any change to the text gives another."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_ID_HEX_DIGITS]


SegmentKind = Literal["heading", "paragraph", "list_item", "quote", "code"]


@dataclass(frozen=True, slots=True)
class Segment:
    """One block of a document's text and where it came from: what an export
    needs to point back into the source."""

    start: int
    end: int
    kind: SegmentKind = "paragraph"
    # 1-based line of the block in the source file, where the format tells it.
    source_line: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A normalised article and where it came from.

    ``text`` is NFC with ``\\n`` line ends; ``id`` is :func:`document_id` of it.
    ``source`` is the path as given, or ``-`` for standard input; ``title`` is
    the first line or the file name until a format knows better; ``format``
    names the reader that produced it (``text``, ``html``, ``markdown``);
    ``note`` is a one-line remark for the reader, such as a fallback decoding;
    ``metadata`` holds what the source says of itself (``author``, ``date``,
    ``site``, ``encoding``); ``segments`` are the blocks of a structured
    source (headings, paragraphs, list items) in text order.
    """

    text: str
    source: str
    title: str
    format: str = "text"
    note: str | None = None
    metadata: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    segments: tuple[Segment, ...] = ()

    @property
    def id(self) -> str:
        return document_id(self.text)

    def to_json(self) -> dict[str, Any]:
        """What ``randnotiz analyze`` says of the document: where the offsets
        point into, and what the source says of itself."""
        found: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "format": self.format,
            **self.metadata,
        }
        if self.segments:
            found["segments"] = [
                {"start": s.start, "end": s.end, "kind": s.kind, "source_line": s.source_line}
                for s in self.segments
            ]
        return found
