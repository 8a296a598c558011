"""The domain terms of an article: words far more frequent here than in
general use ("Netzentgelt", "Patente", "Smartphonemarkt").

General use is wordfreq's frequency list for the article's language (and,
for German, English where German has no figure); a word's rarity is how far
its Zipf frequency falls below that of everyday words, weighed by how often
the article uses it, also inside compounds ("Patent" in "Patentklagen"). Inflected forms count together ("Patent",
"Patente"), compounds are words of their own (German writes them as one),
and a hyphenated compound is as rare as its parts together.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache

from tui.analysis.bundled import word_frequency_buckets
from tui.analysis.english_words import may_be_noun
from tui.analysis.model import GlossaryEntry, Span
from tui.analysis.spans import SpanIndex

_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")
# Zipf frequency of everyday words ("Haus" 5.4, "der" 7.5): a word this
# frequent or more is no key term at all.
_EVERYDAY_ZIPF = 6.0
_MIN_RARITY = 1.5
# Below this, rarer is no more telling: a word unknown to the list is more
# often a new compound than a more important one.
_RARE_ZIPF = 1.5
# A compound counts as a use of a word it starts or ends with, if that
# word is at least this long ("Patent" in "Patentklagen").
_MIN_COMPOUND_PART = 5
_MIN_LENGTH = 4
# Endings of German inflection, longest first: "Patenten" → "Patent".
_ENDINGS = {"de": ("ern", "en", "er", "es", "e", "n", "s"), "en": ("es", "s")}
_STEM_ENDINGS = {"de": ("en", "es", "e", "s"), "en": ("es", "s")}
# The "large" lists go down to Zipf 1; the "small" ones, ten times faster to
# load, stop at 3 and so cannot tell "Netzentgelte" (2.4) from a word never seen.
_WORDLIST = "large"
_FREQUENCY_LANGUAGES = {"de": ("de", "en"), "en": ("en",)}
_DEFINITIONS = {
    "de": (
        r"(?:sogenannte[nmrs]?|so genannte[nmrs]?)\s+{term}",
        (
            r"^(?:(?:Der|Die|Das|Ein|Eine|Als)\s+)?{term}\s+"
            r"(?:ist|sind|bezeichnet|bedeutet|bedeuten|meint|heißt|heißen|nennt man)\b"
        ),
        r"\b[Uu]nter\s+(?:\w+\s+)?{term}\s+versteh",
        r"\bals\s+{term}\s+(?:bezeichnet|gilt|gelten|versteht)",
        r"{term}\s*(?:,\s*(?:also|das heißt|d\.\s?h\.)|\s*\((?=[^)]*\s))",
    ),
    "en": (
        r"so-called\s+{term}",
        r"^(?:The|A|An)?\s*{term}\s+(?:is|are|refers to|means)\b",
        r"{term},\s*(?:i\.\s?e\.|that is|which is)",
    ),
}


class _FrequencyList:
    """One language's wordfreq list, asked for the words of an article.

    Turning the whole list into a dict (600,000 German words) takes longer
    than the glossary of a 10,000-word article, and a reader's process
    analyses one article or a few; so the first articles' words are looked
    up by a pass over the list's frequency buckets, and only a process that
    keeps asking (a batch of paragraphs) builds the dict once."""

    _PASSES_BEFORE_TABLE = 8

    def __init__(self, lang: str) -> None:
        self._lang = lang
        self._buckets: list[list[str]] | None = None
        self._known: dict[str, float] = {}
        self._passes = 0
        self._complete = False

    def frequencies(self, words: set[str]) -> dict[str, float]:
        """Each word's frequency (0.0 for a word the list lacks)."""
        unknown = words if self._complete else words - self._known.keys()
        if unknown and not self._complete:
            self._passes += 1
            if self._passes > self._PASSES_BEFORE_TABLE:
                self._known = self._table()
                self._complete = True
            else:
                self._known.update(dict.fromkeys(unknown, 0.0))
                for index, bucket in enumerate(self._read()):
                    for word in unknown.intersection(bucket):
                        self._known[word] = _bucket_frequency(index)
        return {word: self._known.get(word, 0.0) for word in words}

    def _table(self) -> dict[str, float]:
        return {
            word: _bucket_frequency(index) for index, bucket in enumerate(self._read()) for word in bucket
        }

    def _read(self) -> list[list[str]]:
        if self._buckets is None:
            self._buckets = _read_wordlist(self._lang)
        return self._buckets


