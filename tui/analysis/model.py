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
# "title": a name or title in quotation marks (a film, a newspaper), kept for
# the glossary but not a quote.
QuoteKind = Literal["direct", "indirect", "title"]
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
    "fraction",  # "drei Viertel", "¾", "3/4": value 0.75
    "score",  # "2:1": a result, no value
]
# How a hedge bounds the figure: "rund" about, "knapp" almost, "mehr als"
# more_than, "weniger als" less_than, "mindestens" at_least, "bis zu" at_most.
NumberQualifier = Literal["about", "almost", "more_than", "less_than", "at_least", "at_most"]
# How a table writes each hedge before the value: a bound is not an estimate.
HEDGE_SYMBOLS: dict[NumberQualifier, str] = {
    "about": "≈",
    "almost": "≈",
    "more_than": ">",
    "less_than": "<",
    "at_least": "≥",
    "at_most": "≤",
}
# "ein Rückgang um 3 %" keeps the value positive; the change says which way.
NumberChange = Literal["increase", "decrease"]


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
    # Who the speaker is: the canonical name of the person or organisation the
    # speaker span names or refers to ("Hugo Barra" for "er"), or None where it
    # names no entity ("eine Sprecherin des Umweltamts").
    speaker_name: str | None = None

    @property
    def said_by(self) -> str | None:
        """Who said it, for a reader: the resolved name, else the words that
        name the speaker ("eine Sprecherin des Umweltamts"), else None."""
        if self.speaker_name:
            return self.speaker_name
        return self.speaker.text if self.speaker is not None else None

    def to_json(self) -> dict[str, Any]:
        return {
            **Span.to_json(self),
            "kind": self.kind,
            "speaker": self.speaker.to_json() if self.speaker else None,
            "speaker_name": self.speaker_name,
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
    # written as 1500 in the English style), or a date could be read
    # day-first or month-first ("05/11/2019" in English): the value is None
    # unless the context proves one reading, and the flag tells the reader.
    ambiguous: bool = False
    qualifier: NumberQualifier | None = None
    # A range ("5 bis 7 Prozent") has no single value: its ends are here.
    low: float | int | None = None
    high: float | int | None = None
    # Dates and times in ISO 8601: "2025-10-03", "2024-07", "--10-03" (no year), "14:30".
    value_iso: str | None = None
    change: NumberChange | None = None

    @property
    def hedge_symbol(self) -> str:
        """ "≈" for "rund 500", ">" for "mehr als 500", "≤" for "bis zu 500"; "" for an exact figure."""
        if self.qualifier is not None:
            return HEDGE_SYMBOLS[self.qualifier]
        return "≈" if self.approx else ""

    def to_json(self) -> dict[str, Any]:
        return {
            **Span.to_json(self),
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "approx": self.approx,
            "ambiguous": self.ambiguous,
            "qualifier": self.qualifier,
            "low": self.low,
            "high": self.high,
            "value_iso": self.value_iso,
            "change": self.change,
        }


GlossaryKind = Literal["entity", "abbreviation", "term"]


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One thing the article names or uses: an entity with all its mentions
    and aliases, an abbreviation, or a key term of the piece."""

    name: str
    label: EntityLabel
    mentions: tuple[Span, ...]
    # The distinct surface forms of the mentions ("Hugo Barra", "Barra").
    aliases: tuple[str, ...] = ()
    # What the article says it is: appositions, preceding roles, predicatives,
    # or the sentence that defines a term.
    descriptions: tuple[Span, ...] = ()
    # For an abbreviation, its long form as the article defines it.
    expansion: str | None = None
    # Offline facts from CLDR, as (key, value) pairs: iso, name, name_en, currency, …
    facts: tuple[tuple[str, str], ...] = ()
    kind: GlossaryKind = "entity"
    # For a key term: how much more frequent it is here than in general use.
    score: float | None = None

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
            "aliases": list(self.aliases),
            "descriptions": [description.to_json() for description in self.descriptions],
            "expansion": self.expansion,
            "facts": dict(self.facts),
            "kind": self.kind,
            **({"score": self.score} if self.score is not None else {}),
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
