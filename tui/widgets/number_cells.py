"""What the numbers pane shows for each figure, as pure functions (Babel and the model only).

The pane shows a row per figure (surface, value in the reader's locale, unit,
kind, qualifier), sorts rows by position, value or kind, and shows the
sentence around the selected figure in a detail line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Literal

from tui.analysis.model import Number, Span
from tui.i18n import _

SortKey = Literal["position", "value", "kind"]
SORT_KEYS: tuple[SortKey, ...] = ("position", "value", "kind")

# The JSON's qualifier names as the interface says them.
QUALIFIER_LABELS = {
    "about": _("about"),
    "almost": _("almost"),
    "more_than": _("more than"),
    "less_than": _("less than"),
    "at_least": _("at least"),
    "at_most": _("at most"),
}
# Shown where a figure has no value: unreadable, or ambiguous and not settled by the text.
NO_VALUE = "–"
AMBIGUOUS = "?"


def number_cells(number: Number, locale: str) -> tuple[str, str, str, str, str]:
    """(surface, value, unit, kind, qualifier) for one row of the pane."""
    qualifier = QUALIFIER_LABELS.get(number.qualifier or "", "")
    if number.change is not None:
        qualifier = f"{qualifier}, {number.change}" if qualifier else number.change
    return (
        " ".join(number.text.split()),
        format_value(number, locale),
        _unit_label(number, locale),
        number.kind,  # as the JSON names it: one vocabulary (tui.labels)
        qualifier,
    )


def format_value(number: Number, locale: str) -> str:
    """The value as the reader writes numbers: ``1.500`` (de), ``1,500`` (en), ``1’500`` (de_CH);
    a range as ``5–7``, a date in the locale's medium format, a time as ``14:30``, a score as ``0:3``,
    a fraction as ``1/3``."""
    if number.low is not None and number.high is not None:
        return f"{_decimal(number.low, locale)}–{_decimal(number.high, locale)}"
    if number.kind == "date" and number.value_iso:
        return _date(number.value_iso, locale)
    if number.kind == "time" and number.value_iso:
        return number.value_iso
    if number.kind == "score":
        return "".join(number.text.split())  # "0:3": a result has no single value
    if number.kind == "fraction" and number.value is not None and (common := _common_fraction(number.value)):
        return common
    if number.value is None:
        return AMBIGUOUS if number.ambiguous else NO_VALUE
    if number.kind == "ordinal":
        return _ordinal(int(number.value), locale)
    if number.kind == "year":
        return str(int(number.value))  # 2014, never 2.014
    return _decimal(number.value, locale)


def sort_numbers(numbers: Iterable[Number], key: SortKey) -> list[Number]:
    """Rows in the order asked for; figures without a value sort last, ranges by their low end."""
    rows = sorted(numbers, key=lambda number: number.start)
    if key == "value":
        return sorted(rows, key=_value_key)
    if key == "kind":
        return sorted(rows, key=lambda number: number.kind)
    return rows


def next_sort_key(key: SortKey) -> SortKey:
    """The sort after ``key``, for a key that cycles through them."""
    return SORT_KEYS[(SORT_KEYS.index(key) + 1) % len(SORT_KEYS)]


def detail_line(number: Number, text: str, sentences: Sequence[Span], width: int = 160) -> str:
    """The sentence around ``number`` on one line, cut around the figure to ``width`` characters."""
    sentence = next((s for s in sentences if s.start <= number.start < s.end), None)
    start, end = (
        (sentence.start, sentence.end) if sentence else (number.start - width // 2, number.end + width // 2)
    )
    start, end = max(0, start), min(len(text), end)
    if end - start > width:
        start = max(start, min(number.start - width // 3, end - width))
        end = min(end, start + width)
    line = " ".join(text[start:end].split())
    prefix = "…" if sentence is None or start > sentence.start else ""
    suffix = "…" if sentence is None or end < sentence.end else ""
    return f"{prefix}{line}{suffix}"


# Babel is imported where a figure is first formatted, not with the reader:
# its import is a tenth of a second the first paint need not wait for.


def _common_fraction(value: float) -> str | None:
    """ "1/3" for "ein Drittel" (0.333333333333), "3/4" for "drei Viertel"; None for other values."""
    from fractions import Fraction

    common = Fraction(value).limit_denominator(100)
    if common.denominator == 1 or abs(float(common) - value) > 1e-9:
        return None
    return f"{common.numerator}/{common.denominator}"


def _decimal(value: float, locale: str) -> str:
    from babel.numbers import format_decimal

    # Decimal(str()) keeps what the analysis found (0.333333333333) instead of Babel's three places.
    return format_decimal(Decimal(str(value)), locale=locale, decimal_quantization=False)


def _unit_label(number: Number, locale: str) -> str:
    if number.kind == "money" and number.unit:
        from babel.numbers import get_currency_symbol

        return get_currency_symbol(number.unit, locale=locale)
    return number.unit or ""


def _ordinal(value: int, locale: str) -> str:
    if not locale.startswith("en"):
        return f"{value}."
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def _date(value_iso: str, locale: str) -> str:
    from babel.dates import format_date

    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value_iso):
        return format_date(date.fromisoformat(value_iso), format="medium", locale=locale)
    return value_iso  # "2024-07", "--10-03": as precise as the text


def _value_key(number: Number) -> tuple[bool, float]:
    value = number.value if number.value is not None else number.low
    return (value is None, float(value) if value is not None else 0.0)