def _read_wordlist(lang: str) -> list[list[str]]:
    """wordfreq's list for ``lang``: its words in frequency buckets, read
    from its data file where it is (see :func:`~tui.analysis.bundled.word_frequency_buckets`),
    else through wordfreq itself."""
    buckets = word_frequency_buckets(lang, _WORDLIST)
    if buckets is not None:
        return buckets
    from wordfreq import get_frequency_list

    try:
        return get_frequency_list(lang, wordlist=_WORDLIST)
    except LookupError:
        return []


def _bucket_frequency(index: int) -> float:
    # Bucket i holds the words of frequency 10^(-i/100) (wordfreq's centibels).
    return float(10 ** (-index / 100))


@cache
def _frequency_list(lang: str) -> _FrequencyList:
    return _FrequencyList(lang)


def zipf_frequency(word: str, lang: str) -> float:
    """The word's Zipf frequency (log10 per billion words; 0 for unknown
    words) in the article's language, or where that has none, in the next
    language its readers know ("Smartphone" in a German article)."""
    return zipf_frequencies({word}, lang)[word]


def zipf_frequencies(words: set[str], lang: str) -> dict[str, float]:
    """:func:`zipf_frequency` of each of ``words``, in one look-up per language."""
    zipfs = dict.fromkeys(words, 0.0)
    missing = set(words)
    for language in _FREQUENCY_LANGUAGES.get(lang, (lang,)):
        parts = {word: word.casefold().split("-") for word in missing}
        found = _frequency_list(language).frequencies({part for split in parts.values() for part in split})
        for word, split in parts.items():
            if zipf := _zipf([found[part] for part in split]):
                zipfs[word] = zipf
        missing = {word for word in missing if not zipfs[word]}
    return zipfs


def _zipf(frequencies: Sequence[float]) -> float:
    # wordfreq adds the reciprocals of the parts' frequencies for a phrase.
    if not frequencies or 0.0 in frequencies:
        return 0.0
    return max(0.0, math.log10(1 / sum(1 / frequency for frequency in frequencies)) + 9)


def find_key_terms(
    text: str,
    lang: str,
    sentences: Sequence[Span],
    exclude: Sequence[Span] = (),
    limit: int = 10,
) -> list[GlossaryEntry]:
    """The ``limit`` highest-scoring terms, best first; ``exclude`` holds the
    spans of names and abbreviations, which are not terms."""
    taken = SpanIndex(exclude)
    mentions: dict[str, list[Span]] = defaultdict(list)
    for match in _WORD.finditer(text):
        word = match.group()
        if not _is_candidate(word, lang) or taken.overlapping(match.start(), match.end()):
            continue
        mentions[word if lang == "de" else word.lower()].append(Span(match.start(), match.end(), word))
    groups = _inflection_groups(mentions, lang)
    in_compounds = _CompoundCounter({form: len(spans) for form, spans in mentions.items()})
    named = []
    for forms in groups:
        spans = sorted((span for form in forms for span in mentions[form]), key=lambda span: span.start)
        counts = Counter(span.text for span in spans)
        named.append((min(counts, key=lambda form: (-counts[form], len(form))), spans, forms))
    zipfs = zipf_frequencies({name for name, _spans, _forms in named}, lang)
    scored = []
    for name, spans, forms in named:
        rarity = _EVERYDAY_ZIPF - max(zipfs[name], _RARE_ZIPF)
        if rarity < _MIN_RARITY or (lang == "en" and not _may_be_english_term(text, spans)):
            continue
        uses = len(spans) + in_compounds.uses(_stem(min(forms, key=len), lang), exclude=forms)
        score = round(rarity * (1 + math.log2(uses)), 2)
        scored.append((score, spans, name, forms))
    scored.sort(key=lambda item: (-item[0], item[1][0].start))
    return [
        GlossaryEntry(
            name,
            "TERM",
            tuple(spans),
            aliases=tuple(dict.fromkeys(span.text for span in spans)),
            descriptions=_defining_sentences(text, lang, sentences, forms),
            kind="term",
            score=score,
        )
        for score, spans, name, forms in scored[:limit]
    ]


