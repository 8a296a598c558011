from __future__ import annotations

import pytest

from tui.analysis.model import Number, Span
from tui.analysis.numbers import find_numbers
from tui.widgets.number_cells import detail_line, format_value, next_sort_key, number_cells, sort_numbers

TEXT = (
    "Am 3. Oktober 2025 wuchs der Umsatz. Er lag bei rund 3,2 Milliarden Euro, zwischen 5 und 7 Prozent "
    "mehr, zum 4. Mal. Es waren −8 Grad und drei Viertel der Anlagen standen still."
)


@pytest.fixture
def found() -> list[Number]:
    return find_numbers(TEXT, "de")


@pytest.mark.parametrize(
    ("locale", "money", "date", "rank"),
    [
        ("de", "3.200.000.000", "03.10.2025", "4."),
        ("en", "3,200,000,000", "Oct 3, 2025", "4th"),
        ("de_CH", "3200000’000", "03.10.2025", "4."),
    ],
)
def test_values_are_written_as_the_reader_writes_them(
    found: list[Number], locale: str, money: str, date: str, rank: str
) -> None:
    by_text = {n.text: n for n in found}
    assert format_value(by_text["3,2 Milliarden Euro"], locale).replace("'", "’") == money
    assert format_value(by_text["3. Oktober 2025"], locale) == date
    assert format_value(by_text["4."], locale) == rank


def test_a_row_has_surface_value_unit_kind_and_qualifier(found: list[Number]) -> None:
    rows = [number_cells(n, "de") for n in found]
    assert rows == [
        ("3. Oktober 2025", "03.10.2025", "", "date", ""),
        ("3,2 Milliarden Euro", "3.200.000.000", "€", "money", "about"),
        ("5 und 7 Prozent", "5–7", "%", "percent", ""),
        ("4.", "4.", "", "ordinal", ""),
        ("−8 Grad", "-8", "°", "quantity", ""),
        ("drei Viertel", "3/4", "Anlagen", "fraction", ""),
    ]


def test_no_value_is_shown_as_such_and_ambiguity_as_a_question() -> None:
    [ambiguous] = find_numbers("Es kostet 1,500 Euro.", "de")
    assert format_value(ambiguous, "de") == "?"
    assert format_value(Number(0, 2, "xx", value=None), "de") == "–"


def test_sorting_by_position_value_and_kind(found: list[Number]) -> None:
    assert [n.text for n in sort_numbers(reversed(found), "position")] == [n.text for n in found]
    assert [n.text for n in sort_numbers(found, "value")] == [
        "−8 Grad", "drei Viertel", "4.", "5 und 7 Prozent", "3,2 Milliarden Euro", "3. Oktober 2025",
    ]  # fmt: skip
    assert [n.kind for n in sort_numbers(found, "kind")] == [
        "date", "fraction", "money", "ordinal", "percent", "quantity",
    ]  # fmt: skip
    assert [next_sort_key(k) for k in ("position", "value", "kind")] == ["value", "kind", "position"]


def test_the_detail_line_is_the_sentence_around_the_figure(found: list[Number]) -> None:
    second = TEXT.index("Er lag")
    sentences = [Span(0, second - 1, TEXT[: second - 1]), Span(second, len(TEXT), TEXT[second:])]
    money = found[1]
    assert detail_line(money, TEXT, sentences, width=500) == TEXT[second:]
    short = detail_line(money, TEXT, sentences, width=40)
    assert "3,2 Milliarden" in short and len(short) <= 42


def test_a_bound_is_shown_as_a_bound_not_as_an_estimate() -> None:
    from tui.store.exchange.markdown import _value
    from tui.widgets.panes import number_rows

    text = (
        "Rund 500 Stellen, mehr als 600 Anträge, knapp 3 Prozent, weniger als 40 Fälle, "
        "mindestens 4,5 Milliarden Euro, bis zu 12 Tage, genau 7 Tore."
    )
    numbers = find_numbers(text, "de")
    assert [row.cells[0].plain for row in number_rows(numbers, "de")] == [
        "≈500",
        ">600",
        "≈3",
        "<40",
        "≥4.500.000.000",
        "≤12",
        "7",
    ]
    assert [_value(number) for number in numbers] == [
        "≈500",
        ">600",
        "≈3",
        "<40",
        "≥4500000000",
        "≤12",
        "7",
    ]


def test_a_score_shows_as_written_and_a_level_is_no_change() -> None:
    numbers = find_numbers(
        "Dortmund verlor 0:3. Der Preis ist auf 3 Prozent gesunken, die Kosten sollen um 2 Prozent sinken. "
        "Bis 2030 steigen die Entgelte. Sie dürften um ein Drittel steigen. Besonders betroffen sind Haushalte.",
        "de",
    )
    assert [(format_value(n, "de"), n.unit, n.change) for n in numbers] == [
        ("0:3", None, None),
        ("3", "%", None),
        ("2", "%", "decrease"),
        ("2030", None, None),
        ("1/3", None, "increase"),
    ]
