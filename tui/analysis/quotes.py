"""Direct quotes in every common quotation style, reported (Konjunktiv)
speech, their speakers and the sources an article cites.

The speaker is found by simple, explainable patterns: a speech verb next to
a person or organisation in the same sentence, a colon before the quote, or
the speaker of the previous quote in the paragraph when nothing else is
named. The quotes issue deepens this; the interface stays.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from tui.analysis.model import Entity, Quote, Span

# Which marks close a quote opened by a given mark. Ambiguous marks (“ closes
# „ in German but opens in English; » and « swap between German and French)
# are resolved by the stack: a mark closes the innermost open quote it can.
_CLOSERS = {
    "„": '“”"',
    "“": "”",
    "»": "«",
    "«": "»",
    "‚": "‘’",
    "‘": "’",
    "‹": "›",
    "›": "‹",
    "<<": ">>",
    '"': '"',
}
_MARKS = re.compile(r"<<|>>|[„“”»«‚‘’‹›\"\n]")
_MAX_QUOTE_CHARS = 3000

_SPEECH_VERBS = {
    "de": re.compile(
        r"\b(?:sag|erklär|beton|mein|verr[äi]|ergänz|bericht|warn|forder|erläuter|bekräftig|versicher|"
        r"kritisier|antwort|bestätig|behaupt|schreib|schrieb|sprach|sprich|füg|räum|teil|kündig|"
        r"unterstr|zitier|so\b|laut\b|zufolge\b)\w*",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:said|says|say|told|tells|added|adds|explained|stated|noted|according|wrote|writes|"
        r"asked|argued|claimed|insisted|warned|announced|replied|continued)\b",
        re.IGNORECASE,
    ),
}
# Articles quote across languages (English quotes in German news), so direct
# quotes are attributed with the verbs of every language.
_ANY_SPEECH_VERB = re.compile(
    "|".join(f"(?:{verbs.pattern})" for verbs in _SPEECH_VERBS.values()), re.IGNORECASE
)
# Third-person Konjunktiv I forms that news writing uses for reported speech.
_SUBJUNCTIVE = re.compile(
    r"\b(?:sei|seien|habe|gebe|werde|könne|müsse|solle|wolle|dürfe|möge|wisse|plane|liege|stehe|"
    r"gehe|komme|bleibe|brauche|fehle|lasse|sehe|arbeite|biete|erwarte|rechne|zeige|trage|halte|"
    r"bestehe|drohe|hoffe|verfüge|wachse|sinke|steige|lohne|gelte|handle|fürchte)\b"
)
_THAT = {"de": re.compile(r"\b(?:dass|ob|wie|wonach)\b"), "en": re.compile(r"\bthat\b")}
_SOURCE_CUES = {
    "de": re.compile(
        r"(?:\(Quelle:\s*|\blaut\s+(?:(?:einem|einer|dem|der|des)\s+\w+\s+(?:mit|von|der|des|bei)\s+)?"
        r"|\b(?:Interview|Gespräch|Bericht)\s+(?:mit|von|der|des|bei)\s+)",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"(?:\((?:Source|via):\s*|\baccording to\s+|\b(?:told|interview with|reported by)\s+|\bon\s+(?=[A-Z]))",
        re.IGNORECASE,
    ),
}


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    lang: str
    sentences: Sequence[Span]
    sentence_starts: list[int]
    speakers: Sequence[Entity]
    speaker_starts: list[int]

    def sentence_at(self, offset: int) -> Span:
        index = max(0, bisect_right(self.sentence_starts, offset) - 1)
        return self.sentences[index]

    def speakers_between(self, start: int, end: int) -> list[Entity]:
        first = bisect_left(self.speaker_starts, start)
        last = bisect_left(self.speaker_starts, end)
        return [entity for entity in self.speakers[first:last] if entity.end <= end]


def find_quotes(text: str, lang: str, sentences: Sequence[Span], entities: Sequence[Entity]) -> list[Quote]:
    speakers = sorted(
        (entity for entity in entities if entity.label in {"PER", "ORG"}), key=lambda e: e.start
    )
    context = _Context(
        text,
        lang,
        sentences,
        [sentence.start for sentence in sentences],
        speakers,
        [entity.start for entity in speakers],
    )
    direct = _attribute(_direct_quotes(text), context)
    indirect = (
        _indirect_quotes(context, direct)
        if lang in _SUBJUNCTIVE_LANGS
        else _reported_english(context, direct)
    )
    return sorted(direct + indirect, key=lambda quote: (quote.start, -quote.end))


_SUBJUNCTIVE_LANGS = frozenset({"de"})


def find_sources(text: str, lang: str, entities: Sequence[Entity]) -> list[Span]:
    """Organisations cited as a source: "(Quelle: Bloomberg)",
    "laut einem Interview mit Bloomberg", "according to Reuters"."""
    cue = _SOURCE_CUES.get(lang, _SOURCE_CUES["en"])
    # Organisations only: "laut Barra" attributes speech, "laut Bloomberg" cites.
    by_start = {entity.start: entity for entity in entities if entity.label == "ORG"}
    sources = []
    for match in cue.finditer(text):
        entity = by_start.get(match.end())
        if entity is not None:
            sources.append(Span(entity.start, entity.end, entity.text))
    return sources


def _direct_quotes(text: str) -> list[tuple[int, int, int, int]]:
    """(open, content start, content end, close end) of every paired quote."""
    stack: list[tuple[str, int, int]] = []
    pairs = []
    for match in _MARKS.finditer(text):
        mark, position = match.group(), match.start()
        if mark == "\n":
            stack.clear()  # an unclosed quote does not run into the next paragraph
            continue
        if mark in "’‘" and _between_letters(text, position):
            continue  # an apostrophe: "don’t", "Xiaomi’s"
        for depth in range(len(stack) - 1, -1, -1):
            if mark in _CLOSERS[stack[depth][0]]:
                _, open_start, content_start = stack[depth]
                del stack[depth:]
                pairs.append((open_start, content_start, position, match.end()))
                break
        else:
            if mark in _CLOSERS and _can_open(text, match):
                stack.append((mark, position, match.end()))
    quotes = []
    for open_start, content_start, content_end, close_end in pairs:
        content = text[content_start:content_end]
        stripped_start = content_start + len(content) - len(content.lstrip())
        stripped_end = content_end - (len(content) - len(content.rstrip()))
        if stripped_end - stripped_start > _MAX_QUOTE_CHARS or not any(char.isalpha() for char in content):
            continue
        quotes.append((open_start, stripped_start, stripped_end, close_end))
    return _drop_wrappers(sorted(quotes))


def _between_letters(text: str, position: int) -> bool:
    return 0 < position < len(text) - 1 and text[position - 1].isalnum() and text[position + 1].isalpha()


def _can_open(text: str, match: re.Match[str]) -> bool:
    following = text[match.end() : match.end() + 1]
    return bool(following) and not following.isspace()


def _drop_wrappers(quotes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Drop an outer quote that only wraps inner ones with their attribution,
    as in „<<…>> Barra said. <<…>>“: the inner quotes are what was said."""
    kept = []
    for index, quote in enumerate(quotes):
        _, start, end, _ = quote
        inner = []
        for other in quotes[index + 1 :]:  # sorted by opening mark: inner ones follow
            if other[0] >= end:
                break
            if other[3] <= end:
                inner.append(other)
        if inner and inner[0][0] == start and max(other[3] for other in inner) == end:
            continue
        kept.append(quote)
    return kept


