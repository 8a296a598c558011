from __future__ import annotations

import json
import re
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

from tui.analysis import analyze
from tui.analysis.numbers import find_numbers, parse_digits

DATA = Path(__file__).parent / "data"


def numbers(text: str, lang: str = "de") -> list[tuple]:
    return [(n.text, n.value, n.unit, n.kind, n.approx) for n in find_numbers(text, lang)]


def only(text: str, lang: str = "de") -> dict:
    [number] = find_numbers(text, lang)
    return {key: value for key, value in number.to_json().items() if value not in (None, False)}


def test_german_thousands_and_hedges_from_the_seed() -> None:
    assert numbers("hat der Hersteller ungefähr 1.500 Patente von Microsoft gekauft") == [
        ("1.500", 1500, "Patente", "cardinal", True)
    ]
    # "Top 5" is a rank, not a count of five things.
    assert numbers(
        "Mit knapp 15.000 verkaufen Einheiten im letzten Quartal unter den Top 5, im Vergleich"
    ) == [
        ("15.000", 15000, "Einheiten", "cardinal", True),
        ("5", 5, None, "ordinal", False),
    ]


def test_number_words_read_only_in_part_get_no_value() -> None:
    """text2num stops inside "einhunderteinstausend" (a misspelling); "vier Millionen" alone would be wrong."""
    [number] = find_numbers("Es waren vier Millionen einhunderteinstausend Stimmen.", "de")
    assert (number.text, number.value) == ("vier Millionen einhunderteinstausend", None)


def test_a_plain_space_groups_thousands() -> None:
    assert numbers("Die Verlagerung von 80 000 Arbeitsplätzen") == [
        ("80 000", 80_000, "Arbeitsplätzen", "cardinal", False)
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
    assert numbers("Kosten von 4,7 Mio. Euro, 8,3 Mrd. Dollar und 3,1 Billionen Won, 1'000 Franken") == [
        ("4,7 Mio. Euro", 4_700_000, "EUR", "money", False),
        ("8,3 Mrd. Dollar", 8_300_000_000, "USD", "money", False),
        ("3,1 Billionen Won", 3_100_000_000_000, "KRW", "money", False),
        ("1'000 Franken", 1000, "CHF", "money", False),
    ]
    assert numbers("a deficit of 4.1 billion", "en") == [
        ("4.1 billion", 4_100_000_000, None, "cardinal", False)
    ]


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        ("Es kamen elf Spieler.", "de", 11, "Spieler"),
        ("Es waren sieben.", "de", 7, None),
        ("Es kamen siebenundvierzig Gäste.", "de", 47, "Gäste"),
        ("Es gibt dreihundertzwölf Fälle.", "de", 312, "Fälle"),
        ("Es kamen dreihunderttausend Besucher.", "de", 300_000, "Besucher"),
        ("Es fehlen vier Millionen Euro.", "de", 4_000_000, "EUR"),
        ("Es kamen fünftausend Fans.", "de", 5000, "Fans"),
        ("Es profitieren eine halbe Million Menschen.", "de", 500_000, "Menschen"),
        ("Es profitieren zweieinhalb Millionen Menschen.", "de", 2_500_000, "Menschen"),
        ("There were thirty-two people.", "en", 32, "people"),
        ("It cost one and a half million dollars.", "en", 1_500_000, "USD"),
        ("Nearly half a million people came.", "en", 500_000, "people"),
    ],
)
def test_number_words(text: str, lang: str, value: int, unit: str | None) -> None:
    number = only(text, lang)
    assert (number["value"], number.get("unit")) == (value, unit)


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value"),
    [
        ("Der Index fiel um -1,4 Prozent.", "de", "-1,4 Prozent", -1.4),
        ("Es waren −8 Grad.", "de", "−8 Grad", -8),  # U+2212 MINUS SIGN
        ("Die Bilanz: minus 250.000 Euro.", "de", "minus 250.000 Euro", -250_000),
        ("Die Rendite war negativ 2 Prozent.", "de", "negativ 2 Prozent", -2),
        ("Es gab ein Minus von 3 Prozent.", "de", "3 Prozent", -3),
        ("Draußen sind minus fünfzehn Grad.", "de", "minus fünfzehn Grad", -15),
        ("It was -3 degrees.", "en", "-3 degrees", -3),
    ],
)
def test_the_sign_is_never_dropped(text: str, lang: str, surface: str, value: float) -> None:
    number = only(text, lang)
    assert (number["text"], number["value"]) == (surface, value)


