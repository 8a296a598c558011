"""The store's interface: what the reader needs from wherever annotations live.

The SQLite file in the user data directory is one implementation; a shared
team store on a server database can be another, and nothing above this
interface (sessions, exports, the UI) changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from tui.store.model import Annotation, DocumentActivity, StoredDocument


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

    def close(self) -> None: ...
