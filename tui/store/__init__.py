"""Persistence and exchange of the reader's annotations: no Textual here.

The UI talks to an :class:`AnnotationSession` (one open document: add, edit,
delete, undo, redo), which talks to an :class:`AnnotationStore` (the SQLite
file by default). Anchoring, the corrections overlay and the exchange formats
are pure functions over the model types.
"""

from tui.store.model import Annotation, EntityCorrection, TextQuote
from tui.store.protocol import AnnotationStore
from tui.store.session import AnnotationSession
from tui.store.sqlite_store import SQLiteStore, StoreError, default_store_path

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
