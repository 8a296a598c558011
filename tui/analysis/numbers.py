"""Figures in the text: value, sign, unit, kind, hedge, ranges, dates and times.

Digits are parsed with Babel for the article's locale (``1.500`` is 1500 in
German, ``384,122`` is 384122 in English, ``1'000`` in Swiss German) in strict
mode, so a form that is malformed for the locale gets no value instead of a
wrong one. Number words come from :mod:`tui.analysis.number_words`. A form
whose reading depends on a convention the text does not settle (``1,500`` in
German) gets ``value`` None unless the context proves one reading.

The work is done in passes over the text: spans that are never figures
(phone numbers, ISBNs, versions, names such as ``Apollo 13``) and dates,
times and scores are taken first; then every remaining number in digits or
words is read with what surrounds it; last, ``5 bis 7`` is joined into one
range.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from functools import cache

from babel.dates import get_month_names
from babel.numbers import NumberFormatError, parse_decimal

from tui.analysis.gazetteer import currency_codes, place_names
from tui.analysis.model import Number, NumberChange, NumberKind, NumberQualifier
from tui.analysis.number_words import find_number_words, vulgar_fraction

# Babel writes Swiss millions as "1000000'000": an apostrophe group may follow any run of digits.
# A plain space groups too ("80 000 Arbeitsplätze"), but only as the one separator of the number.
_GROUPED = (
    r"\d+(?:['’]\d{3})+(?:[.,]\d+)?|\d{1,3}(?:[.,\u202f\u00a0]\d{3})+(?:[.,]\d+)?"
    r"|\d{1,3}(?: \d{3})+(?![\d.,]\d)"
)
_DIGITS = re.compile(
    # Not inside a word or a label ("G20", "F-35", "COVID-19") nor after a decimal mark.
    rf"(?<![\w.,'’/])(?<![^\W\d_]-)(?P<digits>{_GROUPED}|\d+(?:[.,]\d+)?)"
    r"(?P<ordinal>\.(?=[ \u00a0]+\w)|st\b|nd\b|rd\b|th\b)?"
)
_VULGAR = re.compile(r"(?<![\w.,])(?P<whole>\d+)?(?P<fraction>[\u00bc-\u00be\u2150-\u215e])")
_SLASH_FRACTION = re.compile(r"(?<![\w./])(?P<numerator>\d{1,2})/(?P<denominator>\d{1,3})(?![\w/])")

# --- spans that are never figures -------------------------------------------------
_NOT_FIGURES = [
    # Phone numbers: an international prefix, or an area code then a block.
    re.compile(r"(?<![\w.,])(?:\+|00)\d{1,3}[\s/-]?(?:\(0\)\s?)?\d[\d /-]{5,}\d"),
    re.compile(r"(?<![\w.,])0\d{2,5}[ /-]\d{3,}(?:[ -]\d{2,})*(?![\d,.]\d)"),
    re.compile(r"\b(?:[Tt]el|[Tt]elefon|Fax|[Pp]hone)\.?:?\s*[\d+(][\d ()/+-]{5,}\d"),
    re.compile(r"(?<![\w.-])(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}(?![\w-])"),
    # Addresses on the web, and "24/7".
    re.compile(r"\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+"),
    re.compile(r"\b24/7\b"),
    # ISBNs, with or without the label.
    re.compile(r"\bISBN(?:-1[03])?:?\s*[\dX][\d -]{8,16}[\dX]\b"),
    re.compile(r"(?<![\w-])97[89]-\d{1,5}-\d{1,7}-\d{1,7}-[\dX]\b"),
    # Versions: "Version 2.3", "v1.2", "iOS 17.4", "3.2.1".
    re.compile(r"\b(?:[Vv]ersion|[Rr]elease|[Uu]pdate|v)\s?\d+(?:\.\d+)+\b"),
    re.compile(r"\bv\d+\b"),
    re.compile(
        r"(?<![\w.])(?!\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\w.]\d))(?!\d{1,3}(?:\.\d{3})+(?![\w.]\d))\d+\.\d+\.\d+(?:\.\d+)*(?![\w.]\d)"
    ),
    # Club names: "1. FC Nürnberg", "1. FSV Mainz 05".
    re.compile(
        r"\b\d{1,2}\.\s?(?:FC|FSV|SC|SV|TSV|VfB|VfL|FFC|BV|SSV|SpVgg|KSC|CfR|HSV)\b[\w .-]*?(?:\s\d{2}\b)?"
    ),
    # Products, missions, vehicles and events named with a number.
    re.compile(
        r"\b(?:Apollo|Artemis|Gemini|Sojus|Soyuz|Voyager|Pioneer|Falcon|Ariane|Sentinel|Windows|iPhone|"
        r"Galaxy|Pixel|Android|iOS|macOS|Boeing|Airbus|PlayStation|Xbox|Formel|Formula|Industrie|Web|"
        r"Mission|Flug|Flight|Linie|Bundesstraße|Route|Interstate|Euro|Expo|Olympia|COVID|Covid|Schalke|"
        r"Hannover|Mainz)"
        r"[ -]?\d+(?:\.\d+)*\b"
    ),
]

_NOT_FIGURES_BY_LANGUAGE = {
    # Trains, roads and lines named by a capital letter: "D 1273", "A 7", "S 1" (in English "A 5" is "a 5").
    "de": [re.compile(r"(?<![\w.])[A-Z] \d{1,4}\b(?! ?(?:%|Prozent|Euro|€))")],
}

# --- dates, times and scores --------------------------------------------------------
_MONTH_LOCALES = {"de": ("de", "de_AT", "de_CH"), "en": ("en", "en_GB")}


@cache
def _month_numbers(lang: str) -> dict[str, int]:
    """Month names and abbreviations as written in ``lang`` (Babel's CLDR), to 1-12."""
    names: dict[str, int] = {}
    for locale in _MONTH_LOCALES.get(lang, (lang,)):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    names[name.rstrip(".")] = number
    return names


@cache
def _date_patterns(lang: str) -> list[re.Pattern[str]]:
    months = "|".join(sorted(map(re.escape, _month_numbers(lang)), key=len, reverse=True))
    month = rf"(?P<month_name>{months})\.?"
    year = r"(?P<year>\d{4})"
    numeric = [
        re.compile(r"(?<![\w.])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
        re.compile(r"(?<![\w.,])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})?(?![\d])"),
        re.compile(r"(?<![\w./])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])"),
    ]
    if lang == "de":
        named = [
            re.compile(rf"(?<![\w.,])(?P<day>\d{{1,2}})\.\s?{month}(?:\s{year})?(?!\w)"),
            re.compile(rf"\b{month}\s{year}(?!\w)"),
        ]
    else:
        named = [
            re.compile(rf"(?<![\w.,])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s{month}(?:,?\s{year})?(?!\w)"),
            re.compile(rf"\b{month}\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s?{year})?(?![\w.,]\d)"),
            re.compile(rf"\b{month}\s{year}(?!\w)"),
        ]
    return named + numeric


_TIMES = {
    "de": re.compile(
        # "14.30 Uhr", and the start of "7.00 – 10.00 Uhr"
        r"(?<![\w.,:])(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s?Uhr\b"
        r"|(?<![\w.,:])(?P<from_hour>\d{1,2})[.:](?P<from_minute>\d{2})(?=\s?(?:–|-|bis)\s?\d{1,2}(?:[.:]\d{2})?\s?Uhr\b)"
    ),
    "en": re.compile(
        r"(?<![\w.,:])(?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::\d{2})?)?\s?(?P<half>[ap])\.?m\b\.?",
        re.IGNORECASE,
    ),
}
_CLOCK = re.compile(r"(?<![\w.,:])(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?(?![\d:])")
# A result: the second side has one digit ("2:1", "3:0"), or two with a cue before.
_SCORE = re.compile(r"(?<![\w.,:])\d{1,2}:\d(?![\d:])")

# --- reading what surrounds a number -------------------------------------------------
_SCALES = {
    "de": {
        "tausend": 10**3,
        "Tsd.": 10**3,
        "Tsd": 10**3,
        "Million": 10**6,
        "Millionen": 10**6,
        "Mio.": 10**6,
        "Mio": 10**6,
        "Milliarde": 10**9,
        "Milliarden": 10**9,
        "Mrd.": 10**9,
        "Mrd": 10**9,
        "Billion": 10**12,
        "Billionen": 10**12,
        "Bio.": 10**12,
    },
    "en": {
        "thousand": 10**3,
        "million": 10**6,
        "millions": 10**6,
        "mn": 10**6,
        "m": 10**6,
        "bn": 10**9,
        "billion": 10**9,
        "billions": 10**9,
        "trillion": 10**12,
        "tn": 10**12,
    },
}
_QUALIFIERS: dict[str, dict[str, NumberQualifier]] = {
    "de": {
        "rund": "about",
        "etwa": "about",
        "ungefähr": "about",
        "circa": "about",
        "ca.": "about",
        "zirka": "about",
        "schätzungsweise": "about",
        "an die": "about",
        "knapp": "almost",
        "fast": "almost",
        "beinahe": "almost",
        "nahezu": "almost",
        "annähernd": "almost",
        "mehr als": "more_than",
        "über": "more_than",
        "gut": "more_than",
        "weit über": "more_than",
        "weniger als": "less_than",
        "unter": "less_than",
        "mindestens": "at_least",
        "wenigstens": "at_least",
        "höchstens": "at_most",
        "bis zu": "at_most",
        "maximal": "at_most",
    },
    "en": {
        "about": "about",
        "around": "about",
        "roughly": "about",
        "approximately": "about",
        "some": "about",
        "an estimated": "about",
        "nearly": "almost",
        "almost": "almost",
        "close to": "almost",
        "just under": "almost",
        "more than": "more_than",
        "over": "more_than",
        "upwards of": "more_than",
        "just over": "more_than",
        "less than": "less_than",
        "fewer than": "less_than",
        "under": "less_than",
        "below": "less_than",
        "at least": "at_least",
        "at most": "at_most",
        "up to": "at_most",
        "no more than": "at_most",
    },
}
_SIGN_WORDS = {
    "de": re.compile(r"(?i)(?<!\w)(?:minus|negativ)\s+$"),
    "en": re.compile(r"(?i)(?<!\w)(?:minus|negative)\s+$"),
}
_NEGATIVE_PHRASES = {
    "de": re.compile(r"(?i)\bein(?:em)? Minus von\s+(?:\w+\s+)?$"),
    "en": re.compile(r"(?i)\ba minus of\s+(?:\w+\s+)?$"),
}
_CHANGES: dict[str, list[tuple[NumberChange, re.Pattern[str]]]] = {
    "de": [
        (
            "decrease",
            re.compile(
                r"(?i)(?:\b(?:Rückgang|Einbruch|Verlust|Abnahme|Minderung)\s+(?:um|von)|\b(?:sank|sanken|"
                r"gesunken|fiel|fielen|gefallen|verringerte|verringerten|schrumpfte|schrumpften|geschrumpft|"
                r"reduziert|verlor|verloren)(?:\s+[\w-]+){0,4}?\s+um)\s+(?:\w+\s+)?$"
            ),
        ),
        (
            "increase",
            re.compile(
                r"(?i)(?:\b(?:Anstieg|Zuwachs|Plus|Zunahme|Steigerung)\s+(?:um|von)|\b(?:stieg|stiegen|"
                r"gestiegen|wuchs|wuchsen|gewachsen|legte|legten|zugelegt|erhöhte|erhöhten|erhöht)"
                r"(?:\s+[\w-]+){0,4}?\s+um)\s+(?:\w+\s+)?$"
            ),
        ),
    ],
    "en": [
        (
            "decrease",
            re.compile(
                r"(?i)\b(?:fell|fallen|dropped|declined|decreased|shrank|slipped|lost|down|(?:a|the) "
                r"(?:drop|decline|decrease|fall|loss) of)(?:\s+by)?\s+(?:(?!to\b)\w+\s+)?$"
            ),
        ),
        (
            "increase",
            re.compile(
                r"(?i)\b(?:rose|risen|grew|grown|increased|climbed|gained|up|(?:a|an|the) "
                r"(?:rise|increase|gain|jump) of)(?:\s+by)?\s+(?:(?!to\b)\w+\s+)?$"
            ),
        ),
    ],
}
_CHANGES_AFTER = {
    "de": re.compile(
        r"\s+(?:(?P<increase>gestiegen|angestiegen|gewachsen|zugelegt|steigen|ansteigen|wachsen|zulegen|"
        r"steigern|erhöhen|anheben)|gesunken|gefallen|zurückgegangen|geschrumpft|eingebrochen|sinken|"
        r"fallen|zurückgehen|schrumpfen|senken|verringern|reduzieren|kürzen)\b"
    ),
    "en": re.compile(r"\s+(?:(?P<increase>higher|up)|lower|down)\b"),
}
# "auf 3 Prozent gesunken", "fell to 3%": the figure is the new level, not the change.
_LEVEL_BEFORE = {
    "de": re.compile(r"(?i)\bauf\s+(?:[\w-]+\s+){0,2}$"),
    "en": re.compile(r"(?i)\bto\s+(?:[\w-]+\s+){0,2}$"),
}
_PERCENT = {"de": ("Prozent", "%", "v.H.", "vH"), "en": ("per cent", "percent", "pct", "%")}
_POINTS = {
    "de": ("Prozentpunkten", "Prozentpunkte", "Prozentpunkt", "Pp.", "pp"),
    "en": ("percentage points", "percentage point", "pp"),
}
# Measures as written, to one symbol each, so figures can be compared.
_MEASURES = {
    "de": {
        "Kilometer": "km",
        "Meter": "m",
        "Zentimeter": "cm",
        "Millimeter": "mm",
        "Quadratkilometer": "km²",
        "Quadratmeter": "m²",
        "Hektar": "ha",
        "Kilogramm": "kg",
        "Gramm": "g",
        "Tonnen": "t",
        "Tonne": "t",
        "Liter": "l",
        "Grad Celsius": "°C",
        "Grad": "°",
        "Kilowatt": "kW",
        "Megawatt": "MW",
        "Gigawatt": "GW",
        "Kilowattstunden": "kWh",
        "Megawattstunden": "MWh",
        "Gigawattstunden": "GWh",
        "Terawattstunden": "TWh",
        "Stunden": "h",
        "Stunde": "h",
        "Minuten": "min",
        "Sekunden": "s",
        "Std.": "h",
        "Min.": "min",
        "Sek.": "s",
        "Tage": "d",
        "Tagen": "d",
        "Wochen": "week",
        "Monate": "month",
        "Monaten": "month",
        "Jahre": "year",
        "Jahren": "year",
        "Knoten": "kn",
        "Euro pro Liter": "EUR/l",
    },
    "en": {
        "kilometres": "km",
        "kilometers": "km",
        "kilometre": "km",
        "kilometer": "km",
        "miles": "mi",
        "mile": "mi",
        "metres": "m",
        "meters": "m",
        "feet": "ft",
        "inches": "in",
        "square kilometres": "km²",
        "square kilometers": "km²",
        "square miles": "mi²",
        "hectares": "ha",
        "acres": "acre",
        "kilograms": "kg",
        "kilos": "kg",
        "grams": "g",
        "tonnes": "t",
        "tons": "ton",
        "pounds": "lb",
        "litres": "l",
        "liters": "l",
        "gallons": "gal",
        "degrees Celsius": "°C",
        "degrees Fahrenheit": "°F",
        "degrees": "°",
        "megawatts": "MW",
        "megawatt": "MW",
        "gigawatts": "GW",
        "gigawatt": "GW",
        "kilowatts": "kW",
        "hours": "h",
        "hour": "h",
        "minutes": "min",
        "seconds": "s",
        "days": "d",
        "weeks": "week",
        "months": "month",
        "years": "year",
    },
}
_SYMBOLS = (
    "km²",
    "m²",
    "km/h",
    "km",
    "cm",
    "mm",
    "m",
    "kg",
    "g",
    "t",
    "l",
    "ml",
    "ha",
    "°C",
    "°F",
    "°",
    "kWh",
    "MWh",
    "GWh",
    "TWh",
    "kW",
    "MW",
    "GW",
    "W",
    "V",
    "GB",
    "MB",
    "TB",
    "Hz",
    "GHz",
    "MHz",
    "h",
    "min",
    "s",
    "mph",
    "kB",
    "KB",
    "lb",
    "oz",
    "ft",
    "mi",
)
_CURRENCY_BEFORE = ("US$", "US-$", "$", "€", "£", "¥", "EUR", "USD", "CHF", "GBP", "Fr.", "SFr.")
_RANK_NOUNS = {
    "de": re.compile(r"(?:\b(?:Rang|Platz|Position|Nummer|Nr\.|Top|Spieltag|Runde|Etappe)|Rang)\s$"),
    "en": re.compile(r"\b(?:rank|ranked|No\.|number|Top|top|place|round|stage)\s$"),
}
# Before a year: "im Jahr 2024", "seit 2015", "since 2015"; after it no counted noun is read.
_YEAR_CUES = re.compile(
    r"(?i)\b(?:jahr|jahre|jahres|im|seit|bis|ab|von|vor|nach|in|anfang|ende|mitte|sommer|winter|frühjahr|herbst|"
    r"since|by|until|from|before|after|early|late|mid|year|of)\s$|\b\d{4}\s?[-–]\s?$"
)
# Sentence starts that follow a figure and a full stop: "... 2014. Die Zahl" is no ordinal.
_SENTENCE_STARTS = frozenset(
    [
        "Der",
        "Die",
        "Das",
        "Den",
        "Dem",
        "Des",
        "Ein",
        "Eine",
        "Einen",
        "Einem",
        "Einer",
        "Er",
        "Sie",
        "Es",
        "Wir",
        "Ihr",
        "Ich",
        "Man",
        "Dies",
        "Diese",
        "Dieser",
        "Dieses",
        "Damit",
        "Dabei",
        "Dann",
        "Danach",
        "Doch",
        "Aber",
        "Und",
        "Auch",
        "Als",
        "Am",
        "Im",
        "In",
        "Auf",
        "Aus",
        "Bei",
        "Mit",
        "Nach",
        "Seit",
        "Von",
        "Vor",
        "Zu",
        "Zum",
        "Zur",
        "So",
        "Nun",
        "Noch",
        "Nur",
        "Wie",
        "Was",
        "Wer",
        "Wo",
        "Weil",
        "Wenn",
        "Denn",
        "Daher",
        "Deshalb",
        "Trotzdem",
        "Zudem",
        "Außerdem",
        "Allerdings",
        "Insgesamt",
        "Laut",
        "Rund",
        "Etwa",
        "Knapp",
        "Mehr",
        "Fast",
        "Über",
        "Unter",
        "Bis",
        "Ab",
        "Um",
    ]
)
_EN_NOT_COUNTED = frozenset(
    [
        "of",
        "the",
        "a",
        "an",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "new",
        "more",
        "than",
        "per",
        "cent",
        "each",
        "is",
        "are",
        "was",
        "were",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
    ]
)
_EN_IRREGULAR_PLURALS = frozenset(
    ["people", "children", "men", "women", "staff", "police", "personnel", "cattle"]
)
_RANGE_BETWEEN = {
    "de": re.compile(r"^\s*(?:–|—|-|bis(?: zu)?|bis hin zu)\s*$"),
    "en": re.compile(r"^\s*(?:–|—|-|to)\s*$"),
}
_RANGE_PAIRED = {
    "de": (re.compile(r"(?i)\bzwischen\s+(?:[\w.]+\s+)?$"), re.compile(r"^\s*und\s*$")),
    "en": (re.compile(r"(?i)\bbetween\s+(?:\w+\s+)?$"), re.compile(r"^\s*and\s*$")),
}
_WORD_AFTER = re.compile(r"[ \u00a0]*([^\W\d_][\w\-²]*\.?|[%€$£¥°][CF]?)")
_SPACES = re.compile(r"[ \u00a0]*")
_STOP_AFTER = re.compile(r"\s*[,;:!?()\[\]„“”\"«»]")


@dataclass(frozen=True, slots=True)
class _Atom:
    """A bare number before its surroundings are read."""

    start: int
    end: int
    value: Decimal | None
    ordinal: bool = False
    fraction: bool = False
    ambiguous: bool = False
    plain_digits: str | None = None  # the digits when written as digits without grouping


@dataclass(frozen=True, slots=True)
class _Read:
    number: Number
    # The scale word's factor ("Millionen"): "5 bis 7 Millionen" scales both ends.
    scale: int = 1


def find_numbers(text: str, lang: str) -> list[Number]:
    """Every figure in ``text``; ``lang`` is a language ("de", "en") or a
    locale ("de_CH") whose conventions decide how digits read."""
    base = lang.split("_")[0]
    if base not in _SCALES:
        base = "en"
    locales = _reading_locales(text, lang)
    taken = _Taken()
    for pattern in [*_NOT_FIGURES, *_NOT_FIGURES_BY_LANGUAGE.get(base, ())]:
        for match in pattern.finditer(text):
            taken.add(match.start(), match.end())
    numbers = [*_dates(text, base, taken), *_times(text, base, taken)]
    read: list[_Read] = []
    for atom in sorted(_atoms(text, base, locales, taken), key=lambda atom: atom.start):
        if taken.overlaps(atom.start, atom.end):
            continue
        item = _read(text, atom, base)
        if item is None:
            continue
        taken.add(item.number.start, item.number.end)
        read.append(item)
    numbers.extend(_ranges(text, read, base))
    return sorted(numbers, key=lambda number: number.start)


@cache
def parse_digits(digits: str, lang: str, *fallbacks: str) -> tuple[Decimal | None, bool]:
    """The value of ``digits`` in ``lang``'s convention (else the first of
    ``fallbacks`` that reads it), and whether that reading turns an apparent
    thousands grouping into a decimal (``1,500`` in German is 1.5; in English
    style it meant 1500)."""
    if digits.isdigit():
        return Decimal(digits), False
    cleaned = digits.replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if "'" in cleaned or "’" in cleaned:
        # Only Swiss German groups with an apostrophe; the decimal mark is then a point or a comma.
        try:
            return parse_decimal(
                cleaned.replace("'", "").replace("’", "").replace(",", "."), "en", strict=True
            ), False
        except NumberFormatError:
            return None, False
    for locale in (lang, *fallbacks):
        try:
            value = parse_decimal(cleaned, locale=locale, strict=True)
        except NumberFormatError:
            continue
        ambiguous = bool(re.fullmatch(r"[1-9]\d{0,2}[.,]\d{3}", cleaned)) and value != int(
            cleaned.replace(",", "").replace(".", "")
        )
        return value, ambiguous
    return None, False


class _Taken:
    """Character ranges already read; a later reading must not overlap them."""

    def __init__(self) -> None:
        self._taken = bytearray()

    def add(self, start: int, end: int) -> None:
        if len(self._taken) < end:
            self._taken.extend(bytes(end - len(self._taken)))
        self._taken[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self._taken[start:end])


def _reading_locales(text: str, lang: str) -> tuple[str, ...]:
    """The locales whose digits the text may use, first one first. Swiss German
    writes ``3.5`` and ``3,5`` alike; a German text that groups thousands with an
    apostrophe (``1'000``) is read as German first, then as Swiss."""
    if lang == "de_CH":
        return ("de_CH", "de")
    if lang == "de" and re.search(r"\d['’]\d{3}(?!\d)", text):
        return ("de", "de_CH")
    return (lang,)


def _dates(text: str, lang: str, taken: _Taken) -> Iterator[Number]:
    months = _month_numbers(lang)
    for pattern in _date_patterns(lang):
        for match in pattern.finditer(text):
            if taken.overlaps(match.start(), match.end()):
                continue
            iso, ambiguous = _iso_date(match, months, lang)
            if iso is None and not ambiguous:
                continue
            taken.add(match.start(), match.end())
            yield Number(
                match.start(), match.end(), match[0], kind="date", ambiguous=ambiguous, value_iso=iso
            )


def _iso_date(match: re.Match[str], months: dict[str, int], lang: str) -> tuple[str | None, bool]:
    """The ISO 8601 form (``2025-10-03``, ``2024-07``, ``--10-03`` with no year), and
    whether day and month could be swapped (``05/11/2019`` in English)."""
    groups = match.groupdict()
    year = groups.get("year")
    if year is not None and len(year) == 2:
        year = f"20{year}" if int(year) < 50 else f"19{year}"
    if groups.get("first") is not None:
        first, second = int(groups["first"]), int(groups["second"])
        if lang == "en" and first <= 12 and second <= 12 and first != second:
            return None, True  # US month/day or British day/month: the text does not say
        day, month = (second, first) if lang == "en" and first <= 12 < second else (first, second)
    else:
        month = months[groups["month_name"]] if groups.get("month_name") else int(groups["month"])
        day = int(groups["day"]) if groups.get("day") else 0
    if not 1 <= month <= 12 or day > 31 or (groups.get("month") and not year and day == 0):
        return None, False
    if groups.get("month") and not groups.get("year") and not match[0].endswith("."):
        return None, False  # "12.06" without the closing dot is no date
    if day == 0:
        return (f"{year}-{month:02d}" if year else None), False
    if year is None:
        return f"--{month:02d}-{day:02d}", False
    return f"{year}-{month:02d}-{day:02d}", False


def _times(text: str, lang: str, taken: _Taken) -> Iterator[Number]:
    for pattern in (_TIMES[lang], _CLOCK):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            hour = int(groups.get("from_hour") or match["hour"])
            minute = int(groups.get("from_minute") or match["minute"] or 0)
            if groups.get("half"):
                hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
            if hour > 24 or minute > 59 or taken.overlaps(match.start(), match.end()):
                continue
            taken.add(match.start(), match.end())
            yield Number(
                match.start(), match.end(), match[0], kind="time", value_iso=f"{hour:02d}:{minute:02d}"
            )
    for match in _SCORE.finditer(text):
        if not taken.overlaps(match.start(), match.end()):
            taken.add(match.start(), match.end())
            yield Number(match.start(), match.end(), match[0], kind="score")


def _atoms(text: str, lang: str, locales: tuple[str, ...], taken: _Taken) -> Iterator[_Atom]:
    for match in _VULGAR.finditer(text):
        fraction = vulgar_fraction(match["fraction"])
        if fraction is not None:
            whole = int(match["whole"]) if match["whole"] else 0
            yield _Atom(match.start(), match.end(), _decimal(whole + fraction), fraction=True)
    for match in _SLASH_FRACTION.finditer(text):
        numerator, denominator = int(match["numerator"]), int(match["denominator"])
        if 0 < numerator < denominator:
            yield _Atom(match.start(), match.end(), _decimal(Fraction(numerator, denominator)), fraction=True)
    proven: dict[str, bool] = {}
    for match in _DIGITS.finditer(text):
        digits = match["digits"]
        if _attached_label(text, match.end("digits"), lang, match["ordinal"]) or _postal_code(
            text, digits, match.end("digits"), lang
        ):
            continue
        value, ambiguous = parse_digits(digits, *locales)
        if ambiguous and not _decimal_proven(text, digits, match.end("digits"), lang, proven):
            value = None
        ordinal = bool(match["ordinal"]) and (
            match["ordinal"] != "." or (lang == "de" and _german_ordinal(text, digits, match.end()))
        )
        end = match.end() if ordinal else match.end("digits")
        yield _Atom(
            match.start(),
            end,
            value,
            ordinal=ordinal,
            ambiguous=ambiguous,
            plain_digits=digits if digits.isdigit() else None,
        )
    for word in find_number_words(text, lang):
        yield _Atom(word.start, word.end, word.value, ordinal=word.ordinal, fraction=word.fraction)


def _attached_label(text: str, end: int, lang: str, ordinal: str | None) -> bool:
    """Letters glued to digits make a label ("5G", "3D", "90er"), except units and scales ("5km", "$5bn")."""
    if ordinal and ordinal != ".":
        return False
    glued = re.match(r"[^\W\d_][\w²/]*", text[end : end + 12])
    if glued is None:
        return False
    word = glued[0]
    return not (word in _SCALES[lang] or word in _SYMBOLS or word in _MEASURES[lang])


def _postal_code(text: str, digits: str, end: int, lang: str) -> bool:
    """``1010 Wien``, ``80331 München``: four or five digits before a place name;
    ``2015 Berlin`` reads as a year."""
    if not (digits.isdigit() and 4 <= len(digits) <= 5) or (len(digits) == 4 and 1800 <= int(digits) <= 2100):
        return False
    word = _WORD_AFTER.match(text, end)
    return word is not None and word.group(1).rstrip(".") in place_names(lang)


def _decimal_proven(text: str, digits: str, end: int, lang: str, proven: dict[str, bool]) -> bool:
    """``1,500`` in German is 1.5 only where the context proves it: a scale word
    follows ("1,500 Mrd."), or the text uses that mark as a decimal elsewhere and
    never to group thousands."""
    if _scale_word_at(text, end, lang) is not None:
        return True
    mark = "," if "," in digits else "."
    if mark not in proven:
        escaped = re.escape(mark)
        as_decimal = re.search(rf"(?<![\d.,])\d+{escaped}(?:\d{{1,2}}|\d{{4,}})(?![\d.,])", text)
        as_grouping = re.search(rf"\d{escaped}\d{{3}}{escaped}\d{{3}}|\d{escaped}\d{{3}}[.,]\d", text)
        proven[mark] = bool(as_decimal) and not as_grouping
    return proven[mark]


def _german_ordinal(text: str, digits: str, end: int) -> bool:
    """``am 3. Juni``, ``zum 4. Mal``, ``im 2. Quartal``: a dot then a word, not a sentence end."""
    if len(digits) > 3:
        return False  # "seit 2014. Die": a year ends the sentence
    following = text[end:].lstrip()[:40]
    word = re.match(r"\w+", following)
    if word is None:
        return False
    return following[0].islower() or word[0] not in _SENTENCE_STARTS


def _read(text: str, atom: _Atom, lang: str) -> _Read | None:
    start, end, value = atom.start, atom.end, atom.value
    if _RANK_NOUNS[lang].search(text, max(0, start - 12), start) and not atom.fraction:
        return _Read(_number(text, start, end, value, None, "ordinal", lang))
    if atom.ordinal:
        return _Read(_number(text, start, end, value, None, "ordinal", lang))
    kind: NumberKind = "fraction" if atom.fraction else _plain_kind(value)
    scale = 1
    unit: str | None = None
    prefix = _currency_before(text, start, lang)
    if prefix is None and _is_year(text, atom, lang):
        return _Read(_number(text, start, end, value, None, "year", lang))
    end, value, unit, kind, scale = _unit_after(text, end, value, lang, kind)
    if prefix is not None and kind in {"cardinal", "decimal", "fraction"}:
        start -= len(prefix[0])
        unit, kind = prefix[1], "money"
    number = _number(text, start, end, value, unit, kind, lang, ambiguous=atom.ambiguous)
    return _Read(number, scale)


def _is_year(text: str, atom: _Atom, lang: str) -> bool:
    """Four plain digits from 1000 to 2100 with no unit, and a cue ("seit 2015") or no counted noun."""
    digits, value = atom.plain_digits, atom.value
    if digits is None or len(digits) != 4 or value is None or not 1000 <= value <= 2100:
        return False
    if _measured_after(text, atom.end, lang):
        return False
    cue = _YEAR_CUES.search(text, max(0, atom.start - 12), atom.start)
    # Only a noun right after it is counted: "2000 Menschen", but "1945 aus Anlass" is a year.
    return cue is not None or _counted_noun(text, atom.end, lang, words=1) is None


def _plain_kind(value: Decimal | None) -> NumberKind:
    return "decimal" if value is not None and value != value.to_integral_value() else "cardinal"


def _number(
    text: str,
    start: int,
    end: int,
    value: Decimal | None,
    unit: str | None,
    kind: NumberKind,
    lang: str,
    ambiguous: bool = False,
) -> Number:
    """A Number with the sign, hedge and direction of change read from before ``start``."""
    start, negative = _sign_before(text, start, lang)
    if negative and value is not None:
        value = -value
    before = text[max(0, start - 60) : start]
    qualifier = _qualifier(before, lang)
    return Number(
        start,
        end,
        text[start:end],
        _plain(value),
        unit,
        kind,
        approx=qualifier is not None,
        ambiguous=ambiguous,
        qualifier=qualifier,
        change=_change(before, lang) or _change_after_figure(text, before, end, kind, lang),
    )


def _sign_before(text: str, start: int, lang: str) -> tuple[int, bool]:
    """Where the figure starts with its sign, and whether it is negative:
    ``-1,4``, ``−8`` (U+2212), ``minus 250.000``, ``negativ``, ``ein Minus von 3``."""
    mark = text[start - 1 : start]
    if mark in {"-", "−", "–"}:
        before = text[start - 2 : start - 1]
        if not before or (not (before.isalnum() or before in ".,") and (mark != "–" or before.isspace())):
            return start - 1, True
    if mark == "+" and not text[start - 2 : start - 1].isalnum():
        return start - 1, False
    window = text[max(0, start - 30) : start]
    word = _SIGN_WORDS[lang].search(window)
    if word is not None:
        return start - (len(window) - word.start()), True
    return start, bool(_NEGATIVE_PHRASES[lang].search(window))


@cache
def _longest_first(lang: str) -> list[tuple[str, NumberQualifier]]:
    return sorted(_QUALIFIERS[lang].items(), key=lambda item: -len(item[0]))


def _qualifier(before: str, lang: str) -> NumberQualifier | None:
    stripped = before.rstrip().lower()
    for hedge, qualifier in _longest_first(lang):
        if stripped.endswith(hedge) and (
            len(stripped) == len(hedge) or not stripped[-len(hedge) - 1].isalpha()
        ):
            return qualifier
    return None


def _change(before: str, lang: str) -> NumberChange | None:
    for direction, pattern in _CHANGES[lang]:
        if pattern.search(before):
            return direction
    return None


def _change_after_figure(
    text: str, before: str, end: int, kind: NumberKind, lang: str
) -> NumberChange | None:
    """The change a verb after the figure says, unless the figure is a level ("auf 3 Prozent
    gesunken") or a point in time ("Bis 2030 steigen die Entgelte")."""
    if kind in _NO_CHANGE_KINDS or _LEVEL_BEFORE[lang].search(before):
        return None
    return _change_after(text, end, lang)


_NO_CHANGE_KINDS = frozenset({"year", "date", "time", "ordinal", "score"})


def _change_after(text: str, end: int, lang: str) -> NumberChange | None:
    """``um 40 Prozent gewachsen``, ``5 percent lower``: the verb or adverb after the figure."""
    match = _CHANGES_AFTER[lang].match(text, end)
    if match is None:
        return None
    return "increase" if match["increase"] else "decrease"


def _measured_after(text: str, end: int, lang: str) -> bool:
    rest = text[end : end + 40].lstrip(" \u00a0")
    return (
        _starts_with_any(rest, _PERCENT[lang]) is not None
        or _starts_with_any(rest, _POINTS[lang]) is not None
        or _measure_at(rest, lang) is not None
        or _currency_after(rest, lang) is not None
        or _scale_word_at(text, end, lang) is not None
    )


def _unit_after(
    text: str, end: int, value: Decimal | None, lang: str, kind: NumberKind
) -> tuple[int, Decimal | None, str | None, NumberKind, int]:
    """Extend the number over a scale word and read its unit: (end, value, unit, kind, scale)."""
    scale = 1
    word = _scale_word_at(text, end, lang)
    if word is not None:
        scale = _SCALES[lang][word[0]]
        if value is not None:
            value *= scale
            kind = _plain_kind(value) if kind != "fraction" else kind
        end = word[1]
    gap = len(_SPACES.match(text, end)[0])  # type: ignore[index]
    rest = text[end + gap : end + gap + 40]
    if (points := _starts_with_any(rest, _POINTS[lang])) is not None:
        return end + gap + len(points), value, "pp", "percentage_points", scale
    if (percent := _starts_with_any(rest, _PERCENT[lang])) is not None:
        return end + gap + len(percent), value, "%", "percent", scale
    if (currency := _currency_after(rest, lang)) is not None:
        return end + gap + len(currency[0]), value, currency[1], "money", scale
    if (measure := _measure_at(rest, lang)) is not None:
        return end + gap + len(measure[0]), value, measure[1], "quantity", scale
    return end, value, _counted_noun(text, end, lang, one=value == 1), kind, scale


def _scale_word_at(text: str, end: int, lang: str) -> tuple[str, int] | None:
    """The scale word after ``end`` ("Mio.", "Millionen", "billion", "5bn") and where it ends."""
    word = _WORD_AFTER.match(text, end)
    if word is None:
        return None
    token = word.group(1)
    if token not in _SCALES[lang] and token.endswith("."):
        token = token[:-1]  # "7 billion." at a sentence end
    if token not in _SCALES[lang] or (token == "m" and text[word.end() : word.end() + 1].isalpha()):
        return None
    return token, word.start(1) + len(token)


def _starts_with_any(rest: str, words: tuple[str, ...]) -> str | None:
    for word in words:
        if rest.startswith(word) and (len(rest) == len(word) or not rest[len(word)].isalpha()):
            return word
    return None


@cache
def _measure_pattern(lang: str) -> re.Pattern[str]:
    names = sorted([*_MEASURES[lang], *_SYMBOLS], key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, names))})(?![\w²])")