def test_a_fall_keeps_the_value_positive_and_says_it_is_a_decrease() -> None:
    assert only("Es gab einen Rückgang um 3 %.") | {} == {
        "start": 25, "end": 28, "text": "3 %", "value": 3, "unit": "%", "kind": "percent", "change": "decrease",
    }  # fmt: skip
    assert only("Der Bestand ist um 40 Prozent gewachsen.")["change"] == "increase"
    assert only("Orders fell by 7 percent.", "en")["change"] == "decrease"
    assert "change" not in only("It is up to 30 percent.", "en")


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value"),
    [
        ("Das sagen drei Viertel der Befragten.", "de", "drei Viertel", 0.75),
        ("Der Staat zahlt ein Fünftel.", "de", "ein Fünftel", 0.2),
        ("Der Staat zahlt ein Drittel.", "de", "ein Drittel", 0.333333333333),
        ("Zugestimmt haben ¾ der Gemeinden.", "de", "¾", 0.75),
        ("Gepachtet sind 3/4 der Flächen.", "de", "3/4", 0.75),
        ("Two thirds of residents agree.", "en", "Two thirds", 0.666666666667),
        ("A third of the cost is paid.", "en", "A third", 0.333333333333),
    ],
)
def test_fractions(text: str, lang: str, surface: str, value: float) -> None:
    number = only(text, lang)
    assert (number["text"], number["value"], number["kind"]) == (surface, value, "fraction")


def test_a_third_party_is_an_ordinal_not_a_fraction() -> None:
    assert only("A third party joined.", "en")["kind"] == "ordinal"


@pytest.mark.parametrize(
    ("text", "lang", "surface", "low", "high", "unit"),
    [
        ("Gebaut wird an 5 bis 7 Standorten.", "de", "5 bis 7", 5, 7, "Standorten"),
        (
            "Die Kosten liegen zwischen 5 und 7 Milliarden Euro.",
            "de",
            "5 und 7 Milliarden Euro",
            5e9,
            7e9,
            "EUR",
        ),
        ("Die Rendite liegt bei 5–7 %.", "de", "5–7 %", 5, 7, "%"),
        ("Von 2020 bis 2024 wurde gebaut.", "de", "2020 bis 2024", 2020, 2024, None),
        ("It costs between $5 and $7 billion.", "en", "$5 and $7 billion", 5e9, 7e9, "USD"),
        ("It takes 3 to 4 weeks.", "en", "3 to 4 weeks", 3, 4, "week"),
        (
            "Es kostet zwischen etwa 150 000 und 225 000 Mark.",
            "de",
            "150 000 und 225 000 Mark",
            150_000,
            225_000,
            "DEM",
        ),
    ],
)
def test_ranges_are_one_number_with_low_and_high(
    text: str, lang: str, surface: str, low: float, high: float, unit: str | None
) -> None:
    number = only(text, lang)
    assert (number["text"], number.get("value"), number["low"], number["high"], number.get("unit")) == (
        surface, None, low, high, unit,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang", "qualifier"),
    [
        ("Es kamen knapp 500 Gäste.", "de", "almost"),
        ("Es kamen rund 500 Gäste.", "de", "about"),
        ("Es kamen etwa 500 Gäste.", "de", "about"),
        ("Es kamen ungefähr 500 Gäste.", "de", "about"),
        ("Es kamen fast 500 Gäste.", "de", "almost"),
        ("Es kamen mehr als 500 Gäste.", "de", "more_than"),
        ("Es kamen über 500 Gäste.", "de", "more_than"),
        ("Es kommen bis zu 500 Gäste.", "de", "at_most"),
        ("Es kommen mindestens 500 Gäste.", "de", "at_least"),
        ("Es kommen höchstens 500 Gäste.", "de", "at_most"),
        ("There were about 500 guests.", "en", "about"),
        ("There were nearly 500 guests.", "en", "almost"),
        ("There were more than 500 guests.", "en", "more_than"),
        ("There will be up to 500 guests.", "en", "at_most"),
    ],
)
def test_hedges_set_approx_and_a_qualifier(text: str, lang: str, qualifier: str) -> None:
    number = only(text, lang)
    assert (number["value"], number["approx"], number["qualifier"]) == (500, True, qualifier)


