"""Persistence and exchange of the reader's annotations: no Textual here.

The UI talks to an :class:`AnnotationSession` (one open document: add, edit,
delete, undo, redo), which talks to an :class:`AnnotationStore` (the SQLite
file by default). Anchoring, the corrections overlay and the exchange formats
are pure functions over the model types.
"""

from typing import TYPE_CHECKING, Any

from tui.store.location import default_store_path
from tui.store.model import Annotation, EntityCorrection, TextQuote
from tui.store.protocol import AnnotationStore, StoreError
from tui.store.session import AnnotationSession

if TYPE_CHECKING:
    from tui.store.sqlite_store import SQLiteStore

__all__ = [
    "Annotation",
    "AnnotationSession",
    "AnnotationStore",
    "EntityCorrection",
    "SQLiteStore",
    "StoreError",
    "TextQuote",
    "default_store_path",
]


def __getattr__(name: str) -> Any:
    # SQLite loads when the store is opened: after the reader's first paint.
    if name != "SQLiteStore":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from tui.store.sqlite_store import SQLiteStore

    return SQLiteStore