def _measure_at(rest: str, lang: str) -> tuple[str, str] | None:
    match = _measure_pattern(lang).match(rest)
    if match is None:
        return None
    return match[0], _MEASURES[lang].get(match[0], match[0])


@cache
def _currency_pattern(lang: str) -> re.Pattern[str]:
    names = sorted(currency_codes(lang), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, names))})(?!\w)")


def _currency_after(rest: str, lang: str) -> tuple[str, str] | None:
    match = _currency_pattern(lang).match(rest)
    if match is None:
        return None
    return match[0], currency_codes(lang)[match[0]]


def _currency_before(text: str, start: int, lang: str) -> tuple[str, str] | None:
    before = text[max(0, start - 6) : start]
    stripped = before.rstrip(" \u00a0")
    spacing = before[len(stripped) :]
    for symbol in _CURRENCY_BEFORE:
        if stripped.endswith(symbol) and not stripped[: -len(symbol)][-1:].isalpha():
            code = currency_codes(lang).get(symbol.rstrip("."), "USD" if "$" in symbol else symbol)
            if symbol in {"Fr.", "SFr."}:
                code = "CHF"
            return symbol + spacing, code
    return None


def _counted_noun(text: str, end: int, lang: str, words: int = 3, one: bool = False) -> str | None:
    """The noun a figure counts: "1.500 Patente", "15.000 verkaufte Einheiten", "2 guys"
    (looked for in the next ``words`` words; ``one``: the figure is 1, its noun singular)."""
    position = end
    for _ in range(words):
        if _STOP_AFTER.match(text, position):
            return None
        word = _WORD_AFTER.match(text, position)
        if word is None or "\n" in text[position : word.start(1)]:
            return None
        token = word.group(1).rstrip(".")
        if lang == "de":
            if token[:1].isupper():
                return token if token not in _SENTENCE_STARTS else None
        elif token.lower() not in _EN_NOT_COUNTED:
            # No part-of-speech here: a plural noun ("2 guys") agrees with the figure, a verb
            # ("those three agree") does not; after one, the singular.
            return token if token.endswith("s") or one or token.lower() in _EN_IRREGULAR_PLURALS else None
        if token != word.group(1) and token.islower() and len(token) > 3:
            return None  # "um ein Drittel steigen. Besonders …": the sentence ended ("ca." did not)
        position = word.end()
    return None


