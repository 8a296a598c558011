import pytest

from tui.analysis.numbers import find_numbers, parse_digits


def numbers(text: str, lang: str = "de") -> list[tuple]:
    return [(n.text, n.value, n.unit, n.kind, n.approx) for n in find_numbers(text, lang)]


def test_german_thousands_and_hedges_from_the_seed() -> None:
    assert numbers("hat der Hersteller ungefähr 1.500 Patente von Microsoft gekauft") == [
        ("1.500", 1500, "Patente", "cardinal", True)
    ]
    assert numbers(
        "Mit knapp 15.000 verkaufen Einheiten im letzten Quartal unter den Top 5, im Vergleich"
    ) == [
        ("15.000", 15000, "Einheiten", "cardinal", True),
        ("5", 5, None, "cardinal", False),
    ]


def test_english_grouping() -> None:
    assert numbers("The town has 384,122 residents.", "en") == [
        ("384,122", 384122, "residents", "cardinal", False)
    ]


def test_percent_points_money_and_scale_words() -> None:
    assert numbers(
        "Der Umsatz stieg um 5 Prozent auf rund 3,2 Milliarden Euro, der Anteil um 2 Prozentpunkte."
    ) == [
        ("5 Prozent", 5, "%", "percent", False),
        ("3,2 Milliarden Euro", 3_200_000_000, "EUR", "money", True),
        ("2 Prozentpunkte", 2, "pp", "percentage_points", False),
    ]
    assert numbers("It raised $5 million and 3.5% more.", "en") == [
        ("$5 million", 5_000_000, "USD", "money", False),
        ("3.5%", 3.5, "%", "percent", False),
    ]


def test_dates_times_years_and_ordinals() -> None:
    assert numbers("Am 3. Juni 2014 um 12:30 Uhr, Stichtag 12.06.2014.") == [
        ("3.", 3, None, "ordinal", False),
        ("2014", 2014, None, "year", False),
        ("12:30", None, None, "time", False),
        ("12.06.2014", None, None, "date", False),
    ]


def test_a_sentence_final_number_is_not_an_ordinal_in_english() -> None:
    assert numbers("Traffic grew since 2015.", "en") == [("2015", 2015, None, "year", False)]


def test_ambiguous_grouping_is_flagged_not_silently_misread() -> None:
    [number] = find_numbers("Es kostet 1,500 Euro.", "de")
    assert (number.value, number.ambiguous) == (1.5, True)
    [number] = find_numbers("It costs 1.500 euros.", "en")
    assert (number.value, number.ambiguous) == (1.5, True)


def test_malformed_for_the_locale_gets_no_value() -> None:
    assert parse_digits("1.5", "de") == (None, False)
    assert parse_digits("12.06", "de") == (None, False)


@pytest.mark.parametrize(
    ("digits", "lang", "value"), [("1.500,25", "de", 1500.25), ("1,500.25", "en", 1500.25)]
)
def test_decimal_with_grouping(digits: str, lang: str, value: float) -> None:
    assert float(parse_digits(digits, lang)[0]) == value
