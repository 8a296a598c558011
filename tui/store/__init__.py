"""Persistence and exchange of the reader's annotations: no Textual here.

The UI talks to an :class:`AnnotationSession` (one open document: add, edit,
delete, undo, redo), which talks to an :class:`AnnotationStore` (the SQLite
file by default). Anchoring, the corrections overlay and the exchange formats
are pure functions over the model types.
"""
