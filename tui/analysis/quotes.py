"""Direct quotes in every common quotation style, titles in quotation marks,
reported speech, their speakers and the sources an article cites.

Direct quotes are paired quotation marks (a stack, so nesting and every
style work); what they enclose is told apart from a name or title in
quotation marks (``kind="title"``) by its shape and context. Reported speech
is a clause after a reporting verb (with "dass"/"ob", a zu-infinitive or a
Konjunktiv), an attribution phrase ("laut", "zufolge", "nach Angaben",
"wie X mitteilte", ", so X", "hieß es"), reportative "soll"/"will", or a
Konjunktiv sentence continuing the previous report. Speakers are read off
the words next to the cue (:mod:`tui.analysis.speakers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from tui.analysis.model import Entity, Quote, Span
from tui.analysis.spans import SpanIndex
from tui.analysis.speakers import CUE_VERBS, Speaker, SpeakerFinder
from tui.analysis.subjunctive import is_subjunctive
from tui.analysis.text import GERMAN_ARTICLES

# Which marks close a quote opened by a given mark. Ambiguous marks (“ closes
# „ in German but opens in English; » and « swap between German and French)
# are resolved by the stack: a mark closes the innermost open quote it can.
_CLOSERS = {
    "„": "“”\"'''",
    "“": "”",
    "»": "«",
    "«": "»",
    "‚": "‘’",
    "‘": "’",
    "‹": "›",
    "›": "‹",
    "<<": ">>",
    '"': '"',
    "''": "''",
    "``": "''",
}
_MARKS = re.compile(r"<<|>>|''|``|[„“”»«‚‘’‹›\"\n]")
_SYMMETRIC = frozenset({'"', "''"})
_MAX_QUOTE_CHARS = 3000

# Words a title in quotation marks may have in lower case.
_TITLE_FUNCTION_WORDS = GERMAN_ARTICLES | frozenset(
    {
        "und",
        "oder",
        "für",
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "im",
        "am",
        "an",
        "in",
        "auf",
        "mit",
        "aus",
        "bei",
        "über",
        "unter",
        "nach",
        "vor",
        "gegen",
        "ohne",
        "um",
        "of",
        "the",
        "and",
        "a",
        "on",
        "for",
        "to",
        "at",
        "by",
        "with",
        "from",
        "de",
        "la",
        "le",
        "les",
        "du",
        "el",
        "y",
        "e",
        "et",
        "di",
        "del",
        "da",
        "do",
        "dos",
        "van",
    }
)
# A title follows an article or a contracted preposition: des „Hamburger Abendblatts“.
_ARTICLE_BEFORE = re.compile(
    r"\b(?:der|die|das|des|dem|den|ein|eine|einer|eines|einem|im|am|vom|zum|zur|beim|ins|the)\s*$",
    re.IGNORECASE,
)
_CLAUSE_PUNCTUATION = re.compile(r"[.!?,;:…]\s*$|[.!?]\s")
_MAX_TITLE_WORDS = 8

_THAT = {
    "de": re.compile(r"(?:dass|daß|ob|wonach|wie|warum|weshalb|wer|was|wann|wo|inwiefern)\b"),
    "en": re.compile(r"(?:that|whether|if|why|how)\b"),
}
# "…, den Vertrag zu prüfen", "…, ihn anzuklagen".
_ZU_INFINITIVE = re.compile(r"\bzu\s+\w+(?:en|ern|eln)\b|\b\w+zu(?:\w{2,})en\b")
_ATTRIBUTIONS = {
    "de": re.compile(
        r"\b(?P<cue>[Ll]aut|[Nn]ach\s+(?:eigenen\s+|ersten\s+|offiziellen\s+|\w+en\s+|einem\s+|einer\s+|dem\s+|der\s+)?"
        r"(?:Angaben|Informationen|Aussagen?|Ansicht|Meinung|Auffassung|Einschätzung|Darstellung|"
        r"Berichten|Bericht|Schätzungen|Schätzung|Worten|Erkenntnissen|Ermittlungen|Polizeiangaben|"
        r"Medienberichten|Mitteilung|Erklärung|Recherchen|Umfrage|Studie|Untersuchung|Überzeugung))\b"
    ),
    "en": re.compile(r"\b(?P<cue>[Aa]ccording\s+to)\b"),
}
_HEARSAY = {
    "de": re.compile(r"\b(?P<cue>heißt\s+es|hieß\s+es|[Dd]emnach|[Dd]emzufolge)\b"),
    "en": re.compile(r"\b(?P<cue>reportedly|allegedly)\b"),
}
_AS_SAID = {
    "de": re.compile(r"^\W*(?P<wie>Wie)\b"),
    "en": re.compile(r"^\W*(?P<wie>As)\b"),
}
_SO_SPEAKER = re.compile(r",\s*(?P<cue>so)\s+(?=[A-ZÄÖÜ]|der\b|die\b|das\b|ein|er\b|sie\b)")
# Reportative modals with a perfect infinitive: "soll geflohen sein", "will nichts gewusst haben".
_REPORTATIVE = re.compile(
    r"\b(?P<cue>soll|sollen|will|wollen)\b[^,.;:]{0,120}?\b\w+(?:t|en)\s+(?:worden\s+)?(?:sein|haben)\b"
)
_SUBORDINATE_START = re.compile(
    r"\W*(?:Obwohl|Während|Weil|Wenn|Da|Als|Nachdem|Bevor|Seit|Seitdem|Falls|Sobald|Although|While|"
    r"When|Because|After|Before|Since|If)\b"
)
_WOULD = re.compile(r"\b(?:würde|würden)\b")
_FIRST_PERSON = re.compile(r"\b(?:ich|Ich|wir|Wir)\s+$")
# No verb follows an indefinite article: "eine schnelle Sanierung" is an adjective, not
# "schnellen" (the definite ones are also pronouns: "Das würde alles verzögern").
_AFTER_ARTICLE = re.compile(r"\b(?:ein|eine|einen|einem|eines)\s+$", re.IGNORECASE)
_EN_REPORTED = re.compile(
    r"^\s*(?:(?:that|whether|if)\s+|(?=\w[\w\s,'’-]{0,60}?\b(?:would|will|was|were|had|has|have|is|are|"
    r"could|should|might|can|did|does|planned|expected)\b))"
)


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    lang: str
    sentences: SpanIndex[Span]
    speakers: SpeakerFinder
    direct: SpanIndex[Quote]


def find_quotes(text: str, lang: str, sentences: Sequence[Span], entities: Sequence[Entity]) -> list[Quote]:
    """Direct quotes, titles in quotation marks and reported speech, each with
    its speaker where the text names one."""
    finder = SpeakerFinder(text, entities, lang)
    context = _Context(text, lang, SpanIndex(sentences), finder, SpanIndex(()))
    marked = [_classify(text, raw) for raw in _paired_quotes(text)]
    direct_raw = [raw for raw, kind in marked if kind == "direct"]
    titles = [
        Quote(raw[1], raw[2], text[raw[1] : raw[2]], "title") for raw, kind in marked if kind == "title"
    ]
    direct = _attribute(direct_raw, context)
    context = replace(context, direct=SpanIndex(direct))
    indirect = _reported(context)
    direct = _speakers_from_reports(direct, indirect)
    said = SpanIndex([*indirect, *direct])
    terms = [quote for quote in direct if _is_term(quote, said)]
    direct = [quote for quote in direct if not _is_term(quote, said)]
    titles += [replace(quote, kind="title", speaker=None, speaker_name=None) for quote in terms]
    return sorted(direct + indirect + titles, key=lambda quote: (quote.start, -quote.end))


def _is_term(quote: Quote, said: SpanIndex[Quote]) -> bool:
    """A few words in quotation marks that nobody is said to have said are a
    term or scare quote („große Koalition“), not a quote."""
    if quote.cue is not None or len(quote.text.split()) > _MAX_TERM_WORDS:
        return False
    if _CLAUSE_PUNCTUATION.search(quote.text):
        return False
    # Inside a quote or a report, it is what someone said.
    return not any(
        other is not quote and other.start <= quote.start and quote.end <= other.end
        for other in said.overlapping(quote.start, quote.end)
    )


_MAX_TERM_WORDS = 4


# --------------------------------------------------------------------------- quotation marks

_Raw = tuple[int, int, int, int]  # opening mark, content start, content end, end of closing mark


def _paired_quotes(text: str) -> list[_Raw]:
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
            opener = stack[depth]
            if mark in _CLOSERS[opener[0]] and (mark not in _SYMMETRIC or _can_close(text, position)):
                del stack[depth:]
                pairs.append((opener[1], opener[2], position, match.end()))
                break
        else:
            if mark in _CLOSERS and _can_open(text, match):
                stack.append((mark, position, match.end()))
    quotes = []
    for open_start, content_start, content_end, close_end in pairs:
        content = text[content_start:content_end]
        start = content_start + len(content) - len(content.lstrip())
        end = content_end - (len(content) - len(content.rstrip()))
        if end - start > _MAX_QUOTE_CHARS or not any(char.isalpha() for char in content):
            continue
        quotes.append((open_start, start, end, close_end))
    return _drop_wrappers(sorted(quotes))


def _between_letters(text: str, position: int) -> bool:
    return 0 < position < len(text) - 1 and text[position - 1].isalnum() and text[position + 1].isalpha()


def _can_open(text: str, match: re.Match[str]) -> bool:
    following = text[match.end() : match.end() + 1]
    return bool(following) and not following.isspace()


def _can_close(text: str, position: int) -> bool:
    return position > 0 and not text[position - 1].isspace()


def _drop_wrappers(quotes: list[_Raw]) -> list[_Raw]:
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


def _classify(text: str, raw: _Raw) -> tuple[_Raw, str]:
    """A quote, or a name or title in quotation marks („Tatort“, des „Hamburger Abendblatts“)?"""
    open_start, start, end, _ = raw
    content = text[start:end]
    words = content.split()
    if (
        len(words) > _MAX_TITLE_WORDS
        or _CLAUSE_PUNCTUATION.search(content)
        or text[max(0, open_start - 20) : open_start].rstrip().endswith(":")
        or not content[0].isupper()
    ):
        return raw, "direct"
    title_case = all(
        word[0].isupper() or word[0].isdigit() or word.lower() in _TITLE_FUNCTION_WORDS for word in words
    )
    if title_case or _ARTICLE_BEFORE.search(text, max(0, open_start - 12), open_start):
        return raw, "title"
    return raw, "direct"


# --------------------------------------------------------------------------- direct speakers


def _attribute(raw: list[_Raw], context: _Context) -> list[Quote]:
    quotes: list[Quote] = []
    previous: Quote | None = None
    for open_start, start, end, close_end in raw:
        found: tuple[Speaker | None, Span | None] | None = _speaker_after(context, close_end)
        speaker, cue = found or _speaker_before(context, open_start) or (None, None)
        sentence = context.sentences.at(open_start)
        if speaker is None and sentence is not None and sentence.start < open_start:
            speaker = context.speakers.subject(sentence.start, open_start)
        # A quote inside the previous one was said by someone it quotes, not
        # necessarily by its speaker: no carrying over then.
        if speaker is None and previous is not None and previous.speaker is not None and start > previous.end:
            between = context.text[previous.end : open_start]
            if "\n" not in between and len(between) < 400 and not _names_someone(context, between, previous):
                speaker = Speaker(previous.speaker, previous.speaker_name)
        if speaker is None and sentence is not None and not context.text[sentence.start : open_start].strip():
            # A quote opening its sentence, introduced by the one before: "Der Minister erklärte dies so."
            speaker = _previous_sentence_speaker(context, sentence)
        if speaker is None and sentence is not None and sentence.start < open_start:
            speaker = context.speakers.any_subject(sentence.start, open_start)
        quote = Quote(
            start,
            end,
            context.text[start:end],
            "direct",
            speaker.span if speaker else None,
            cue,
            speaker.name if speaker else None,
        )
        quotes.append(quote)
        previous = quote
    return quotes


def _names_someone(context: _Context, between: str, previous: Quote) -> bool:
    verbs = CUE_VERBS[context.lang]
    return bool(verbs.search(between)) or any(
        word in between.split() for word in ("er", "sie", "he", "she", "they")
    )


def _speaker_after(context: _Context, close_end: int) -> tuple[Speaker, Span] | None:
    """„…“, sagte Barra. / „…“ Barra said. / „…“, so die Firma. / "…," the mayor told reporters."""
    text = context.text
    window_end = _clause_end(text, close_end)
    window = text[close_end:window_end]
    cue = _any_cue(window)
    if cue is None or cue.start() > 60:
        return None
    cue_span = Span(close_end + cue.start(), close_end + cue.end(), cue.group())
    speaker = context.speakers.after(cue_span.end, window_end) or context.speakers.before(
        close_end, cue_span.start
    )
    return (speaker, cue_span) if speaker else None


def _speaker_before(context: _Context, open_start: int) -> tuple[Speaker | None, Span | None] | None:
    """Barra sagte: „…“ / Er ergänzte: „…“ / verrät Hugo Barra, dass Xiaomi „…“."""
    text = context.text
    sentence = context.sentences.at(open_start) or context.sentences.previous_before(open_start)
    sentence_start = sentence.start if sentence is not None else max(0, open_start - 300)
    window = text[sentence_start:open_start]
    cues = list(_cues(window))
    colon = window.rstrip().endswith(":")
    if not cues and not colon:
        return None
    spans = sorted(
        (Span(sentence_start + c.start(), sentence_start + c.end(), c.group()) for c in cues),
        key=lambda span: span.start,
    )
    for cue_span in reversed(spans):  # the nearest cue that names a speaker
        speaker = context.speakers.around(sentence_start, cue_span, open_start)
        if speaker is not None:
            return speaker, cue_span
    if spans:  # a cue with no speaker found still says the words were said ("… als „Schatten-CIA“")
        return None, spans[-1]
    speaker = context.speakers.before(sentence_start, sentence_start + len(window.rstrip()) - 1)
    return (speaker, None) if speaker else None


def _cues(window: str) -> Iterator[re.Match[str]]:
    for verbs in CUE_VERBS.values():  # English quotes appear in German articles
        yield from verbs.finditer(window)
    yield from _SO_SPEAKER.finditer(window)


def _any_cue(window: str) -> re.Match[str] | None:
    found = list(_cues(window))
    return min(found, key=lambda match: match.start(), default=None)


def _clause_end(text: str, start: int) -> int:
    match = re.compile(r"[.!?;\n„“”»«<>\"]").search(text, start)
    return match.start() if match else len(text)


def _speakers_from_reports(direct: list[Quote], indirect: list[Quote]) -> list[Quote]:
    """A quoted fragment inside reported speech was said by its speaker."""
    if not indirect:
        return direct
    reports = SpanIndex(indirect)
    attributed = []
    for quote in direct:
        if quote.speaker is None:
            report = reports.containing(quote.start, quote.end)
            cue = report.cue if report is not None else None
            if report is None:  # a quote right after a report carries it on
                report = reports.previous_before(quote.start)
                if report is not None and (report.end > quote.start or quote.start - report.end > 200):
                    report = None
            if report is not None and report.speaker is not None:
                attributed.append(
                    replace(quote, speaker=report.speaker, speaker_name=report.speaker_name, cue=cue)
                )
                continue
        attributed.append(quote)
    return attributed


# --------------------------------------------------------------------------- reported speech


@dataclass(frozen=True, slots=True)
class _Report:
    start: int
    end: int
    speaker: Speaker | None
    cue: Span | None
    # A Konjunktiv sentence with no cue of its own, carrying on the report before.
    continued: bool = False


def _reported(context: _Context) -> list[Quote]:
    text = context.text
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_continued = False  # the last report carried on the one before: the next extends it
    previous_sentence_end = -1
    for sentence in context.sentences:
        body = _narration(context, sentence)
        report = _report_in(context, sentence, body)
        if report is None and previous is not None and _subjunctive_in(body, continuation=True):
            adjacent = "\n" not in text[previous.end : sentence.start] and previous_sentence_end >= 0
            if adjacent and sentence.start - previous_sentence_end < 3:
                speaker = Speaker(previous.speaker, previous.speaker_name) if previous.speaker else None
                report = _Report(sentence.start, sentence.end, speaker, previous.cue, continued=True)
        elif report is None and _subjunctive_in(body, continuation=False):
            report = _framed(context, sentence, body) or _Report(sentence.start, sentence.end, None, None)
        elif report is None and context.lang == "de":
            report = _framed_that(context, sentence, body)
        if report is None:
            previous = None
            continue
        if report.speaker is None:  # "Der Täter soll geflohen sein": said by whoever spoke last
            speaker = _recent_speaker(context, quotes, sentence) or _previous_sentence_speaker(
                context, sentence
            )
            report = replace(report, speaker=speaker)
        start, end = _trim(text, report.start, report.end)
        if start >= end:
            continue
        if (
            report.continued
            and previous is not None
            and quotes
            and quotes[-1] is previous
            and previous_continued
        ):
            merged = replace(previous, end=end, text=text[previous.start : end])
            quotes[-1] = merged
            previous = merged
        else:
            quote = Quote(
                start,
                end,
                text[start:end],
                "indirect",
                report.speaker.span if report.speaker else None,
                report.cue,
                report.speaker.name if report.speaker else None,
            )
            quotes.append(quote)
            previous = quote
        previous_continued = report.continued
        previous_sentence_end = sentence.end
    return quotes


def _framed(context: _Context, sentence: Span, body: str) -> _Report | None:
    """A Konjunktiv clause after a frame with no known reporting verb, whose
    subject is the source: "Die BVG begegnet der Kritik, die Züge seien …"."""
    comma = body.find(",")
    if comma == -1 or len(body[:comma].split()) < 3 or _subjunctive_in(body[:comma], continuation=True):
        return None
    if not _subjunctive_in(body[comma:], continuation=False):
        return None
    speaker = context.speakers.subject_within(sentence.start, sentence.start + comma)
    if speaker is None:
        return None
    return _Report(sentence.start + comma + 1, sentence.end, speaker, None)


def _framed_that(context: _Context, sentence: Span, body: str) -> _Report | None:
    """A "dass" clause after a frame whose subject names a person or
    organisation: "Im ersten Satz beruft sich die Bank darauf, dass …"."""
    that = re.search(r",\s*(?=dass\b)", body)
    if that is None or len(body[: that.start()].split()) < 3:
        return None
    speaker = context.speakers.subject(sentence.start, sentence.start + that.start())
    if speaker is None:
        return None
    return _Report(sentence.start + that.end(), sentence.end, speaker, None)


def _previous_sentence_speaker(context: _Context, sentence: Span) -> Speaker | None:
    """Who the sentence before speaks of: the speaker at its last reporting
    verb, else its subject where that names someone."""
    previous = context.sentences.previous_before(sentence.start)
    if previous is None or "\n" in context.text[previous.end : sentence.start]:
        return None
    cues = list(CUE_VERBS[context.lang].finditer(context.text, previous.start, previous.end))
    if cues:
        cue = _span(context.text, 0, cues[-1])
        found = context.speakers.around(previous.start, cue, previous.end)
        if found is not None:
            return found
    return context.speakers.any_subject(previous.start, previous.end)


# About one sentence: a report further back no longer carries its speaker.
_RECENT_CHARS = 200


def _recent_speaker(context: _Context, reports: list[Quote], sentence: Span) -> Speaker | None:
    """The speaker of the closest quote or report ending shortly before ``sentence``."""
    candidates = list(context.direct.overlapping(max(0, sentence.start - _RECENT_CHARS), sentence.start))
    candidates += [q for q in reports[-1:] if q.end > sentence.start - _RECENT_CHARS]
    candidates = [q for q in candidates if q.speaker is not None and q.end <= sentence.start]
    last = max(candidates, key=lambda q: q.end, default=None)
    if last is None or last.speaker is None or "\n" in context.text[last.end : sentence.start]:
        return None
    return Speaker(last.speaker, last.speaker_name)


def _report_in(context: _Context, sentence: Span, body: str) -> _Report | None:
    """The reported speech in one sentence, or None."""
    text, lang, speakers = context.text, context.lang, context.speakers
    base = sentence.start
    verbs = CUE_VERBS[lang]
    # "Wie die Polizei mitteilte, sei …" / "As the mayor said, …"
    as_said = _AS_SAID[lang].match(body)
    if as_said:
        comma = body.find(",", as_said.end())
        verb = verbs.search(body, as_said.end(), comma) if comma != -1 else None
        if verb is None and comma != -1:  # "Wie de Maizière darlegte, …": the verb ends the clause
            verb = re.search(r"\b[a-zäöüß]\w*te\s*$", body[:comma])
        if verb is not None:
            speaker = speakers.after(base + as_said.end(), base + verb.start())
            return _Report(base + comma + 1, sentence.end, speaker, _span(text, base, verb))
    # "Laut X …", "Nach Angaben der Polizei …", "According to X, …"
    attribution = _ATTRIBUTIONS[lang].search(body)
    if attribution and attribution.start() > 2 and verbs.search(body, 0, attribution.start()):
        attribution = None  # "Ein Sprecher sagte, nach neuesten Erkenntnissen …": the verb attributes
    if attribution:
        cue = _span(text, base, attribution, "cue")
        speaker = speakers.after(cue.end, sentence.end, addressee_first=False)
        if speaker is None and attribution.start() <= 2:  # "Laut nationalem statistischen Institut lebten …"
            speaker = speakers.until_verb(cue.end, sentence.end)
        if speaker is None:
            speaker = speakers.loose(cue.end, sentence.end)
        if speaker is None and " " in cue.text and "Berufung" not in cue.text:
            # "nach eigenen Angaben", "nach Polizeiangaben": the phrase itself is the source
            source = cue.text.split(None, 1)[1]
            speaker = speakers.of_span(Span(cue.end - len(source), cue.end, source))
        if speaker is None:
            speaker = speakers.before(base, cue.start)
        if attribution.start() <= 2:
            start = speaker.span.end if speaker else cue.end
            comma = body.find(",", start - base, start - base + 3)
            return _Report(base + comma + 1 if comma != -1 else start, sentence.end, speaker, cue)
        return _Report(base, sentence.end, speaker, cue)
    # "Dem Bericht zufolge …"
    if lang == "de":
        zufolge = re.search(r"\bzufolge\b", body)
        if zufolge:
            cue = _span(text, base, zufolge)
            speaker = speakers.before(base, cue.start)
            return _Report(cue.end, sentence.end, speaker, cue)
    # "X sagte, (dass) …" / "X kündigte an, den Vertrag zu prüfen" / "X said (that) …"
    subordinate = _SUBORDINATE_START.match(body)
    for verb in verbs.finditer(body):
        clause = _clause_after(body, verb.end(), lang)
        if clause is None:
            continue
        clause_start, clause_end = clause
        clause_text = body[clause_start:clause_end]
        if subordinate and body.find(",", subordinate.end()) >= verb.start():
            # "Obwohl Barra von einer Expansion spricht, ist der Verkauf nicht zu erwarten":
            # the cue sits in a subordinate clause; the main clause after it is the narrator's.
            if not _subjunctive_in(clause_text, continuation=False):
                continue
        elif not _reports(clause_text, lang):
            continue
        cue = _span(text, base, verb)
        speaker = speakers.around(base, cue, base + clause_start)
        return _Report(base + clause_start, base + clause_end, speaker, cue)
    # "Die Lage sei ernst, sagte Merkel." / "…, so X." / "Sales will rise, Cook said."
    trailing = _trailing_cue(body, lang)
    if trailing is not None:
        comma, cue_match = trailing
        if _subjunctive_in(body[:comma], continuation=False) or lang == "en" or cue_match.group() == "so":
            cue = _span(text, base, cue_match)
            speaker = speakers.after(cue.end, sentence.end) or speakers.before(base + comma + 1, cue.start)
            return _Report(base, base + comma, speaker, cue)
    # "In der Erklärung heißt es, …" / "Demnach …"
    hearsay = _HEARSAY[lang].search(body)
    if hearsay:
        cue = _span(text, base, hearsay, "cue")
        word = cue.text.split()[0]
        if word.lower() in {"demnach", "demzufolge"}:
            start = cue.end if hearsay.start() <= 2 else base
            return _Report(start, sentence.end, speakers.of_span(cue), cue)
        origin = re.search(r"\b(?:aus|in|von|bei|im)\b", body[hearsay.end() : hearsay.end() + 6])
        # "hieß es aus dem Ministerium"; with no origin the source was named before.
        speaker = speakers.after(base + hearsay.end() + origin.end(), sentence.end) if origin else None
        if speaker is None and re.match(r"\W*(?:In|Im|Aus|Von|Bei)\b", body):  # "In der Erklärung hieß es"
            speaker = speakers.before(base, cue.start)
        comma = body.find(",", hearsay.end())
        start = base + comma + 1 if comma != -1 and comma - hearsay.end() < 60 else base
        return _Report(start, sentence.end, speaker, cue)
    # "Der Täter soll geflohen sein."
    if lang == "de":
        reportative = _REPORTATIVE.search(body)
        if reportative:
            return _Report(base, sentence.end, None, _span(text, base, reportative, "cue"))
    return None


def _clause_after(body: str, position: int, lang: str) -> tuple[int, int] | None:
    """The clause a reporting verb introduces: after the next comma (or
    directly after English "said"), up to the end of the sentence."""
    rest = body[position:]
    comma = re.match(r"[^,.;:!?]{0,80}?(?:\s(?:an|zu|fest|klar|hin|ein|hinzu|mit|bekannt|vor))?\s*,\s*", rest)
    if comma is None:
        if lang == "en" and (said := _EN_REPORTED.match(rest)):
            return position + said.end(), len(body.rstrip())
        if lang == "de":
            colon = re.match(r"[^,.;!?]{0,60}?:\s*", rest)
            if colon:
                return position + colon.end(), len(body.rstrip())
        return None
    start = position + comma.end()
    end = len(body.rstrip())
    trailing = _trailing_cue(body, lang)
    if trailing is not None and trailing[0] > start:
        end = trailing[0]
    return start, end


def _reports(clause: str, lang: str) -> bool:
    """Whether a clause after a reporting verb is what was reported."""
    if _THAT[lang].match(clause):
        return True
    if lang == "en":
        return bool(_EN_REPORTED.match(clause))
    return _subjunctive_in(clause, continuation=True) or bool(_ZU_INFINITIVE.search(clause[:200]))


def _trailing_cue(body: str, lang: str) -> tuple[int, re.Match[str]] | None:
    """The comma before a reporting verb at the end: "…, sagte Merkel." / "…, so X."."""
    verbs = CUE_VERBS[lang]
    for comma in re.finditer(r",\s*", body):
        if len(body) - comma.end() >= 120:
            continue
        cue = verbs.match(body, comma.end())
        if cue is None and lang == "en":  # "…, Tim Cook told reporters."
            words = list(_EN_WORD.finditer(body, comma.end(), min(len(body), comma.end() + 60)))[:4]
            cue = next((c for word in words if (c := verbs.match(body, word.end()))), None)
        if cue is None and _SO_SPEAKER.match(body, comma.start()):
            cue = _SO.match(body, comma.end())
        if cue is not None:
            return comma.start(), cue
    return None


_SO = re.compile(r"so\b")
_EN_WORD = re.compile(r"[\w.'’-]+\s+")


def _subjunctive_in(body: str, continuation: bool) -> bool:
    """A Konjunktiv verb (not after "ich"/"wir": "ich habe" is indicative).
    Outside a report only Konjunktiv I counts: a lone "würde" is hypothetical."""
    for match in re.finditer(r"\w+", body):
        word = match.group()
        if (
            word in _WISHES
            or not is_subjunctive(word)
            or _FIRST_PERSON.search(body, max(0, match.start() - 5), match.start())
            or _AFTER_ARTICLE.search(body, max(0, match.start() - 7), match.start())
        ):
            continue
        if continuation or not _konjunktiv_two(word):
            return True
    return False


# "möchte" is a Konjunktiv II by form but says what someone wants, not what was said.
_WISHES = frozenset({"möchte", "möchten", "möchtest", "Möchte", "Möchten"})


# Konjunktiv I forms with an umlaut in every tense.
_UMLAUTED_ONE = frozenset({"müsse", "könne", "dürfe", "möge", "Müsse", "Könne", "Dürfe"})


def _konjunktiv_two(word: str) -> bool:
    if _WOULD.fullmatch(word):
        return True
    return any(vowel in word for vowel in "äöü") and word not in _UMLAUTED_ONE


def _narration(context: _Context, sentence: Span) -> str:
    """The sentence with direct-quote content blanked out (same length, so
    offsets still hold): reported speech is looked for in the narration only."""
    body = context.text[sentence.start : sentence.end]
    for quote in context.direct.overlapping(sentence.start, sentence.end):
        left = max(quote.start, sentence.start) - sentence.start
        right = min(quote.end, sentence.end) - sentence.start
        body = body[:left] + " " * (right - left) + body[right:]
    return body


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] in " .\n,;:(":
        end -= 1
    return start, end


def _span(text: str, base: int, match: re.Match[str], group: str | int = 0) -> Span:
    start, end = base + match.start(group), base + match.end(group)
    return Span(start, end, text[start:end])


# --------------------------------------------------------------------------- sources

_SOURCE_CUES = {
    "de": re.compile(
        r"(?:\(Quelle:\s*|\blaut\s+(?:(?:einem|einer|dem|der|des)\s+\w+\s+(?:mit|von|der|des|bei|im|in)\s+)?"
        r"|\b(?:Interview|Gespräch|Bericht)\s+(?:mit|von|der|des|bei)\s+"
        r"|\bnach\s+(?:Informationen|Angaben|Berichten)\s+(?:der|des|von)\s+"
        r"|\b(?:berichtete|berichtet|meldete|meldet|schreibt|schrieb)\s+(?:die\s+|der\s+|das\s+)?)",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"(?:\((?:Source|via):\s*|\baccording to\s+(?:the\s+)?|\b(?:told|interview with|reported by)\s+"
        r"|\b(?:reported|reports)\s+(?:the\s+)?|\bon\s+(?=[A-Z]))",
        re.IGNORECASE,
    ),
}


def find_sources(text: str, lang: str, entities: Sequence[Entity]) -> list[Span]:
    """Organisations cited as a source, every mention at a cue: "(Quelle:
    Bloomberg)", "laut einem Interview mit Bloomberg", "nach Informationen des
    Spiegel", "berichtete Reuters", "according to AP". :func:`group_sources`
    lists each once with its mentions."""
    cue = _SOURCE_CUES.get(lang, _SOURCE_CUES["en"])
    # Organisations only: "laut Barra" attributes speech, "laut Bloomberg" cites.
    by_start = {entity.start: entity for entity in entities if entity.label == "ORG"}
    sources = []
    for match in cue.finditer(text):
        entity = by_start.get(match.end())
        if entity is not None:
            sources.append(Span(entity.start, entity.end, entity.text))
    return sources


def group_sources(sources: Sequence[Span]) -> list[tuple[str, list[Span]]]:
    """Each cited source once, in order of first mention, with its mentions."""
    grouped: dict[str, list[Span]] = {}
    for source in sources:
        grouped.setdefault(source.text, []).append(source)
    return list(grouped.items())
