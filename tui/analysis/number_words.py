"""Numbers written as words, in German and English, with their offsets.

text2num (allo-media, a Rust engine) reads the number words; this module
feeds it tokens with their positions and fixes what it gets wrong in news
text: it reads ``eine halbe Million`` as a bare ``Million``, ``two thirds``
as ``two`` and an ordinal ``3rds``, the article ``ein`` as 1 and a bare
``Millionen`` ("millions of") as exactly one million.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

# text2num ships no type information.
from text_to_num import find_numbers as text2num_find_numbers  # type: ignore[import-untyped]
from text_to_num import text2num

from tui.analysis.text import GERMAN_ARTICLES, GERMAN_POSSESSIVES

_SCALE_WORDS = {
    "de": {
        "hundert": 100,
        "tausend": 10**3,
        "million": 10**6,
        "millionen": 10**6,
        "milliarde": 10**9,
        "milliarden": 10**9,
        "billion": 10**12,
        "billionen": 10**12,
    },
    "en": {
        "hundred": 100,
        "hundreds": 100,
        "thousand": 10**3,
        "thousands": 10**3,
        "million": 10**6,
        "millions": 10**6,
        "billion": 10**9,
        "billions": 10**9,
        "trillion": 10**12,
        "trillions": 10**12,
    },
}
# A plural scale word alone is vague ("Millionen Menschen", "hundreds of"), not a figure.
_VAGUE_PLURALS = frozenset(
    ["millionen", "milliarden", "billionen", "hundreds", "thousands", "millions", "billions", "trillions"]
)
_ARTICLES = {
    "de": frozenset(["ein", "eine", "einen", "einem", "einer", "eines"]),
    "en": frozenset(["a", "an"]),
}
# "one" after these is a pronoun ("no one", "the one who"), not a count.
_EN_PRONOUN_ONE = frozenset(["no", "the", "any", "every", "each", "this", "that", "which", "someone"])
# Ordinals that are also verbs ("achten" to respect); read as ordinals only after a determiner.
_VERB_LIKE_ORDINALS = frozenset(["achte", "achten"])
_DETERMINERS = (
    GERMAN_ARTICLES
    | GERMAN_POSSESSIVES
    | frozenset(
        {
            "im",
            "am",
            "zum",
            "zur",
            "vom",
            "beim",
            "jede",
            "jeden",
            "jedem",
            "jeder",
            "unser",
            "unsere",
            "unserem",
            "unseren",
        }
    )
)
# "erste"/"first" is mostly "earliest" ("die erste Reaktion", "at first"), not a rank worth listing.
_FIRST = re.compile(r"(?i)erst(?:e[nmrs]?)?|first")

_FRACTION_NOUNS = {
    "de": {
        "hälfte": 2,
        "drittel": 3,
        "viertel": 4,
        "fünftel": 5,
        "sechstel": 6,
        "siebtel": 7,
        "achtel": 8,
        "neuntel": 9,
        "zehntel": 10,
        "zwanzigstel": 20,
        "hundertstel": 100,
        "tausendstel": 1000,
    },
    "en": {
        "half": 2,
        "halves": 2,
        "third": 3,
        "thirds": 3,
        "quarter": 4,
        "quarters": 4,
        "fourth": 4,
        "fourths": 4,
        "fifth": 5,
        "fifths": 5,
        "sixth": 6,
        "sixths": 6,
        "seventh": 7,
        "sevenths": 7,
        "eighth": 8,
        "eighths": 8,
        "ninth": 9,
        "ninths": 9,
        "tenth": 10,
        "tenths": 10,
        "hundredth": 100,
        "hundredths": 100,
    },
}
# Scale words that make a figure on their own: "hundert Gäste", "tausend Dank".
_PLAIN_SCALES = frozenset(["hundert", "tausend", "hundred", "thousand"])
_AND_A_HALF_EN = re.compile(r"(?i)\s+and a half\b(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?")
# "eineinhalb", "zweieinhalb", "anderthalb": n and a half.
_AND_A_HALF_DE = re.compile(r"(?i)(anderthalb|(\w+?)einhalb)")


# Stems of number words and the connectors inside a number; searched in the
# lower-cased text, a filter that may let too much through, never too little.
_STEMS = {
    "de": re.compile(
        r"null|ein|zwei|zwo|drei|vier|fünf|sechs|sieb|acht|neun|zehn|elf|zwölf|zig|ßig|hundert|tausend|"
        r"illion|illiard|erst|zweit|dritt|halb|\bund\b|\bkomma\b|\bpunkt\b"
    ),
    "en": re.compile(
        r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twent|thirt|fort|fift|"
        r"sixt|ninet|hundred|thousand|illion|first|second|third|half|halves|quarter|\band\b|\bpoint\b"
    ),
}
# A word made only of number morphemes, read or not ("einhunderteinstausend").
_NUMBER_WORD = {
    "de": re.compile(
        r"(?:ein|eins|zwei|drei|vier|fünf|sechs|sieben|sieb|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|"
        r"fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend|und|s)+"
    ),
    "en": re.compile(
        r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
        r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
        r"thousand|-)+"
    ),
}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]+$")
_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+(?:-[^\W\d_]+)*)")


@dataclass(frozen=True, slots=True)
class WordNumber:
    """A number written in words: ``text[start:end]`` reads as ``value``
    (None: number words text2num could read only in part)."""

    start: int
    end: int
    value: Decimal | None
    ordinal: bool = False
    fraction: bool = False


@dataclass(frozen=True, slots=True)
class _Token:
    """A token as text2num's ``Token`` protocol reads it (all three methods: the
    Rust caller does not fall back on the protocol's defaults)."""

    word: str
    start: int
    end: int

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: _Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def find_number_words(text: str, lang: str) -> list[WordNumber]:
    """Every number written in words in ``text`` (``lang`` "de" or "en")."""
    if lang not in _SCALE_WORDS:
        return []
    tokens = _candidate_tokens(text, lang)
    found: list[WordNumber] = []
    taken = 0  # text before this offset belongs to an earlier number
    occurrences = text2num_find_numbers(tokens, lang, 0.0)
    starts = {occurrence.start for occurrence in occurrences}
    for occurrence in occurrences:
        first, last = tokens[occurrence.start], tokens[occurrence.end - 1]
        if first.start < taken:
            continue
        words = [token.word.lower() for token in tokens[occurrence.start : occurrence.end]]
        number = _read(
            text, first.start, last.end, words, Decimal(str(occurrence.value)), occurrence.is_ordinal, lang
        )
        rest = tokens[occurrence.end] if occurrence.end < len(tokens) else None
        if (
            number is not None
            and number.end == last.end
            and rest is not None
            and occurrence.end not in starts
            and rest.word.lower() not in {"und", "and", "s"}
            and _NUMBER_WORD[lang].fullmatch(rest.word.lower())
        ):
            # "vier Millionen einhunderteinstausend": text2num stopped inside the number;
            # the first part alone would be a wrong value.
            number = WordNumber(number.start, rest.end, None)
        if number is not None:
            found.append(number)
            taken = number.end
    if lang == "de":
        found.extend(_halves_de(text, tokens))
    found.sort(key=lambda number: number.start)
    return _without_overlaps(found)


