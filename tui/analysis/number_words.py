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
from text_to_num import Token  # type: ignore[import-untyped]
from text_to_num import find_numbers as text2num_find_numbers  # type: ignore[import-untyped]

# Words, digit runs (which must break a group of number words) and single marks.
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+|\S")

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
# "eineinhalb", "zweieinhalb", "anderthalb": n and a half.
_AND_A_HALF_DE = re.compile(r"(?i)(anderthalb|(\w+?)einhalb)")


@dataclass(frozen=True, slots=True)
class WordNumber:
    """A number written in words: ``text[start:end]`` reads as ``value``."""

    start: int
    end: int
    value: Decimal
    ordinal: bool = False
    fraction: bool = False


@dataclass(frozen=True, slots=True)
class _Token(Token):
    word: str
    start: int
    end: int

    def text(self) -> str:
        return self.word

    # text2num calls these through its Protocol; the Protocol's defaults are
    # not inherited by a Rust caller, so they are spelled out.
    def nt_separated(self, previous: Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def find_number_words(text: str, lang: str) -> list[WordNumber]:
    """Every number written in words in ``text`` (``lang`` "de" or "en")."""
    if lang not in _SCALE_WORDS:
        return []
    tokens = [
        _Token("|" if match[0].isdigit() else match[0], match.start(), match.end())
        for match in _TOKEN.finditer(text)
    ]
    found: list[WordNumber] = []
    taken = 0  # tokens before this index belong to an earlier number
    for occurrence in text2num_find_numbers(tokens, lang, 0.0):
        first, last = occurrence.start, occurrence.end
        if first < taken:
            continue
        read = _read(tokens, first, last, Decimal(str(occurrence.value)), occurrence.is_ordinal, lang)
        if read is not None:
            found.append(read[0])
            taken = read[1]
    found.extend(_halves_de(tokens) if lang == "de" else ())
    found.sort(key=lambda number: number.start)
    return _without_overlaps(found)


def vulgar_fraction(character: str) -> Fraction | None:
    """``¾`` → 3/4, via the Unicode database; None for any other character."""
    if unicodedata.category(character) != "No" or not unicodedata.name(character, "").startswith("VULGAR"):
        return None
    return Fraction(unicodedata.numeric(character)).limit_denominator(1000)


def _read(
    tokens: list[_Token], first: int, last: int, value: Decimal, ordinal: bool, lang: str
) -> tuple[WordNumber, int] | None:
    """The number made of ``tokens[first:last]``, corrected, and the index after it."""
    words = [token.word.lower() for token in tokens[first:last]]
    before = tokens[first - 1].word.lower() if first > 0 else ""
    scales = _SCALE_WORDS[lang]
    if ordinal:
        fraction = (
            _fraction_after_numerator(tokens, first - 1, lang) if words[-1] in _FRACTION_NOUNS[lang] else None
        )
        if fraction is not None:
            return fraction
        if len(words) == 1 and (_FIRST.fullmatch(words[0]) or words[0].endswith("s")):
            return None  # "first", or "thirds" with no numerator
        return WordNumber(tokens[first].start, tokens[last - 1].end, value, ordinal=True), last
    if words[0] in scales:
        # A scale word with no number word before it: "eine halbe Million",
        # "eine Million", "a million"; a bare plural is vague.
        half = before in {"halbe", "halben", "half"}
        article_at = first - 2 if half else first - 1
        article = tokens[article_at].word.lower() if article_at >= 0 else ""
        if article in _ARTICLES[lang] | {"one"}:
            if half and lang == "en":
                return None  # "a half million" is rare; "half a million" is read below
            if lang == "en" and article_at >= 1 and tokens[article_at - 1].word.lower() == "half":
                half, article_at = True, article_at - 1  # "half a million"
            scale = Decimal("0.5") if half else Decimal(1)
            return WordNumber(tokens[article_at].start, tokens[last - 1].end, value * scale), last
        if len(words) == 1 and words[0] in _VAGUE_PLURALS:
            return None
        if words[0] not in {"hundert", "tausend", "hundred", "thousand"} and len(words) == 1:
            return None  # "Million" alone, with no article, is not a figure
    fraction = _fraction_after(tokens, first, last, value, lang)
    if fraction is not None:
        return fraction
    if len(words) == 1:
        if words[0] in _ARTICLES[lang]:
            return None
        if lang == "en" and words[0] == "one" and before in _EN_PRONOUN_ONE:
            return None
    if lang == "en" and _and_a_half_after(tokens, last):
        scale_at = last + 3
        value += Decimal("0.5")
        if scale_at < len(tokens) and tokens[scale_at].word.lower() in scales:
            value *= scales[tokens[scale_at].word.lower()]
            return WordNumber(tokens[first].start, tokens[scale_at].end, value), scale_at + 1
        return WordNumber(tokens[first].start, tokens[last + 2].end, value), last + 3
    return WordNumber(tokens[first].start, tokens[last - 1].end, value), last


def _fraction_after(
    tokens: list[_Token], first: int, last: int, numerator: Decimal, lang: str
) -> tuple[WordNumber, int] | None:
    """``drei Viertel``, ``ein Fünftel``, ``two thirds``: a number word then a fraction noun."""
    if last >= len(tokens):
        return None
    noun = tokens[last].word.lower()
    denominator = _FRACTION_NOUNS[lang].get(noun)
    if denominator is None or numerator == 0:
        return None
    if lang == "en" and noun.endswith("s") == (numerator == 1) and noun != "half":
        return None  # "one thirds", "two third": not a fraction
    value = Decimal(numerator) / Decimal(denominator)
    return WordNumber(tokens[first].start, tokens[last].end, _rounded(value), fraction=True), last + 1


def _fraction_after_numerator(tokens: list[_Token], at: int, lang: str) -> tuple[WordNumber, int] | None:
    """``a third of``/``one fifth``: text2num read the fraction noun as an ordinal."""
    if at < 0:
        return None
    numerator = tokens[at].word.lower()
    if numerator in {"a", "an", "one"}:
        noun_at = at + 1
        if noun_at + 1 >= len(tokens) or tokens[noun_at + 1].word.lower() != "of":
            return None  # "a third party", "a fifth term" are ordinals
        value = Decimal(1) / Decimal(_FRACTION_NOUNS[lang][tokens[noun_at].word.lower()])
        return WordNumber(tokens[at].start, tokens[noun_at].end, _rounded(value), fraction=True), noun_at + 1
    return None


def _and_a_half_after(tokens: list[_Token], last: int) -> bool:
    """``one and a half (million)``."""
    following = [token.word.lower() for token in tokens[last : last + 3]]
    return following == ["and", "a", "half"]


def _halves_de(tokens: list[_Token]) -> list[WordNumber]:
    """``eineinhalb``, ``zweieinhalb``, ``anderthalb`` (Millionen), which text2num does not read."""
    found = []
    for index, token in enumerate(tokens):
        match = _AND_A_HALF_DE.fullmatch(token.word)
        if match is None:
            continue
        whole = 1 if match[2] is None else _small_number_de(match[2])
        if whole is None:
            continue
        value = Decimal(whole) + Decimal("0.5")
        end = token.end
        following = tokens[index + 1].word.lower() if index + 1 < len(tokens) else ""
        if following in _SCALE_WORDS["de"]:
            value *= _SCALE_WORDS["de"][following]
            end = tokens[index + 1].end
        found.append(WordNumber(token.start, end, value))
    return found


def _small_number_de(word: str) -> int | None:
    from text_to_num import text2num  # type: ignore[import-untyped]

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
