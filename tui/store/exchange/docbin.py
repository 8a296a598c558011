"""A spaCy ``DocBin`` of the article with the reader's corrections applied.

Tokenised by ``spacy.blank(lang)`` (no model needed), entities from the
corrected analysis: ready for ``spacy train`` as the corrections-to-training-
data loop. A character span that does not fall on token edges is widened to
the tokens it touches (``alignment_mode="expand"``); where widening makes two
entities overlap, the longer one is kept (``filter_spans``).
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

from tui.analysis.model import Analysis


def to_doc(analysis: Analysis) -> Doc:
    nlp = spacy.blank(analysis.lang)
    doc = nlp.make_doc(analysis.text)
    spans = [
        doc.char_span(entity.start, entity.end, label=entity.label, alignment_mode="expand")
        for entity in analysis.entities
    ]
    doc.ents = filter_spans([span for span in spans if span is not None])
    return doc


def to_docbin(analysis: Analysis) -> bytes:
    return bytes(DocBin(docs=[to_doc(analysis)], store_user_data=False).to_bytes())
