"""Turning files and streams into documents: no Textual, no analysis.

Every reader returns a :class:`Document` whose ``text`` is already normalised
(NFC, ``\\n`` line ends): the one text that all offsets point into.
:func:`open_source` is the entry point; errors are :class:`InputError` with a
one-line message for the user.
"""

from tui.sources.document import Document, document_id
from tui.sources.errors import InputError
from tui.sources.opening import MAX_BYTES, open_source
from tui.sources.plain_text import decode

__all__ = ["MAX_BYTES", "Document", "InputError", "decode", "document_id", "open_source"]