def _attribute(raw: list[tuple[int, int, int, int]], context: _Context) -> list[Quote]:
    quotes: list[Quote] = []
    previous: Quote | None = None
    for open_start, start, end, close_end in raw:
        speaker, cue = (
            _speaker_after(context, close_end) or _speaker_before(context, open_start) or (None, None)
        )
        # A quote inside the previous one was said by someone it quotes, not
        # necessarily by its speaker: no carrying over then.
        if (
            speaker is None
            and previous is not None
            and previous.speaker is not None
            and open_start > previous.end
        ):
            between = context.text[previous.end : open_start]
            others = [
                entity
                for entity in context.speakers_between(previous.end, open_start)
                if entity.label == "PER" and entity.text not in previous.speaker.text
            ]
            if "\n" not in between and not others:
                speaker = previous.speaker
        quote = Quote(start, end, context.text[start:end], "direct", speaker, cue)
        quotes.append(quote)
        previous = quote
    return quotes


def _speaker_after(context: _Context, close_end: int) -> tuple[Span, Span] | None:
    """„…“, sagte Barra. / „…“ Barra said. / „…“, so die Firma."""
    text = context.text
    window_end = _clause_end(text, close_end)
    window = text[close_end:window_end]
    cue = _ANY_SPEECH_VERB.search(window)
    if cue is None or cue.start() > 40:
        return None
    candidates = context.speakers_between(close_end, window_end)
    if not candidates:
        return None
    speaker = _prefer_person(candidates, key=lambda entity: entity.start)
    return _span(speaker), Span(close_end + cue.start(), close_end + cue.end(), cue.group())