def _is_candidate(word: str, lang: str) -> bool:
    if len(word) < _MIN_LENGTH or word.isupper():
        return False
    # German nouns, and so German terms, are capitalised.
    return word[0].isupper() if lang == "de" else True


def _may_be_english_term(text: str, spans: Sequence[Span]) -> bool:
    """With no tagger in the English pipeline and no capitals to tell nouns,
    "approve", "badly" or "welcomed" looked like terms: a term is a noun. A word
    capitalised inside sentences is a name the model missed ("Leeds"), not a term."""
    capitalised = all(span.text[0].isupper() for span in spans)
    if capitalised and not all(_starts_sentence(text, span.start) for span in spans):
        return False
    return may_be_noun(min((span.text for span in spans), key=len))


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:\n"


def _stem(word: str, lang: str) -> str:
    """The word without a plural or case ending, as it starts a compound
    ("Patente" → "Patent" in "Patentklagen")."""
    for ending in _STEM_ENDINGS.get(lang, ()):
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_COMPOUND_PART:
            return word[: -len(ending)]
    return word


class _CompoundCounter:
    """How often words occur as the first or last part of other words."""

    def __init__(self, counts: dict[str, int]) -> None:
        self._counts = {form.lower(): count for form, count in counts.items()}
        self._forward = sorted(self._counts)
        self._backward = sorted(form[::-1] for form in self._counts)

    def uses(self, word: str, exclude: Sequence[str]) -> int:
        word = word.lower()
        if len(word) < _MIN_COMPOUND_PART:
            return 0
        excluded = {form.lower() for form in exclude}
        compounds = set(_with_prefix(self._forward, word))
        compounds.update(form[::-1] for form in _with_prefix(self._backward, word[::-1]))
        return sum(self._counts[form] for form in compounds - excluded)


def _with_prefix(ordered: list[str], prefix: str) -> list[str]:
    start = bisect_left(ordered, prefix)
    end = bisect_left(ordered, prefix + "\U0010ffff")
    return ordered[start:end]


def _inflection_groups(mentions: dict[str, list[Span]], lang: str) -> list[list[str]]:
    """Forms grouped under the shortest one they inflect ("Patente", "Patenten" → "Patent")."""
    root: dict[str, str] = {}
    for form in sorted(mentions, key=len):
        base = next(
            (
                form[: -len(ending)]
                for ending in _ENDINGS.get(lang, ())
                if form.endswith(ending) and form[: -len(ending)] in mentions
            ),
            None,
        )
        root[form] = root[base] if base is not None else form
    groups: dict[str, list[str]] = defaultdict(list)
    for form, base in root.items():
        groups[base].append(form)
    return list(groups.values())


def _defining_sentences(
    text: str, lang: str, sentences: Sequence[Span], forms: Sequence[str]
) -> tuple[Span, ...]:
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    term = rf"(?<![\w-])(?:{alternatives})(?![\w-])"
    patterns = [re.compile(pattern.format(term=term)) for pattern in _DEFINITIONS.get(lang, ())]
    for sentence in sentences:
        if not any(form in sentence.text for form in forms):
            continue
        body = sentence.text.lstrip('„“"»« ')
        if any(pattern.search(body) for pattern in patterns):
            return (sentence,)
    return ()