def vulgar_fraction(character: str) -> Fraction | None:
    """``¾`` → 3/4, via the Unicode database; None for any other character."""
    if unicodedata.category(character) != "No" or not unicodedata.name(character, "").startswith("VULGAR"):
        return None
    return Fraction(unicodedata.numeric(character)).limit_denominator(1000)


def _candidate_tokens(text: str, lang: str) -> list[_Token]:
    """The words with a number stem; whatever stands between two of them becomes
    one separator token, so a long article costs few token objects."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): offsets would shift
        lowered = "".join(character.lower()[0] for character in text)
    tokens: list[_Token] = []
    end = 0
    for stem in _STEMS[lang].finditer(lowered):
        if stem.start() < end:
            continue
        start = _word_start(text, stem.start())
        word = _WORD.match(text, start)
        if word is None:
            continue
        if tokens and text[end:start].strip():
            tokens.append(_Token("|", end, start))
        tokens.append(_Token(word[0], start, word.end()))
        end = word.end()
    return tokens


def _word_start(text: str, position: int) -> int:
    while position > 0 and (text[position - 1].isalpha() or text[position - 1] == "-"):
        position -= 1
    return position


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word just before ``start`` (lower case) and where it starts; ("", start) if none."""
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return (match[1].lower(), match.start(1)) if match else ("", start)


def _word_after(text: str, end: int) -> tuple[str, int]:
    """The word just after ``end`` (lower case) and where it ends; ("", end) if none."""
    match = _WORD_AFTER.match(text, end)
    return (match[1].lower(), match.end(1)) if match else ("", end)


