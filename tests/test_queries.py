"""Queries on an analysis: what is under an offset, which glossary entry a
mention belongs to. Built by hand from a real sentence, so no model is involved."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from tui.analysis.entities import with_aliases
from tui.analysis.model import Analysis, Entity, GlossaryEntry, Number, Quote, Span

TEXT = "„Wir kommen nach Indien“, sagte Hugo Barra. Xiaomi zahlt 1.500 Euro, sagte Barra."


def span(text: str, occurrence: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return start, start + len(text), text


INDIEN = Entity(*span("Indien"), label="LOC")
HUGO_BARRA = Entity(*span("Hugo Barra"), label="PER")
XIAOMI = Entity(*span("Xiaomi"), label="ORG")
BARRA = Entity(*span("Barra", 1), label="PER", origin="alias")
QUOTE = Quote(*span("Wir kommen nach Indien"), kind="direct", speaker=Span(*span("Hugo Barra")))
MONEY = Number(*span("1.500 Euro"), value=1500, unit="EUR", kind="money")
ANALYSIS = Analysis(
    TEXT,
    "de",
    "test",
    entities=(INDIEN, HUGO_BARRA, XIAOMI, BARRA),
    quotes=(QUOTE,),
    numbers=(MONEY,),
    glossary=(
        GlossaryEntry("Hugo Barra", "PER", (Span(*span("Hugo Barra")), Span(*span("Barra", 1)))),
        GlossaryEntry("Indien", "LOC", (Span(*span("Indien")),)),
        GlossaryEntry("Xiaomi", "ORG", (Span(*span("Xiaomi")),)),
    ),
)


def test_item_at_finds_the_entity_inside_a_quote_and_the_quote_around_it() -> None:
    assert ANALYSIS.item_at(INDIEN.start) == INDIEN
    assert ANALYSIS.item_at(INDIEN.end - 1) == INDIEN
    assert ANALYSIS.item_at(INDIEN.end) is None  # the closing mark is not part of the quote
    assert ANALYSIS.item_at(span("kommen")[0]) == QUOTE
    assert ANALYSIS.item_at(span("Euro")[0]) == MONEY
    assert ANALYSIS.item_at(span("zahlt")[0]) is None
    assert ANALYSIS.item_at(len(TEXT)) is None


def test_entry_of_a_mention_is_its_glossary_entry() -> None:
    barra = ANALYSIS.glossary[0]
    assert ANALYSIS.entry_of(BARRA) is barra
    assert ANALYSIS.entry_of(HUGO_BARRA) is barra
    assert ANALYSIS.entry_of(XIAOMI) is ANALYSIS.glossary[2]
    assert ANALYSIS.entry_of(Span(HUGO_BARRA.start, HUGO_BARRA.end - 1, "Hugo Barr")) is None
    assert ANALYSIS.entry_of(QUOTE) is None


def test_queries_leave_equality_and_pickling_alone() -> None:
    ANALYSIS.item_at(0)
    copy = pickle.loads(pickle.dumps(ANALYSIS))
    assert copy == ANALYSIS
    assert copy.item_at(INDIEN.start) == INDIEN


@given(st.integers(min_value=-1, max_value=len(TEXT) + 1))
def test_item_at_is_the_innermost_item_of_the_first_kind_that_has_one(offset: int) -> None:
    found = ANALYSIS.item_at(offset)
    for kind in (ANALYSIS.entities, ANALYSIS.numbers, ANALYSIS.quotes):
        covering = [item for item in kind if item.start <= offset < item.end]
        if covering:
            assert found == min(covering, key=lambda item: item.end - item.start)
            return
    assert found is None


def test_aliases_never_land_inside_a_longer_entity() -> None:
    text = "Ich sah das iPhone Barra Edition und Hugo Barra."
    edition = Entity(12, 32, "iPhone Barra Edition", "MISC")
    iphone = Entity(12, 18, "iPhone", "MISC")  # nested: a model and a rule disagreeing
    person = Entity(37, 47, "Hugo Barra", "PER")
    found = with_aliases(text, [edition, iphone, person])
    assert [entity for entity in found if entity.origin == "alias"] == []  # not the "Barra" at 19