def test_dates_times_scores_years_and_ordinals() -> None:
    found = find_numbers("Am 3. Juni 2014 um 12:30 Uhr, Stichtag 12.06.2014. Seit 2015 gewann man 2:1.", "de")
    assert [(n.text, n.kind, n.value, n.value_iso) for n in found] == [
        ("3. Juni 2014", "date", None, "2014-06-03"),
        ("12:30 Uhr", "time", None, "12:30"),
        ("12.06.2014", "date", None, "2014-06-12"),
        ("2015", "year", 2015, None),
        ("2:1", "score", None, None),
    ]
    assert [
        (n.text, n.value_iso) for n in find_numbers("im Juli 2024 um 14.30 Uhr, am 05.11.2019", "de")
    ] == [
        ("Juli 2024", "2024-07"),
        ("14.30 Uhr", "14:30"),
        ("05.11.2019", "2019-11-05"),
    ]
    assert [(n.text, n.value_iso) for n in find_numbers("Im Jänner 2024 und am 3. März", "de")] == [
        ("Jänner 2024", "2024-01"),  # Austrian month name, from CLDR de_AT
        ("3. März", "--03-03"),  # no year: ISO 8601 without it
    ]
    assert [
        (n.text, n.value_iso)
        for n in find_numbers("On October 3, 2025 at 2:30 pm, 08/16/2000 03:14:14 PM", "en")
    ] == [
        ("October 3, 2025", "2025-10-03"),
        ("2:30 pm", "14:30"),
        ("08/16/2000", "2000-08-16"),
        ("03:14:14 PM", "15:14"),
    ]


def test_news_wire_forms() -> None:
    found = find_numbers(
        "Sperrung 7.00 – 10.00 Uhr, © 1999-2016, Verzögerung 15 Min., seit 2015 Berlin", "de"
    )
    assert [(n.text, n.kind, n.value_iso, n.low, n.high, n.unit) for n in found] == [
        ("7.00", "time", "07:00", None, None, None),
        ("10.00 Uhr", "time", "10:00", None, None, None),
        ("1999-2016", "year", None, 1999, 2016, None),
        ("15 Min.", "quantity", None, None, None, "min"),
        ("2015", "year", None, None, None, None),
    ]
    # Only a noun right after four digits is what they count.
    assert [n.kind for n in find_numbers("noch 1945 aus Anlass der Zerstörung, 2000 Menschen", "de")] == [
        "year", "cardinal",
    ]  # fmt: skip


def test_a_day_month_swap_in_english_is_ambiguous_not_guessed() -> None:
    [number] = find_numbers("It opened on 05/11/2019.", "en")
    assert (number.value_iso, number.ambiguous) == (None, True)
    [number] = find_numbers("It opened on 05/21/2019.", "en")
    assert number.value_iso == "2019-05-21"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Er kam zum 4. Mal, und wieder.", "4."),  # the comma after "Mal" made 0.1 read a cardinal 4
        ("Das Team liegt auf Rang 4 der Tabelle.", "4"),
        ("Er wurde am Ende 3. im Rennen.", "3."),
        ("Die dritte Runde beginnt.", "dritte"),
    ],
)
def test_ordinals(text: str, surface: str) -> None:
    number = only(text)
    assert (number["text"], number["kind"]) == (surface, "ordinal")


def test_a_sentence_final_number_is_not_an_ordinal() -> None:
    assert numbers("Traffic grew since 2015.", "en") == [("2015", 2015, None, "year", False)]
    assert [n.kind for n in find_numbers("Es waren 12. Die Zahl stieg.", "de")] == ["cardinal"]


