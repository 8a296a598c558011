"""Annotating with the keyboard (and the mouse): caret, visual selection,
tags, notes, entity corrections, speakers, undo; all of it back after a
restart, and on an edited article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tui.analysis.model import Analysis
from tui.annotating import whole_words
from tui.screens.reader import ReaderScreen
from tui.store import AnnotationSession, SQLiteStore
from tui.widgets.annotations_pane import AnnotationsPane
from tui.widgets.panes import QuotesPane

from .recorded import recorded
from .ui import analysed, gutter, make_app

SIZE = (140, 40)
PHRASE = "chinesische Smartphone Hersteller"


async def reader_with_annotations(pilot: Pilot[Any]) -> ReaderScreen:
    screen = await analysed(pilot)
    await pilot.pause()  # the store opens after the first paint
    return screen


def session_of(screen: ReaderScreen) -> AnnotationSession:
    assert screen.session is not None
    return screen.session


def analysis_of(screen: ReaderScreen) -> Analysis:
    assert screen.analysis is not None
    return screen.analysis


def visual_text(screen: ReaderScreen) -> str:
    assert screen.caret.selecting
    start, end = screen.caret.span
    return screen.document.text[start:end]


async def test_select_tag_note_and_correct_then_find_it_all_after_a_restart(tmp_path: Path) -> None:
    store = tmp_path / "annotations.sqlite3"
    async with make_app(store=SQLiteStore(store)).run_test(size=SIZE) as pilot:
        screen = await reader_with_annotations(pilot)
        await pilot.press("w", "v", "w", "w", "w")  # each w to the end of a word
        assert visual_text(screen) == PHRASE
        await pilot.press("number_sign", *"prüfen", "enter")
        await pilot.press("a", *"Bindestrich fehlt", "ctrl+s")
        await pilot.press("escape", "e")  # the first entity: Xiaomi, an organisation
        await pilot.press("L", "down", "enter")  # the dialog starts on ORG: one down is MISC
        await pilot.pause()
        assert [(e.text, e.label) for e in analysis_of(screen).entities if e.start == 38] == [
            ("Xiaomi", "MISC")
        ]
        pane = screen.query_one(AnnotationsPane)
        assert pane.display and [a.text for a in pane.shown] == [PHRASE, "Xiaomi"]
        await pilot.press("q")
    async with make_app(store=SQLiteStore(store)).run_test(size=SIZE) as pilot:
        screen = await reader_with_annotations(pilot)
        session = screen.session
        assert session is not None
        phrase, xiaomi = session.annotations
        assert (phrase.text, phrase.tags, phrase.note) == (PHRASE, ("prüfen",), "Bindestrich fehlt")
        assert xiaomi.entity is not None and xiaomi.entity.label == "MISC"
        # The correction is what the reader sees: in the text and in the glossary.
        assert [(e.text, e.label) for e in analysis_of(screen).entities if e.start == 38] == [
            ("Xiaomi", "MISC")
        ]
        assert gutter(screen.article).startswith("▍")


async def test_undo_and_redo_an_annotation(tmp_path: Path) -> None:
    async with make_app(store=SQLiteStore(tmp_path / "a.sqlite3")).run_test(size=SIZE) as pilot:
        screen = await reader_with_annotations(pilot)
        await pilot.press("w", "a", *"Welcher Hersteller?", "ctrl+s")
        assert [a.text for a in session_of(screen).annotations] == ["chinesische"]
        await pilot.press("u")
        assert session_of(screen).annotations == []
        assert not screen.query_one(AnnotationsPane).display  # nothing left to list
        await pilot.press("ctrl+r")
        assert [a.note for a in session_of(screen).annotations] == ["Welcher Hersteller?"]
        await pilot.press("x")  # the annotation under the caret
        assert session_of(screen).annotations == []


async def test_removing_a_false_entity_and_naming_a_speaker(tmp_path: Path) -> None:
    async with make_app(store=SQLiteStore(tmp_path / "a.sqlite3")).run_test(size=SIZE) as pilot:
        screen = await reader_with_annotations(pilot)

        def xiaomi_mentions() -> int:
            return sum(
                len(entry.mentions) for entry in analysis_of(screen).glossary if entry.name == "Xiaomi"
            )

        before = xiaomi_mentions()
        await pilot.press("e", "L", "down", "down", "enter")  # Xiaomi: "not an entity"
        assert not [e for e in analysis_of(screen).entities if e.start == 38]
        assert xiaomi_mentions() == before - 1  # the glossary follows the correction
        await pilot.press("escape", "c")  # the first quote
        quote = screen.reading.selection
        assert quote is not None
        await pilot.press("at", "ctrl+u", *"Hugo Barra", "enter")
        await pilot.pause()
        changed = [q for q in analysis_of(screen).quotes if q.start == quote.start]
        assert changed and changed[0].speaker is not None and changed[0].speaker.text == "Hugo Barra"
        # What the reader sees says so at once: the detail line and the quote's row.
        assert "speaker: Hugo Barra" in str(screen.query_one("#detail").render())
        pane = screen.query_one(QuotesPane)
        row = pane.row_containing(quote.start, quote.end)
        assert row is not None and "Hugo Barra" in [str(cell) for cell in pane.get_row_at(row)]


async def test_the_detail_line_follows_a_label_correction(tmp_path: Path) -> None:
    async with make_app(store=SQLiteStore(tmp_path / "a.sqlite3")).run_test(size=SIZE) as pilot:
        screen = await reader_with_annotations(pilot)
        await pilot.press("e", "e")
        assert str(screen.query_one("#detail").render()).startswith("ORG Huawei")
        await pilot.press("L", "down", "enter")  # from ORG to MISC
        await pilot.pause()
        assert str(screen.query_one("#detail").render()).startswith("MISC Huawei")


async def test_a_mouse_drag_selects_and_y_copies(tmp_path: Path) -> None:
    async with make_app(store=SQLiteStore(tmp_path / "a.sqlite3")).run_test(size=SIZE) as pilot:
        screen = await reader_with_annotations(pilot)
        # Row 0 of the article, after the border and the gutter: "Der chinesische ..."
        await pilot.mouse_down("#article", offset=(1 + 1 + 4, 1))
        await pilot.hover("#article", offset=(1 + 1 + 14, 1))
        await pilot.mouse_up("#article", offset=(1 + 1 + 14, 1))
        assert visual_text(screen) == "chinesische"
        await pilot.press("y")
        assert pilot.app.clipboard == "chinesische"


async def test_annotations_of_an_edited_article_move_with_their_words(tmp_path: Path) -> None:
    store = tmp_path / "a.sqlite3"
    text = recorded("xiaomi-usa.de").text
    async with make_app(store=SQLiteStore(store)).run_test(size=SIZE) as pilot:
        await reader_with_annotations(pilot)
        await pilot.press("w", "v", "w", "w", "w", "a", *"Notiz", "ctrl+s")
    edited = "Eilmeldung vorweg.\n" + text.replace("möchte bald expandieren", "will bald wachsen")
    async with make_app(text=edited, store=SQLiteStore(store)).run_test(size=SIZE) as pilot:
        screen = await reader_with_annotations(pilot)
        (moved,) = session_of(screen).annotations
        assert edited[moved.start : moved.end] == PHRASE and moved.note == "Notiz"


def test_a_match_inside_a_word_widens_to_the_whole_word() -> None:
    text = "Zwar liefert Xiaomi bereits viele Zubehörprodukte nach Amerika aus."
    start = text.index("Zubehör")
    assert whole_words(text, start, start + 7) == (start, start + len("Zubehörprodukte"))
    produkte = text.index("produkte")
    assert whole_words(text, produkte, produkte + 3) == (start, start + len("Zubehörprodukte"))
    xiaomi = text.index("Xiaomi")
    assert whole_words(text, xiaomi, xiaomi + 6) == (xiaomi, xiaomi + 6)  # already whole: unchanged
    assert whole_words(text, xiaomi - 1, xiaomi + 14) == (xiaomi - 1, text.index(" viele"))
