"""Figures in the text: value, unit, kind and hedges.

Digits are parsed with Babel for the article's locale (``1.500`` is 1500 in
German, ``384,122`` is 384122 in English) in strict mode, so a form that is
malformed for the locale gets no value instead of a wrong one.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal

from tui.analysis.gazetteer import currency_codes
from tui.analysis.model import Number

_DATE = r"\d{1,2}\.\s?\d{1,2}\.(?:\d{4}|\d{2})?(?!\d)|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?!\d)"
_DIGITS = r"\d{1,3}(?:[.,\u202f\u00a0'’]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_NUMBER = re.compile(
    rf"(?<![\w.,])(?:(?P<date>{_DATE})|(?P<time>{_TIME})|(?P<digits>{_DIGITS}))(?P<ordinal>\.(?=\s+\w)|st\b|nd\b|rd\b|th\b)?"
)

_SCALES = {
    "de": {
        "tausend": 10**3,
        "Tsd.": 10**3,
        "Million": 10**6,
        "Millionen": 10**6,
        "Mio.": 10**6,
        "Milliarde": 10**9,
        "Milliarden": 10**9,
        "Mrd.": 10**9,
        "Billion": 10**12,
        "Billionen": 10**12,
    },
    "en": {
        "thousand": 10**3,
        "million": 10**6,
        "millions": 10**6,
        "m": 10**6,
        "bn": 10**9,
        "billion": 10**9,
        "billions": 10**9,
        "trillion": 10**12,
    },
}
_HEDGES = {
    "de": (
        "knapp",
        "ungefähr",
        "etwa",
        "rund",
        "circa",
        "ca.",
        "fast",
        "beinahe",
        "gut",
        "mehr als",
        "über",
        "unter",
        "weniger als",
        "bis zu",
        "annähernd",
        "mindestens",
        "höchstens",
        "schätzungsweise",
        "nahezu",
        "an die",
    ),
    "en": (
        "about",
        "around",
        "roughly",
        "approximately",
        "nearly",
        "almost",
        "some",
        "over",
        "more than",
        "less than",
        "under",
        "up to",
        "at least",
        "at most",
        "close to",
    ),
}
_PERCENT = {"de": ("%", "Prozent", "vH"), "en": ("%", "percent", "per cent")}
_POINTS = {
    "de": ("Prozentpunkte", "Prozentpunkten", "Prozentpunkt"),
    "en": ("percentage points", "percentage point"),
}
_MEASURES = frozenset(
    ["km", "m", "cm", "mm", "kg", "g", "t", "l", "ml", "h", "min", "s", "kWh", "MWh", "GWh", "kW", "MW", "GW", "W", "V", "GB", "MB", "TB", "KB", "Hz", "GHz", "MHz", "ha", "qm", "km²", "m²", "°C", "°F", "Zoll", "Kilometer", "Meter", "Kilogramm", "Tonnen", "Liter", "Stunden", "Minuten", "Sekunden", "Tage", "Jahre", "Wochen", "Monate", "miles", "mile", "kilometres", "kilometers", "meters", "metres", "kilograms", "tonnes", "tons", "litres", "liters", "hours", "minutes", "seconds", "days", "years", "weeks", "months", "inches"]
)
_WORD_AFTER = re.compile(r"\s*([^\W\d_][\w\-²]*\.?|[%€$£¥°][CF]?)")
_STOP_AFTER = re.compile(r"\s*[,;:!?()\[\]„“”\"«»]")


def find_numbers(text: str, lang: str) -> list[Number]:
    numbers = []
    for match in _NUMBER.finditer(text):
        number = _read(text, match, lang)
        if number is not None:
            numbers.append(number)
    return numbers


def parse_digits(digits: str, lang: str) -> tuple[Decimal | None, bool]:
    """The value of ``digits`` in ``lang``'s convention, and whether that
    reading turns an apparent thousands grouping into a decimal (``1,500``
    in German is 1.5; in English style it meant 1500)."""
    cleaned = digits.replace("\u202f", "").replace("\u00a0", "").replace("'", "").replace("’", "")
    try:
        value = parse_decimal(cleaned, locale=lang, strict=True)
    except NumberFormatError:
        return None, False
    ambiguous = bool(re.fullmatch(r"\d{1,3}[.,]\d{3}", cleaned)) and value != int(
        cleaned.replace(",", "").replace(".", "")
    )
    return value, ambiguous


def _read(text: str, match: re.Match[str], lang: str) -> Number | None:
    start, end = match.start(), match.end()
    if match["date"]:
        return Number(start, match.end("date"), match["date"], None, None, "date")
    if match["time"]:
        return Number(start, match.end("time"), match["time"], None, None, "time")
    digits = match["digits"]
    value, ambiguous = parse_digits(digits, lang)
    kind = "decimal" if value is not None and value != value.to_integral_value() else "cardinal"
    unit = None
    if match["ordinal"]:
        if match["ordinal"] == "." and (lang != "de" or not _german_ordinal(text, end)):
            end = match.end("digits")
        else:
            kind = "ordinal"
    if kind != "ordinal":
        end = match.end("digits")
        if (
            value is not None
            and len(digits) == 4
            and digits.isdigit()
            and 1800 <= value <= 2100
            and not _has_unit_after(text, end, lang)
        ):
            kind = "year"
    if kind in {"cardinal", "decimal"}:
        end, value, unit, kind = _unit_after(text, end, value, lang, kind)
        if kind == "decimal" and value == value.to_integral_value():
            kind = "cardinal"  # "1,1 Millionen" is a whole number
    prefix_unit = _currency_before(text, start, lang)
    if prefix_unit and kind in {"cardinal", "decimal"}:
        start -= len(prefix_unit[0])
        unit, kind = prefix_unit[1], "money"
    return Number(
        start,
        end,
        text[start:end],
        _plain(value),
        unit,
        kind,
        _hedged(text, start, lang),
        ambiguous,
    )


def _german_ordinal(text: str, end: int) -> bool:
    # "am 3. Juni", "im 2. Quartal": a dot followed by a word, not a sentence end.
    following = text[end : end + 30].lstrip()
    return bool(following) and (following[0].islower() or following.split(" ", 1)[0] in _MONTHS_DE)


_MONTHS_DE = frozenset(
    ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember", "Quartal"]
)


def _has_unit_after(text: str, end: int, lang: str) -> bool:
    word = _WORD_AFTER.match(text, end)
    if word is None:
        return False
    token = word.group(1).rstrip(".")
    return token in _PERCENT[lang] or token in _MEASURES or token in currency_codes(lang)


def _unit_after(
    text: str, end: int, value: Decimal | None, lang: str, kind: str
) -> tuple[int, Decimal | None, str | None, str]:
    """Extend the number over a scale word and read its unit: (end, value, unit, kind)."""
    word = _WORD_AFTER.match(text, end)
    if word and word.group(1) in _SCALES[lang]:
        if value is not None:
            value *= _SCALES[lang][word.group(1)]
        end = word.end()
        word = _WORD_AFTER.match(text, end)
    rest = text[end : end + 40]
    for points in _POINTS[lang]:
        if rest.lstrip().startswith(points):
            return end + rest.index(points) + len(points), value, "pp", "percentage_points"
    for percent in _PERCENT[lang]:
        stripped = rest.lstrip()
        if stripped.startswith(percent) and (
            len(stripped) == len(percent) or not stripped[len(percent)].isalpha()
        ):
            return end + rest.index(percent) + len(percent), value, "%", "percent"
    currencies = currency_codes(lang)
    for name in sorted(currencies, key=len, reverse=True):
        stripped = rest.lstrip()
        if stripped.startswith(name) and (len(stripped) == len(name) or not stripped[len(name)].isalpha()):
            return end + rest.index(name) + len(name), value, currencies[name], "money"
    if word is None:
        return end, value, None, kind
    token = word.group(1)
    if token.rstrip(".") in _MEASURES:
        return word.start(1) + len(token.rstrip(".")), value, token.rstrip("."), "quantity"
    return end, value, _counted_noun(text, end, lang), kind


def _counted_noun(text: str, end: int, lang: str) -> str | None:
    """The noun a figure counts: "1.500 Patente", "15.000 verkaufte Einheiten"."""
    position = end
    for _ in range(3):
        if _STOP_AFTER.match(text, position):
            return None
        word = _WORD_AFTER.match(text, position)
        if word is None or "\n" in text[position : word.start(1)]:
            return None
        token = word.group(1).rstrip(".")
        if lang == "de":
            if token[:1].isupper():
                return token
        elif token.lower() not in _EN_SKIP:
            return token
        position = word.end()
    return None


_EN_SKIP = frozenset(["of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "for", "from", "by", "with", "new", "more", "than", "per", "cent", "each"])


def _currency_before(text: str, start: int, lang: str) -> tuple[str, str] | None:
    before = text[max(0, start - 5) : start]
    stripped = before.rstrip(" \u00a0")
    spacing = before[len(stripped) :]
    for symbol in ("US$", "$", "€", "£", "¥", "EUR", "USD", "CHF", "GBP"):
        if stripped.endswith(symbol) and not stripped[: -len(symbol)][-1:].isalpha():
            code = currency_codes(lang).get(symbol, "USD" if "$" in symbol else symbol)
            return symbol + spacing, code
    return None


def _hedged(text: str, start: int, lang: str) -> bool:
    before = text[max(0, start - 25) : start].rstrip().lower()
    return any(
        before.endswith(hedge) and (len(before) == len(hedge) or not before[-len(hedge) - 1].isalpha())
        for hedge in _HEDGES[lang]
    )


def _plain(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
