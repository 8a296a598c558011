"""The reading state without a terminal: stepping, mentions, search, the
item under a click and the detail line, on a recorded analysis."""

from __future__ import annotations

import pytest

from tui.analysis.model import Analysis, Entity, GlossaryEntry, Number, Quote, Span
from tui.reading import Reading

from .recorded import recorded


@pytest.fixture
def reading() -> Reading:
    analysis = recorded("xiaomi-usa.de")
    state = Reading(analysis.text)
    state.set_analysis(analysis)
    return state


def texts(spans: list[Span | None]) -> list[str | None]:
    return [span.text if span is not None else None for span in spans]


def test_stepping_forward_and_back_wraps_at_the_ends(reading: Reading) -> None:
    assert reading.analysis is not None
    numbers = reading.analysis.numbers
    assert reading.step_item("numbers", True, -1) == Span(numbers[0].start, numbers[0].end, "1.500")
    visited = [reading.step_item("numbers", True, reading.anchor(0)) for _ in range(3)]
    assert texts(visited) == ["15.000", "5", "1.500"]  # around to the first
    back = reading.step_item("numbers", False, reading.anchor(0))
    assert back is not None and back.text == "5"  # and back to the last


def test_the_anchor_is_the_selection_or_just_above_the_view(reading: Reading) -> None:
    assert reading.anchor(500) == 499
    reading.select(10, 20)
    assert reading.anchor(500) == 10
    reading.clear_selection()
    assert reading.anchor(0) == -1


def test_nothing_to_step_through(reading: Reading) -> None:
    empty = Reading("Kein Name hier.")
    assert empty.step_item("entities", True, 0) is None  # no analysis yet
    empty.set_analysis(Analysis("Kein Name hier.", "de", "test"))
    assert empty.step_item("quotes", False, 0) is None and empty.selection is None


def test_mentions_of_the_selected_entity_then_of_the_fallback(reading: Reading) -> None:
    assert reading.analysis is not None
    barra = next(e for e in reading.analysis.glossary if e.name == "Hugo Barra")
    reading.select(barra.mentions[1].start, barra.mentions[1].end)
    step = reading.step_mention(True, reading.anchor(0))
    assert step == barra.mentions[2]
    reading.clear_selection()
    apple = next(e for e in reading.analysis.glossary if e.name == "Apple")
    assert reading.step_mention(True, -1, fallback=apple.mentions) == apple.mentions[0]
    assert reading.step_mention(True, reading.anchor(0)) == apple.mentions[1]
    reading.clear_selection()
    assert reading.step_mention(True, -1) is None


def test_entry_of_a_span_is_exact(reading: Reading) -> None:
    assert reading.analysis is not None
    xiaomi = reading.analysis.glossary[0]
    assert reading.entry_of(xiaomi.mentions[3]) is xiaomi
    first = xiaomi.mentions[0]
    assert reading.entry_of(Span(first.start, first.end - 1, first.text[:-1])) is None


def test_item_at_prefers_entities_then_numbers_then_quotes() -> None:
    text = "Laut Reuters kostet es 5 Euro, sagte Barra."
    quote = Quote(0, 29, text[:29], kind="indirect")
    entity = Entity(5, 12, "Reuters", label="ORG")
    number = Number(23, 29, "5 Euro", value=5, unit="EUR", kind="money")
    state = Reading(text)
    state.set_analysis(Analysis(text, "de", "test", entities=(entity,), quotes=(quote,), numbers=(number,)))
    assert state.item_at(6) == entity
    assert state.item_at(24) == number
    assert state.item_at(0) == quote
    assert state.item_at(40) is None


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("barra", ["Barra"] * 5),
        ("u.s.", ["U.S."]),  # "." is a character, not any character
        ("(Quelle", ["(Quelle"]),  # an unbalanced bracket is no error
        ("a+b", []),
        ("  ", []),
        ("zu erwarten", ["zu erwarten"]),  # in the last line
    ],
)
def test_search_is_literal_and_case_insensitive(reading: Reading, query: str, found: list[str]) -> None:
    assert reading.find(query) == len(found)
    assert [match.text for match in reading.matches] == found


def test_match_position_counts_from_one(reading: Reading) -> None:
    reading.find("Barra")
    assert reading.match_position() is None
    reading.step_match(True, -1)
    reading.step_match(True, reading.anchor(0))
    assert reading.match_position() == (2, 5)
    reading.step_match(False, reading.anchor(0))
    reading.step_match(False, reading.anchor(0))
    assert reading.match_position() == (5, 5)
    reading.clear_search()
    assert reading.match_position() is None


def test_detail_of_a_quote_names_speaker_cue_and_source() -> None:
    text = "Laut Reuters sagte Barra: „Wir kommen.“ (Quelle: Reuters)"
    quote = Quote(
        27,
        38,
        "Wir kommen.",
        kind="direct",
        speaker=Span(19, 24, "Barra"),
        cue=Span(13, 18, "sagte"),
    )
    analysis = Analysis(
        text,
        "de",
        "test",
        sentences=(Span(0, len(text), text),),
        quotes=(quote,),
        sources=(Span(5, 12, "Reuters"), Span(49, 56, "Reuters")),
    )
    state = Reading(text)
    state.set_analysis(analysis)
    state.select(quote.start, quote.end)
    assert state.detail() == "direct quote · speaker: Barra · cue: sagte · source: Reuters — Wir kommen."


def test_detail_of_a_number_is_its_sentence_and_of_an_entity_its_mentions(reading: Reading) -> None:
    assert reading.analysis is not None
    number = reading.analysis.numbers[2]
    reading.select(number.start, number.end)
    # "unter den Top 5" is a rank (issue 10), not a count.
    assert reading.detail().startswith("ordinal 5 — Mit knapp 15.000 verkaufen Einheiten")
    apple = next(e for e in reading.analysis.glossary if e.name == "Apple")
    reading.select(apple.mentions[1].start, apple.mentions[1].end)
    assert reading.detail() == "ORG Apple · mention 2 of 2 — Apple"
    reading.select(0, 3)
    assert reading.detail() == ""


def test_detail_of_a_glossary_entry_lists_each_form_once() -> None:
    text = "Hugo Barra kam. Barra ging. Barra blieb."
    mentions = (Span(0, 10, "Hugo Barra"), Span(16, 21, "Barra"), Span(28, 33, "Barra"))
    state = Reading(text)
    state.set_analysis(Analysis(text, "de", "test", glossary=(GlossaryEntry("Hugo Barra", "PER", mentions),)))
    state.select(16, 21)
    assert state.detail() == "PER Hugo Barra · mention 2 of 3 — Hugo Barra, Barra"
    state.select(0, 4)  # not a whole mention: what the entry is, not where
    assert state.detail() == ""