def _speaker_before(context: _Context, open_start: int) -> tuple[Span, Span] | None:
    """Barra sagte: „…“ / verrät Hugo Barra, dass Xiaomi „…“."""
    text = context.text
    sentence = context.sentence_at(open_start)
    window = text[sentence.start : open_start]
    cues = list(_ANY_SPEECH_VERB.finditer(window))
    if not cues and not window.rstrip().endswith(":"):
        return None
    candidates = context.speakers_between(sentence.start, open_start)
    if not candidates:
        return None
    speaker = _prefer_person(candidates, key=lambda entity: -entity.start)
    cue_span = None
    if cues:
        cue = cues[-1]
        cue_span = Span(sentence.start + cue.start(), sentence.start + cue.end(), cue.group())
    return _span(speaker), cue_span


def _indirect_quotes(context: _Context, direct: list[Quote]) -> list[Quote]:
    """German reported speech: sentences in Konjunktiv I, attributed to the
    speaker named by a speech verb or "laut", or carried on from the previous
    reported sentence of the same paragraph."""
    text = context.text
    mask = _DirectQuoteMask(direct)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for sentence in context.sentences:
        body = mask.narration(sentence, text)
        verb = _SUBJUNCTIVE.search(body)
        if verb is None:
            previous = None
            continue
        start = sentence.start
        cue_match = _SPEECH_VERBS["de"].search(body, 0, verb.start())
        speaker: Span | None = None
        cue: Span | None = None
        if cue_match is not None:
            cue = Span(start + cue_match.start(), start + cue_match.end(), cue_match.group())
            speaker = _nearest_speaker(context, sentence, cue)
            clause = _THAT["de"].search(body, cue_match.end(), verb.start())
            comma = body.rfind(",", cue_match.end(), verb.start())
            if clause is not None:
                # "dass" only introduces; "wie wichtig…", "ob…" carry meaning.
                start = sentence.start + (clause.end() + 1 if clause.group() == "dass" else clause.start())
            elif comma != -1:  # "Merkel sagte, die Lage sei ernst"
                start = sentence.start + comma + 2
        elif trailing := _TRAILING_CUE.search(body, verb.end()):
            # "Der Ausbau sei zentral, sagte der Grünen-Politiker."
            cue = Span(start + trailing.start("verb"), start + trailing.end("verb"), trailing.group("verb"))
            speaker = _speaker_after_cue(context, sentence, cue)
        elif previous is not None and "\n" not in text[previous.end : sentence.start]:
            speaker, cue = previous.speaker, previous.cue
        end = sentence.end
        while end > start and text[end - 1] in " .\n":
            end -= 1
        quote = Quote(start, end, text[start:end], "indirect", speaker, cue)
        quotes.append(quote)
        previous = quote
    return quotes


