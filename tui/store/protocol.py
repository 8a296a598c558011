"""The store's interface: what the reader needs from wherever annotations live.

The SQLite file in the user data directory is one implementation; a shared
team store on a server database can be another, and nothing above this
interface (sessions, exports, the UI) changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from tui.store.model import Annotation, DocumentActivity, PersonalEntry, Sighting, StoredDocument


class StoreError(Exception):
    """The store cannot be used; the message is for the user."""


class AnnotationStore(Protocol):
    def remember_document(self, document_id: str, title: str, path: str | None) -> None:
        """Record that the document was opened (from ``path``, if it came from a file)."""
        ...

    def document(self, document_id: str) -> StoredDocument | None: ...

    def documents_at(self, path: str) -> list[str]:
        """Ids of the documents opened from ``path``, the most recent first."""
        ...

    def recent_paths(self, limit: int) -> list[str]:
        """The paths opened most recently, the latest first."""
        ...

    def activity(self, document_ids: Iterable[str]) -> dict[str, DocumentActivity]:
        """Annotation count and last opening of each known document (unknown ones are left out)."""
        ...

    def annotations(self, document_ids: Iterable[str]) -> list[Annotation]:
        """All annotations of these documents (orphans too), in text order."""
        ...

    def annotation(self, annotation_id: str) -> Annotation | None: ...

    def save(self, annotations: Sequence[Annotation]) -> None:
        """Insert or replace these annotations in one transaction, committed at once."""
        ...

    def delete(self, annotation_ids: Sequence[str]) -> None: ...

    def tags_used(self) -> list[str]:
        """Every tag used before, the most used first (for completion)."""
        ...

    def personal_entries(self) -> list[PersonalEntry]:
        """The reader's own glossary, by term."""
        ...

    def save_personal_entry(self, entry: PersonalEntry) -> None:
        """Insert or replace the entry (by id), committed at once."""
        ...

    def delete_personal_entry(self, entry_id: str) -> None:
        """Delete the entry and where it was seen."""
        ...

    def record_sightings(self, document_id: str, counts: Mapping[str, int]) -> None:
        """The personal entries found in this document and how often (entry id -> count);
        entries not named are no longer seen there."""
        ...

    def sightings(self, entry_ids: Iterable[str]) -> list[Sighting]:
        """Where these entries were seen, each entry's latest sighting first."""
        ...

    def close(self) -> None: ...