@pytest.mark.parametrize(
    ("text", "lang", "why"),
    [
        ("Der 1. FC Nürnberg gewann.", "de", "a club's name, not a first place"),
        ("Die Crew von Apollo 13 kehrte zurück.", "de", "a mission's name"),
        ("Das läuft unter Windows 10.", "de", "a product's name"),
        ("Der G20-Gipfel tagte.", "de", "the name of a group of states"),
        ("Der F-35 flog.", "de", "a model's name; the hyphen is no minus"),
        ("Das neue 5G-Netz startet.", "de", "a label glued to its digits"),
        ("Ich suche ein Buch.", "de", "the article ein, not one"),
        ("Eine Anlage steht.", "de", "the article eine"),
        ("Es gab keine Einwände.", "de", "keine is no number"),
        ("Anrufe unter Tel. 030 1234567 bitte.", "de", "a phone number"),
        ("Call +44 20 7946 0958 now.", "en", "a phone number"),
        ("Siehe ISBN 978-3-16-148410-0.", "de", "an ISBN"),
        ("Es gilt Version 2.3.1 der Studie.", "de", "a version"),
        ("Millionen Menschen sahen zu.", "de", "a vague plural, not exactly one million"),
        ("Hundreds of people came; no one left.", "en", "vague plural; no one is a pronoun"),
        ("Call them at 303-832-8160 or 203.961.7523.", "en", "US phone numbers"),
        ("See www.example.com/a?id=34 or mail me@example.com.", "en", "a web address and an e-mail address"),
        ("Open 24/7.", "en", "round the clock, not a fraction"),
        ("Der Sitz ist in 1010 Wien.", "de", "a postal code before a place"),
        ("Der FC Schalke 04 spielte.", "de", "a club's name"),
        ("Der Schnellzug D 1273 fiel aus, auf der A 7 Stau.", "de", "a train's and a motorway's name"),
        ("Die Würde ist zu achten.", "de", "achten is the verb here, not the eighth"),
    ],
)
def test_not_numbers(text: str, lang: str, why: str) -> None:
    assert find_numbers(text, lang) == [], why


def test_ambiguous_grouping_gets_no_value_unless_the_context_proves_one() -> None:
    [number] = find_numbers("Es kostet 1,500 Euro.", "de")
    assert (number.value, number.ambiguous) == (None, True)
    [number] = find_numbers("It costs 1.500 euros.", "en")
    assert (number.value, number.ambiguous) == (None, True)
    # A scale word proves the decimal: nobody groups thousands before "Mio.".
    [number] = find_numbers("Es kostet 1,500 Mio. Euro.", "de")
    assert (number.value, number.ambiguous) == (1_500_000, True)
    # The text writes decimals with a comma and never groups with one.
    found = find_numbers("Der Zins liegt bei 3,25 Prozent, der Preis bei 1,500 Euro.", "de")
    assert [(n.text, n.value) for n in found] == [("3,25 Prozent", 3.25), ("1,500 Euro", 1.5)]


def test_swiss_grouping_and_decimal_point() -> None:
    assert numbers("Es kostet 1'250'000 Franken, die Rendite beträgt 3.5 Prozent.", "de_CH") == [
        ("1'250'000 Franken", 1_250_000, "CHF", "money", False),
        ("3.5 Prozent", 3.5, "%", "percent", False),
    ]


def test_malformed_for_the_locale_gets_no_value() -> None:
    assert parse_digits("1.5", "de") == (None, False)
    assert parse_digits("12.06", "de") == (None, False)


@pytest.mark.parametrize(
    ("digits", "lang", "value"), [("1.500,25", "de", 1500.25), ("1,500.25", "en", 1500.25)]
)
def test_decimal_with_grouping(digits: str, lang: str, value: float) -> None:
    assert float(parse_digits(digits, lang)[0] or 0) == value


