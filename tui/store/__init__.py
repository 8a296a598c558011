"""Persistence and exchange of the reader's annotations: no Textual here.

The UI talks to an :class:`AnnotationSession` (one open document: add, edit,
delete, undo, redo), which talks to an :class:`AnnotationStore` (the SQLite
file by default). Anchoring, the corrections overlay and the exchange formats
are pure functions over the model types.

The package is lazy (PEP 562), like :mod:`tui.analysis`: before its first
paint the reader only asks where its files are (:mod:`tui.store.location`);
the store and its types load when it opens the store, after that paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.lazy import lazy_attributes

if TYPE_CHECKING:
    from tui.store.location import default_store_path
    from tui.store.model import Annotation, EntityCorrection, TextQuote
    from tui.store.protocol import AnnotationStore, StoreError
    from tui.store.session import AnnotationSession
    from tui.store.sqlite_store import SQLiteStore

# Each name of the package and the module it lives in, loaded on first access.
_HOMES = {
    "Annotation": "tui.store.model",
    "AnnotationSession": "tui.store.session",
    "AnnotationStore": "tui.store.protocol",
    "EntityCorrection": "tui.store.model",
    "SQLiteStore": "tui.store.sqlite_store",
    "StoreError": "tui.store.protocol",
    "TextQuote": "tui.store.model",
    "default_store_path": "tui.store.location",
}

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


__getattr__, __dir__ = lazy_attributes(__name__, _HOMES, __all__)
