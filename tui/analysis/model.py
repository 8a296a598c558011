"""The result types of the analysis: small frozen dataclasses over one text.

Every item carries ``start``/``end`` code-point offsets into the normalised
article text (see :func:`tui.analysis.text.normalise`) and its surface ``text``,
so that ``analysis.text[item.start:item.end] == item.text`` always holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from tui.analysis.spans import HasSpan, SpanIndex

# A spaCy pipeline for every language, or one per language ({"de": "de_core_news_lg"});
# None: the default for the language.
ModelChoice = str | Mapping[str, str] | None
EntityLabel = str  # PER, LOC, ORG, MISC (German); English pipelines may add more
QuoteKind = Literal["direct", "indirect"]
NumberKind = Literal[
    "cardinal",
    "decimal",
    "percent",
    "percentage_points",
    "money",
    "quantity",
    "year",
    "ordinal",
    "date",
    "time",
]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Entity(Span):
    label: EntityLabel = "MISC"
    # Which layer found it: "model" (statistical NER), "rules" (gazetteers and
    # patterns) or "alias" (a later short mention of a name found earlier).
    origin: str = "model"

    def to_json(self) -> dict[str, Any]:
        return {**Span.to_json(self), "label": self.label}


@dataclass(frozen=True, slots=True)
class Quote(Span):
    kind: QuoteKind = "direct"
    speaker: Span | None = None
    # The verb or phrase that attributes the quote ("sagte", "laut", "said").
    cue: Span | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            **Span.to_json(self),
            "kind": self.kind,
            "speaker": self.speaker.to_json() if self.speaker else None,
            "cue": self.cue.to_json() if self.cue else None,
        }


@dataclass(frozen=True, slots=True)
class Number(Span):
    value: float | int | None = None
    unit: str | None = None
    kind: NumberKind = "cardinal"
    approx: bool = False
    # True where the article's convention reads what looks like a thousands
    # grouping as a decimal ("1,500" in German is 1.5, but was probably
    # written as 1500 in the English style): the value follows the language,
    # and the flag tells the reader to check.
    ambiguous: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            **Span.to_json(self),
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "approx": self.approx,
            "ambiguous": self.ambiguous,
        }


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One distinct entity of the article with all its mentions."""

    name: str
    label: EntityLabel
    mentions: tuple[Span, ...]

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return self.mentions[0].end

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.name,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "count": len(self.mentions),
            "mentions": [mention.to_json() for mention in self.mentions],
        }


# Not slotted: the query indexes below are cached in the instance's __dict__
# on first use (never compared, and built only in the process that asks).
@dataclass(frozen=True)
class Analysis:
    text: str
    lang: str
    pipeline: str
    sentences: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    numbers: tuple[Number, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    sources: tuple[Span, ...] = ()

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def item_at(self, offset: int) -> Entity | Number | Quote | None:
        """The entity, number or quote under ``offset``: entities win over
        numbers, numbers over the quotes that contain them, and within a kind
        the innermost span wins."""
        for index in self._item_indexes:
            found = index.at(offset)
            if found is not None:
                return found
        return None

    def entry_of(self, span: HasSpan) -> GlossaryEntry | None:
        """The glossary entry one of whose mentions is exactly ``span``."""
        return self._entries_by_mention.get((span.start, span.end))

    @cached_property
    def _item_indexes(self) -> tuple[SpanIndex[Entity], SpanIndex[Number], SpanIndex[Quote]]:
        return SpanIndex(self.entities), SpanIndex(self.numbers), SpanIndex(self.quotes)

    @cached_property
    def _entries_by_mention(self) -> dict[tuple[int, int], GlossaryEntry]:
        return {(mention.start, mention.end): entry for entry in self.glossary for mention in entry.mentions}

    def to_json(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "pipeline": self.pipeline,
            "entities": [entity.to_json() for entity in self.entities],
            "quotes": [quote.to_json() for quote in self.quotes],
            "numbers": [number.to_json() for number in self.numbers],
            "glossary": [entry.to_json() for entry in self.glossary],
            "sources": [source.to_json() for source in self.sources],
        }
