"""What the reader is looking at, without Textual: the analysis, the
selected span, the search matches, and stepping between items.

The reader screen owns one :class:`Reading`, asks it where to go and shows
the answer; everything here is plain data and tested without a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from tui.analysis.model import Analysis, GlossaryEntry, Number, Quote, Span
from tui.analysis.spans import HasSpan, SpanIndex
from tui.i18n import _, count, number

if TYPE_CHECKING:
    from tui.store.model import PersonalEntry

ItemKind = Literal["entities", "quotes", "numbers"]


class Reading:
    def __init__(self, text: str) -> None:
        self.text = text
        self.analysis: Analysis | None = None
        self.selection: Span | None = None
        self.query = ""
        self.matches: SpanIndex[Span] = SpanIndex(())
        self._items: dict[ItemKind, SpanIndex[Span]] = {}
        self._sentences: SpanIndex[Span] = SpanIndex(())

    def set_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self._items = {
            "entities": SpanIndex[Span](analysis.entities),
            "quotes": SpanIndex[Span](shown_quotes(analysis.quotes)),
            "numbers": SpanIndex[Span](analysis.numbers),
        }
        self._sentences = SpanIndex(analysis.sentences)

    # -- selection -------------------------------------------------------------

    def select(self, start: int, end: int) -> Span:
        self.selection = Span(start, end, self.text[start:end])
        return self.selection

    def anchor(self, viewport_start: int) -> int:
        """Where stepping starts: the selection, else just above the view."""
        return self.selection.start if self.selection is not None else viewport_start - 1

    def step(self, spans: SpanIndex[Span] | Sequence[Span], forward: bool, anchor: int) -> Span | None:
        """Select the first span starting after ``anchor`` (or the last one
        starting before it), wrapping around at either end."""
        index = spans if isinstance(spans, SpanIndex) else SpanIndex(spans)
        if not len(index):
            return None
        if forward:
            target = index.next_after(anchor) or index[0]
        else:
            target = index.previous_before(anchor) or index[len(index) - 1]
        return self.select(target.start, target.end)

    def step_item(self, kind: ItemKind, forward: bool, anchor: int) -> Span | None:
        items = self._items.get(kind)
        return None if items is None else self.step(items, forward, anchor)

    def step_mention(self, forward: bool, anchor: int, fallback: Sequence[Span] = ()) -> Span | None:
        """The next mention of the selected entity, else among ``fallback``
        (the mentions of the glossary row under the cursor)."""
        entry = self.entry_of(self.selection) if self.selection is not None else None
        mentions = entry.mentions if entry is not None else fallback
        return self.step(mentions, forward, anchor) if mentions else None

    def clear_selection(self) -> None:
        self.selection = None

    # -- queries -------------------------------------------------------------

    def item_at(self, offset: int) -> Span | None:
        """The entity, number or quote under ``offset`` (see :meth:`Analysis.item_at`)."""
        return None if self.analysis is None else self.analysis.item_at(offset)

    def entry_of(self, span: HasSpan) -> GlossaryEntry | None:
        """The glossary entry one of whose mentions is exactly ``span``."""
        return None if self.analysis is None else self.analysis.entry_of(span)

    # -- search ------------------------------------------------------------------

    def find(self, query: str) -> int:
        """Every case-insensitive occurrence of ``query`` taken literally
        (``.`` or ``(`` are characters, not patterns); returns how many."""
        self.query = query.strip()
        if not self.query:
            self.matches = SpanIndex(())
            return 0
        pattern = re.compile(re.escape(self.query), re.IGNORECASE)
        self.matches = SpanIndex(Span(m.start(), m.end(), m.group()) for m in pattern.finditer(self.text))
        return len(self.matches)

    def step_match(self, forward: bool, anchor: int) -> Span | None:
        return self.step(self.matches, forward, anchor)

    def match_position(self) -> tuple[int, int] | None:
        """(1-based number of the selected match, count) when a match is selected."""
        if self.selection is None or not len(self.matches):
            return None
        try:
            return self.matches.index_of(self.selection) + 1, len(self.matches)
        except ValueError:
            return None

    def clear_search(self) -> None:
        self.query = ""
        self.matches = SpanIndex(())

    # -- the detail line -------------------------------------------------------

    def detail(self) -> str:
        """All there is to know about the selection, in full: a quote with its
        speaker, cue and cited source, a number with its sentence, an
        entity with every mention of its glossary entry."""
        if self.selection is None or self.analysis is None:
            return ""
        selection = self.selection
        quote = _exactly(self._items["quotes"], selection)
        if isinstance(quote, Quote):
            return describe_quote(quote, self.analysis.sources, self._sentences)
        number = _exactly(self._items["numbers"], selection)
        if isinstance(number, Number):
            return describe_number(number, self._sentences)
        entry = self.entry_of(selection)
        if entry is not None:
            return describe_entry(entry, selection)
        return ""

    def summary(self) -> str:
        analysis = self.analysis
        if analysis is None:
            return ""
        return " · ".join(
            (
                analysis.lang,
                analysis.pipeline,
                count(analysis.word_count, "{count} word", "{count} words"),
                count(len(analysis.entities), "{count} entity", "{count} entities"),
                count(len(self._items["quotes"]), "{count} quote", "{count} quotes"),
                count(len(analysis.numbers), "{count} number", "{count} numbers"),
            )
        )


def shown_quotes(quotes: Iterable[Quote]) -> list[Quote]:
    """Quotes and reported speech; names and titles in quotation marks are
    not quotes: the pane, the highlights and stepping leave them out."""
    return [quote for quote in quotes if quote.kind != "title"]


def _exactly(index: SpanIndex[Span], span: Span) -> Span | None:
    found = index.containing(span.start, span.end)
    return found if found is not None and (found.start, found.end) == (span.start, span.end) else None


def describe_quote(quote: Quote, sources: Sequence[Span], sentences: SpanIndex[Span]) -> str:
    speaker = quote.said_by or _("unknown")
    parts = [_("{kind} quote").format(kind=quote.kind), _("speaker: {speaker}").format(speaker=speaker)]
    if quote.cue is not None:
        parts.append(_("cue: {cue}").format(cue=quote.cue.text))
    cited = [source.text for source in sources if _cited_with(source, quote, sentences)]
    if cited:
        parts.append(_("source: {sources}").format(sources=", ".join(dict.fromkeys(cited))))
    return " · ".join(parts) + f" — {quote.text}"


def describe_number(number: Number, sentences: SpanIndex[Span]) -> str:
    sentence = sentences.containing(number.start, number.end)
    context = sentence.text if sentence is not None else number.text
    return f"{number.kind} {number.text} — {context}"


def describe_entry(entry: GlossaryEntry, selection: Span | None = None) -> str:
    """The entry with its forms; on one of its mentions, which one it is ("m" walks through them)."""
    place = next(
        (
            n
            for n, m in enumerate(entry.mentions, 1)
            if selection and (m.start, m.end) == (selection.start, selection.end)
        ),
        None,
    )
    if place is not None and len(entry.mentions) > 1:
        mentions = _("mention {place} of {count}").format(
            place=number(place), count=number(len(entry.mentions))
        )
    else:
        mentions = count(len(entry.mentions), "{count} mention", "{count} mentions")
    forms = ", ".join(dict.fromkeys(mention.text for mention in entry.mentions))
    return f"{entry.label} {entry.name} · {mentions} — {forms}"


def _cited_with(source: Span, quote: Quote, sentences: SpanIndex[Span]) -> bool:
    """A cited source belongs to a quote it is inside of or shares a sentence with."""
    if quote.start <= source.start and source.end <= quote.end:
        return True
    sentence = sentences.at(source.start)
    return sentence is not None and sentence.start <= quote.end and quote.start < sentence.end


def describe_personal(entry: PersonalEntry, mentions: int, also_in: Sequence[str]) -> str:
    """An entry of the reader's own glossary: how often it is here, its tags,
    the other articles it was seen in, and the reader's note."""
    parts = [
        _("mine: {term}").format(term=entry.term),
        count(mentions, "{count} mention", "{count} mentions"),
    ]
    if entry.tags:
        parts.append(_("tags: {tags}").format(tags=", ".join(entry.tags)))
    if also_in:
        parts.append(_("also in: {titles}").format(titles=", ".join(also_in)))
    text = " · ".join(parts)
    return f"{text} — {entry.note}" if entry.note else text
