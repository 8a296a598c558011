"""Sentence boundaries the punctuation-only sentencizer misses."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("randnotiz_line_breaks")
def sentences_end_at_line_breaks(doc: Doc) -> Doc:
    """A sentence never runs on over a line break: a headline, a list item or
    a paragraph ends there even without a full stop (the sentencizer reads
    punctuation only, and ran '>>“ (Quelle: Bloomberg)' into the next paragraph)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and ("\n" in previous.text or "\n" in previous.whitespace_):
            token.is_sent_start = True
    return doc