def _ranges(text: str, read: list[_Read], lang: str) -> Iterator[Number]:
    """Join ``5 bis 7``, ``zwischen 5 und 7``, ``5–7 %`` into one number with low and high."""
    index = 0
    while index < len(read):
        first = read[index].number
        if index + 1 < len(read) and first.value is not None:
            second_read = read[index + 1]
            second = second_read.number
            between = text[first.end : second.start]
            paired_before, paired_and = _RANGE_PAIRED[lang]
            joined = _RANGE_BETWEEN[lang].match(between) or (
                paired_and.match(between)
                and paired_before.search(text, max(0, first.start - 30), first.start)
            )
            if joined and second.value is not None and _can_join(first, second):
                low = Decimal(str(first.value))
                if (
                    read[index].scale == 1
                    and second_read.scale > 1
                    and abs(low) < abs(Decimal(str(second.value)))
                ):
                    low *= second_read.scale
                yield replace(
                    second,
                    start=first.start,
                    text=text[first.start : second.end],
                    value=None,
                    low=_plain(low),
                    high=second.value,
                    approx=first.approx or second.approx,
                    qualifier=first.qualifier,
                    change=first.change or second.change,
                )
                index += 2
                continue
        yield first
        index += 1


def _can_join(first: Number, second: Number) -> bool:
    if first.kind in {"ordinal", "date", "time", "score"} or second.kind in {
        "ordinal",
        "date",
        "time",
        "score",
    }:
        return False
    if first.kind == "year" or second.kind == "year":
        return first.kind == second.kind
    return first.unit is None or first.unit == second.unit


def _decimal(fraction: Fraction | int) -> Decimal:
    return (
        (Decimal(fraction.numerator) / Decimal(fraction.denominator)).quantize(Decimal("1e-12")).normalize()
        if isinstance(fraction, Fraction)
        else Decimal(fraction)
    )


def _plain(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