_TRAILING_CUE = re.compile(
    r",\s*(?P<verb>(?:sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|so|schrieb|berichtete|"
    r"warnte|ergänzte|fügte)\b)"
)


def _speaker_after_cue(context: _Context, sentence: Span, cue: Span) -> Span | None:
    candidates = context.speakers_between(cue.end, sentence.end)
    if candidates:
        return _span(_prefer_person(candidates, key=lambda entity: entity.start))
    noun = re.compile(r"\b[A-ZÄÖÜ][\wäöüß-]+").search(context.text, cue.end, sentence.end)
    return Span(noun.start(), noun.end(), noun.group()) if noun else None


def _reported_english(context: _Context, direct: list[Quote]) -> list[Quote]:
    """English reported speech: "X said (that) …" outside direct quotes."""
    text = context.text
    mask = _DirectQuoteMask(direct)
    quotes = []
    for sentence in context.sentences:
        body = mask.narration(sentence, text)
        cue_match = _SPEECH_VERBS["en"].search(body)
        that = cue_match and _THAT["en"].match(body, cue_match.end() + 1)
        if not that:
            continue
        cue = Span(sentence.start + cue_match.start(), sentence.start + cue_match.end(), cue_match.group())
        start = sentence.start + that.end() + 1
        end = sentence.end
        while end > start and text[end - 1] in " .\n":
            end -= 1
        quotes.append(
            Quote(start, end, text[start:end], "indirect", _nearest_speaker(context, sentence, cue), cue)
        )
    return quotes


def _nearest_speaker(context: _Context, sentence: Span, cue: Span) -> Span | None:
    candidates = context.speakers_between(sentence.start, sentence.end)
    if candidates:
        return _span(_prefer_person(candidates, key=lambda entity: abs(entity.start - cue.start)))
    # No named entity: the noun before the verb ("Der Vizepräsident spricht").
    before = context.text[sentence.start : cue.start]
    nouns = list(re.finditer(r"\b[A-ZÄÖÜ][\wäöüß-]+", before))
    nouns = [noun for noun in nouns if noun.group().lower() not in _ARTICLES]
    if not nouns:
        return None
    noun = nouns[-1]
    return Span(sentence.start + noun.start(), sentence.start + noun.end(), noun.group())


_ARTICLES = frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "eines", "laut", "auch", "allerdings", "außerdem", "the", "a", "an"]
)


class _DirectQuoteMask:
    """Blanks direct-quote content out of a sentence (same length, so offsets
    still hold): reported speech is looked for in the narration only."""

    def __init__(self, direct: list[Quote]) -> None:
        self.direct = direct  # sorted by start
        self.starts = [quote.start for quote in direct]

    def narration(self, sentence: Span, text: str) -> str:
        body = text[sentence.start : sentence.end]
        first = bisect_left(self.starts, sentence.start - _MAX_QUOTE_CHARS)
        for quote in self.direct[first:]:
            if quote.start >= sentence.end:
                break
            if quote.end <= sentence.start:
                continue
            left = max(quote.start, sentence.start) - sentence.start
            right = min(quote.end, sentence.end) - sentence.start
            body = body[:left] + " " * (right - left) + body[right:]
        return body


def _clause_end(text: str, start: int) -> int:
    match = re.compile(r"[.!?;\n„“”»«<>\"]").search(text, start)
    return match.start() if match else len(text)


def _prefer_person(candidates: list[Entity], key) -> Entity:
    people = [entity for entity in candidates if entity.label == "PER"]
    return min(people or candidates, key=key)


def _span(entity: Entity) -> Span:
    return Span(entity.start, entity.end, entity.text)
