"""The reader's corrections laid over an analysis: a new Analysis, the old one untouched.

Entity corrections apply in the order they were made (the later wins where
two cover the same words): a label makes the span one entity with that label,
replacing whatever the model found overlapping it; no label removes the
model's entities there. A speaker is set on the quote the annotation covers
most, at the mention of that name nearest to the quote. The glossary is
rebuilt from the corrected entities.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from tui.analysis.glossary import build_glossary
from tui.analysis.model import Analysis, Entity, Quote, Span
from tui.store.model import Annotation

READER_ORIGIN = "reader"


def apply_corrections(analysis: Analysis, annotations: Iterable[Annotation]) -> Analysis:
    placed = sorted((a for a in annotations if not a.is_orphan), key=lambda a: (a.modified, a.created, a.id))
    entity_fixes = [a for a in placed if a.entity is not None]
    speaker_fixes = [a for a in placed if a.speaker is not None]
    if not entity_fixes and not speaker_fixes:
        return analysis
    entities = list(analysis.entities)
    for annotation in entity_fixes:
        assert annotation.entity is not None
        entities = [e for e in entities if e.end <= annotation.start or e.start >= annotation.end]
        if annotation.entity.label is not None:
            entities.append(
                Entity(
                    annotation.start,
                    annotation.end,
                    analysis.text[annotation.start : annotation.end],
                    label=annotation.entity.label,
                    origin=READER_ORIGIN,
                )
            )
    entities.sort(key=lambda e: (e.start, e.end))
    quotes = list(analysis.quotes)
    for annotation in speaker_fixes:
        assert annotation.speaker is not None
        index = _quote_under(quotes, annotation)
        if index is not None:
            # The reader's name is who said it, whatever the model resolved.
            quotes[index] = replace(
                quotes[index],
                speaker=_mention_near(analysis.text, annotation.speaker, quotes[index]),
                speaker_name=annotation.speaker.strip() or None,
            )
    changed_entities = tuple(entities) != analysis.entities
    return replace(
        analysis,
        entities=tuple(entities),
        quotes=tuple(quotes),
        glossary=(
            tuple(build_glossary(analysis.text, analysis.lang, entities, analysis.sentences))
            if changed_entities
            else analysis.glossary
        ),
    )


def _quote_under(quotes: list[Quote], annotation: Annotation) -> int | None:
    """The index of the quote sharing the most characters with the annotation."""
    best, best_overlap = None, 0
    for index, quote in enumerate(quotes):
        overlap = min(quote.end, annotation.end) - max(quote.start, annotation.start)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def _mention_near(text: str, name: str, quote: Quote) -> Span | None:
    """The occurrence of ``name`` closest to the quote (outside it); None for
    an empty name (the reader cleared the speaker); the model's speaker if the
    text never mentions the name (a span must point at the text)."""
    name = name.strip()
    if not name:
        return None
    found: list[tuple[int, int]] = []
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if end <= quote.start or start >= quote.end:
            found.append((max(quote.start - end, start - quote.end), start))
        start = text.find(name, start + 1)
    if not found:
        return quote.speaker
    _, start = min(found)
    return Span(start, start + len(name), name)
