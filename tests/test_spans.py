"""The one span index: exact answers on nested, touching and disjoint spans,
and agreement with a brute-force scan on any spans (hypothesis)."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from tui.analysis.spans import SpanIndex
from tui.sources import Document, document_id


@dataclass(frozen=True)
class Item:
    start: int
    end: int


QUOTE = Item(10, 40)
NESTED = Item(20, 30)
ENTITY = Item(45, 50)
TOUCHING = Item(50, 55)
INDEX = SpanIndex([TOUCHING, NESTED, ENTITY, QUOTE])


def test_spans_are_kept_in_start_order() -> None:
    assert list(INDEX) == [QUOTE, NESTED, ENTITY, TOUCHING]


def test_at_returns_the_innermost_span() -> None:
    assert INDEX.at(25) == NESTED
    assert INDEX.at(15) == QUOTE
    assert INDEX.at(40) is None  # end is exclusive
    assert INDEX.at(50) == TOUCHING
    assert INDEX.at(5) is None


def test_overlapping_and_containing() -> None:
    assert INDEX.overlapping(35, 46) == [QUOTE, ENTITY]
    assert INDEX.overlapping(40, 45) == []
    assert INDEX.containing(21, 29) == NESTED
    assert INDEX.containing(15, 35) == QUOTE
    assert INDEX.containing(35, 46) is None


def test_stepping_forwards_and_backwards() -> None:
    assert INDEX.next_after(10) == NESTED
    assert INDEX.next_after(50) is None
    assert INDEX.previous_before(45) == NESTED
    assert INDEX.previous_before(10) is None
    assert INDEX.index_of(ENTITY) == 2


spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda pair: Item(pair[0], pair[0] + pair[1])),
    max_size=25,
)


@given(spans, st.integers(0, 80), st.integers(0, 10))
def test_queries_agree_with_a_scan(items: list[Item], start: int, length: int) -> None:
    index = SpanIndex(items)
    end = start + length
    scan_end = max(end, start + 1)
    expected = sorted(
        (i for i in items if i.start < scan_end and i.end > start), key=lambda i: (i.start, -i.end)
    )
    assert index.overlapping(start, end) == expected
    covering = [i for i in items if i.start <= start and i.end >= scan_end]
    best = index.containing(start, end)
    assert (best is None) == (not covering)
    if best is not None:
        assert best.end - best.start == min(i.end - i.start for i in covering)


def test_document_id_is_stable_and_follows_the_text() -> None:
    text = "Xiaomi will in die USA.\n"
    # Pinned: the id must not change between runs, machines or releases.
    assert document_id(text) == "36f8f624bb19a777acc767cf25cf3c59"
    assert Document(text, "a.txt", "a").id == Document(text, "-", "b").id == document_id(text)
    assert document_id(text + " ") != document_id(text)
