"""Caret motions and selections on real article text: exact offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui import caret
from tui.caret import Caret

TEXT = (
    "Xiaomi will in die USA. Das sagte Hugo Barra am Montag.\n"
    "Der Konzern verkaufte knapp 15.000 Geräte!\n"
    "\n"
    "„Wir kommen“, sagte er."
)


def offset_of(word: str) -> int:
    return TEXT.index(word)


def test_words_forward_and_back() -> None:
    assert caret.next_word(TEXT, 0) == offset_of("will")
    assert caret.next_word(TEXT, offset_of("USA")) == offset_of(". Das")
    assert caret.next_word(TEXT, offset_of("15.000")) == offset_of(".000")
    assert caret.previous_word(TEXT, offset_of("will")) == 0
    assert caret.previous_word(TEXT, offset_of("ill")) == offset_of("will")  # inside a word: its start
    assert caret.next_word(TEXT, len(TEXT) - 1) == len(TEXT) - 1


def test_a_selection_grows_to_word_ends() -> None:
    hugo = offset_of("Hugo")
    assert caret.word_end(TEXT, hugo) == hugo + len("Hugo") - 1  # the end of this word
    assert caret.word_end(TEXT, hugo + 3) == offset_of("Barra") + len("Barra") - 1  # from its end: the next's
    selected = Caret(hugo).start_selection().moved(TEXT, caret.word_end(TEXT, hugo))
    assert TEXT[slice(*selected.span)] == "Hugo"
    assert caret.word_end(TEXT, len(TEXT) - 1) == len(TEXT) - 1


def test_characters_skip_the_line_ends_a_reader_cannot_see() -> None:
    end_of_first = offset_of("Montag.") + len("Montag.") - 1
    assert caret.next_char(TEXT, end_of_first) == offset_of("Der Konzern")
    assert caret.previous_char(TEXT, offset_of("Der Konzern")) == end_of_first
    assert caret.previous_char(TEXT, 0) == 0


def test_sentences_by_punctuation_or_by_the_analysis() -> None:
    assert caret.next_sentence(TEXT, 0) == offset_of("Das sagte")
    assert caret.next_sentence(TEXT, offset_of("Das")) == offset_of("Der Konzern")
    assert caret.previous_sentence(TEXT, offset_of("Barra")) == offset_of("Das sagte")
    # The analysis knows better where sentences start than punctuation does.
    assert caret.next_sentence(TEXT, 0, starts=[0, offset_of("Der Konzern")]) == offset_of("Der Konzern")


def test_paragraphs_skip_blank_lines() -> None:
    assert caret.next_paragraph(TEXT, 5) == offset_of("Der Konzern")
    assert caret.next_paragraph(TEXT, offset_of("Der Konzern")) == offset_of("„Wir")
    assert caret.previous_paragraph(TEXT, offset_of("„Wir")) == offset_of("Der Konzern")
    assert caret.previous_paragraph(TEXT, 3) == 0


def test_a_selection_covers_both_ends_whichever_way_it_grows() -> None:
    start = Caret(offset_of("Hugo")).start_selection()
    forward = start.moved(TEXT, offset_of("Barra") + 4)
    assert TEXT[slice(*forward.span)] == "Hugo Barra"
    backward = Caret(offset_of("Barra") + 4).start_selection().moved(TEXT, offset_of("Hugo"))
    assert backward.span == forward.span
    assert forward.cancel().span == (forward.offset, forward.offset + 1)


def test_selecting_an_item_puts_the_caret_on_its_last_character() -> None:
    selected = Caret().select(TEXT, offset_of("Hugo"), offset_of("Hugo") + len("Hugo Barra"))
    assert TEXT[slice(*selected.span)] == "Hugo Barra" and selected.selecting


def test_trimmed_drops_edge_whitespace_only() -> None:
    start = offset_of(" Hugo")
    assert TEXT[slice(*caret.trimmed(TEXT, start, start + 12))] == "Hugo Barra"


motions = st.sampled_from(
    [
        caret.next_char,
        caret.previous_char,
        caret.next_word,
        caret.word_end,
        caret.previous_word,
        caret.next_sentence,
        caret.previous_sentence,
        caret.next_paragraph,
        caret.previous_paragraph,
    ]
)


@given(st.text(min_size=1, max_size=200), st.integers(0, 199), st.lists(motions, max_size=20))
def test_every_motion_stays_on_a_character(text: str, start: int, steps: list[caret.Motion]) -> None:
    offset = caret.clamp(text, start)
    for motion in steps:
        offset = motion(text, offset)
        assert 0 <= offset < len(text)