@pytest.mark.parametrize("lang", ["de", "en"])
def test_own_article_reference(lang: str) -> None:
    """Every figure of tests/data/numbers.*.txt, in order, with value, unit, kind, approx and the
    extra fields, end to end through the analysis (language detected, default pipeline)."""
    reference = json.loads((DATA / f"numbers.{lang}.json").read_text("utf-8"))
    analysis = analyze((DATA / reference["article"]).read_text("utf-8"))
    assert analysis.lang == lang
    text, found = analysis.text, analysis.numbers
    fields = (
        "text",
        "value",
        "unit",
        "kind",
        "approx",
        "qualifier",
        "low",
        "high",
        "value_iso",
        "change",
        "ambiguous",
    )
    got = [{key: value for key, value in n.to_json().items() if key in fields} for n in found]
    expected = [{key: item.get(key, None if key not in {"approx", "ambiguous"} else False) for key in fields}
                for item in reference["numbers"]]  # fmt: skip
    assert got == expected
    for label in reference["not_numbers"]:
        start = text.index(label)
        assert not [n for n in found if n.start < start + len(label) and start < n.end], label
    assert all(n.value is not None and n.value < 0 for n in found if n.text.startswith(("-", "−", "minus")))


def test_own_article_covers_every_kind_with_enough_figures() -> None:
    german = json.loads((DATA / "numbers.de.json").read_text("utf-8"))["numbers"]
    english = json.loads((DATA / "numbers.en.json").read_text("utf-8"))["numbers"]
    assert len(german) >= 40 and len(english) >= 15
    kinds = {"cardinal", "decimal", "percent", "percentage_points", "money", "quantity", "year", "ordinal",
             "date", "time", "fraction", "score"}  # fmt: skip
    assert {item["kind"] for item in german} == kinds
    assert any("low" in item for item in german) and any("qualifier" in item for item in german)


def test_offsets_slice_the_text() -> None:
    text = (DATA / "numbers.de.txt").read_text("utf-8")
    for number in find_numbers(text, "de"):
        assert text[number.start : number.end] == number.text


# Babel writes at most three decimals by default; those are the numbers it can round-trip.
_amounts = st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False, allow_infinity=False)


@given(value=_amounts, locale=st.sampled_from(["de", "de_CH", "en"]))
def test_babel_formatted_numbers_read_back(value: Decimal, locale: str) -> None:
    written = format_decimal(value, locale=locale)
    sentence = (
        f"Der Wert lag bei {written} im Mittel." if locale != "en" else f"The value was {written} on average."
    )
    [number] = find_numbers(sentence, locale)
    if number.value is None:
        # "1,125" in German may be 1.125 or an English-style 1125: no value rather than a guess.
        assert number.ambiguous and re.fullmatch(r"-?[1-9]\d{0,2}[.,]\d{3}", written), written
    else:
        assert Decimal(str(number.value)) == value, written


@given(value=st.integers(min_value=0, max_value=10**9 - 1), lang=st.sampled_from(["de", "en"]))
def test_integers_written_as_words_read_back(value: int, lang: str) -> None:
    # num2words writes "one million, two hundred ..." with commas, which news prose does not, and
    # 301000 as "dreihunderteinstausend" where German has "dreihunderteintausend".
    words = num2words(value, lang=lang).replace(",", "").replace("einstausend", "eintausend")
    sentence = f"Gezählt wurden {words} Stimmen." if lang == "de" else f"They counted {words} votes."
    [number] = find_numbers(sentence, lang)
    assert number.value == value, words


_PIECES = st.sampled_from(
    ["1", "23", "1.500", "1,5", "3,1", "1'000", "-", "−", "–", "/", ":", ".", ",", " ", " ", "%", "€", "$",
     "minus", "drei", "Viertel", "eine", "halbe", "Million", "Millionen", "Mio.", "zwischen", "und", "bis",
     "rund", "Uhr", "Oktober", "2025", "Prozent", "Euro", "two", "thirds", "of", "a", "third", "million",
     "FC", "Apollo", "Tel.", "ISBN", "0", "12.06.", "²", "¾", "٣", "\n"]
)  # fmt: skip


@given(pieces=st.lists(_PIECES, max_size=30), lang=st.sampled_from(["de", "en", "de_CH"]))
def test_any_text_gives_spans_that_slice_it_and_do_not_overlap(pieces: list[str], lang: str) -> None:
    text = "".join(pieces)
    found = find_numbers(text, lang)
    for number in found:
        assert text[number.start : number.end] == number.text
        assert number.start < number.end
    for before, after in pairwise(found):
        assert before.end <= after.start
