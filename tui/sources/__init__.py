"""Turning files and streams into documents: no Textual, no analysis.

Every reader returns a :class:`Document` whose ``text`` is already normalised
(NFC, ``\\n`` line ends): the one text that all offsets point into.
"""

from tui.sources.document import Document, document_id

__all__ = ["Document", "document_id"]