def _read(
    text: str, start: int, end: int, words: list[str], value: Decimal, ordinal: bool, lang: str
) -> WordNumber | None:
    """The number text2num found in ``text[start:end]``, corrected."""
    before, before_start = _word_before(text, start)
    if ordinal:
        if words[-1] in _FRACTION_NOUNS[lang] and before in {"a", "an", "one"}:
            fraction = _fraction_of(text, before_start, end, words[-1], lang)
            if fraction is not None:
                return fraction
        if len(words) == 1 and (_FIRST.fullmatch(words[0]) or words[0].endswith("s")):
            return None  # "first", or "thirds" with no numerator
        if words == [text[start:end]] and words[0] in _VERB_LIKE_ORDINALS and before not in _DETERMINERS:
            return None  # "sie zu achten": the verb, not the eighth
        return WordNumber(start, end, value, ordinal=True)
    scales = _SCALE_WORDS[lang]
    if words[0] in scales:
        # A scale word with no number word before it: "eine halbe Million",
        # "eine Million", "a million", "half a million"; a bare plural is vague.
        article, article_start = before, before_start
        half = before in {"halbe", "halben"}
        if half:
            article, article_start = _word_before(text, before_start)
        if article in _ARTICLES[lang] | {"one"}:
            if lang == "en":
                previous, previous_start = _word_before(text, article_start)
                if previous == "half":
                    half, article_start = True, previous_start
            return WordNumber(article_start, end, value * (Decimal("0.5") if half else Decimal(1)))
        if len(words) == 1 and (words[0] in _VAGUE_PLURALS or words[0] not in _PLAIN_SCALES):
            return None  # "Millionen Menschen"; "Million" with no article is not a figure either
    following, following_end = _word_after(text, end)
    if following in _FRACTION_NOUNS[lang]:
        return _fraction(start, following_end, value, following, lang)
    if len(words) == 1:
        if words[0] in _ARTICLES[lang]:
            return None
        if lang == "en" and words[0] == "one" and before in _EN_PRONOUN_ONE:
            return None
    if lang == "en" and (half_match := _AND_A_HALF_EN.match(text, end)):
        value += Decimal("0.5")
        if half_match["scale"]:
            value *= scales[half_match["scale"].lower()]
        return WordNumber(start, half_match.end(), value)
    return WordNumber(start, end, value)


def _fraction(start: int, end: int, numerator: Decimal, noun: str, lang: str) -> WordNumber | None:
    """``drei Viertel``, ``ein Fünftel``, ``two thirds``: a number word then a fraction noun."""
    if numerator == 0:
        return None
    if lang == "en" and noun.endswith("s") == (numerator == 1) and noun != "half":
        return None  # "one thirds", "two third": not a fraction
    value = Decimal(numerator) / Decimal(_FRACTION_NOUNS[lang][noun])
    return WordNumber(start, end, _rounded(value), fraction=True)


def _fraction_of(text: str, start: int, end: int, noun: str, lang: str) -> WordNumber | None:
    """``a third of``, ``one fifth of``: text2num read the noun as an ordinal; ``a third party`` is one."""
    if _word_after(text, end)[0] != "of":
        return None
    value = Decimal(1) / Decimal(_FRACTION_NOUNS[lang][noun])
    return WordNumber(start, end, _rounded(value), fraction=True)


def _halves_de(text: str, tokens: list[_Token]) -> list[WordNumber]:
    """``eineinhalb``, ``zweieinhalb``, ``anderthalb`` (Millionen), which text2num does not read."""
    found = []
    for token in tokens:
        match = _AND_A_HALF_DE.fullmatch(token.word)
        if match is None:
            continue
        whole = 1 if match[2] is None else _small_number_de(match[2])
        if whole is None:
            continue
        value = Decimal(whole) + Decimal("0.5")
        end = token.end
        following, following_end = _word_after(text, end)
        if following in _SCALE_WORDS["de"]:
            value *= _SCALE_WORDS["de"][following]
            end = following_end
        found.append(WordNumber(token.start, end, value))
    return found


def _small_number_de(word: str) -> int | None:
    if word.lower() == "ein":
        return 1
    try:
        return int(text2num(word.lower(), "de"))
    except ValueError:
        return None


def _without_overlaps(numbers: list[WordNumber]) -> list[WordNumber]:
    kept: list[WordNumber] = []
    for number in numbers:
        if kept and number.start < kept[-1].end:
            if number.end - number.start > kept[-1].end - kept[-1].start:
                kept[-1] = number
            continue
        kept.append(number)
    return kept


def _rounded(value: Decimal) -> Decimal:
    # 2/3 to the precision a float keeps anyway, so the JSON value is stable.
    return value.quantize(Decimal("1e-12")).normalize()
