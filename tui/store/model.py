"""What a reader adds to an article: annotations, frozen and self-contained.

An annotation points at its text twice: by code-point offsets into the
normalised article text (fast, exact while the text is unchanged) and by a
quote selector (the exact words plus some context), which finds the words
again after the article was edited (see :mod:`tui.store.anchoring`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

AnchorState = Literal["anchored", "orphan"]


def now() -> str:
    """The current time as W3C wants it (xsd:dateTime in UTC), to the
    millisecond so that edits made in one second keep their order."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_annotation_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class TextQuote:
    """The annotated words and up to ~32 characters either side of them."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class EntityCorrection:
    """The reader's verdict on the entity at an annotation's span.

    ``label`` set: the span is one entity with this label (this both fixes a
    wrong label and adds an entity the model missed). ``label`` None: the
    model's entities on the span are false and are removed.
    """

    label: str | None


@dataclass(frozen=True, slots=True)
class Annotation:
    """One annotation: a span of one document and what the reader said about it.

    ``speaker`` names who said the quote under the span (``""`` clears the
    model's speaker; None leaves it alone). An ``orphan`` keeps the offsets
    and words it had when it was last placed: its text changed so much that it
    could not be placed again safely.
    """

    id: str
    document_id: str
    start: int
    end: int
    quote: TextQuote
    note: str = ""
    tags: tuple[str, ...] = ()
    entity: EntityCorrection | None = None
    speaker: str | None = None
    created: str = ""
    modified: str = ""
    state: AnchorState = "anchored"

    @property
    def text(self) -> str:
        return self.quote.exact

    @property
    def is_orphan(self) -> bool:
        return self.state == "orphan"


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document the store has seen: its id, title and the paths it was opened from."""

    id: str
    title: str
    paths: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentActivity:
    """What a reading library shows of a document the store knows."""

    annotations: int
    last_opened: str | None


def new_entry_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class PersonalEntry:
    """An entry of the reader's own glossary: global, not tied to a document.

    The reader's articles are searched for ``term`` (see
    :mod:`tui.store.personal_glossary`); ``note`` says what the reader knows of it.
    """

    id: str
    term: str
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    modified: str = ""


@dataclass(frozen=True, slots=True)
class Sighting:
    """A document a personal entry was found in: how often, when last, and
    the document's title and paths (to say "also in …")."""

    entry_id: str
    document_id: str
    count: int
    last_seen: str
    title: str
    paths: tuple[str, ...] = ()
