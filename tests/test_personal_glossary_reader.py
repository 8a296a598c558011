"""The reader's own glossary in the reader, keys as a reader presses them: a
term added in one article is highlighted in the next and says where else it
was seen, also after a restart; and the glossary pane filters, sorts and groups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tui.analysis.model import Analysis, Entity, GlossaryEntry, Span
from tui.app import RandnotizApp
from tui.screens.reader import ReaderScreen
from tui.sources import open_source
from tui.store import SQLiteStore
from tui.store.personal_glossary import new_entry
from tui.widgets.article_view import Highlight
from tui.widgets.legend import Legend
from tui.widgets.panes import GlossaryPane

from .fake_service import FakeAnalysisService
from .recorded import recorded
from .ui import analysed, make_app

SIZE = (140, 40)
ARTICLE_A = "Strompreise: Netzentgelt und Umlagen\n\nDie Netzentgelte steigen 2025 um ein Fünftel.\n"
ARTICLE_B = "Netzausbau im Norden\n\nWer zahlt die Netzentgelten? Die IEA rechnet mit mehr.\n"
MINE = "article-view--mine"


def reader_on(path: Path, store: Path) -> RandnotizApp:
    """The reader on the article file at ``path``, opened as the CLI opens it."""
    document = open_source(str(path))
    iea = document.text.find("IEA")
    entities = (Entity(iea, iea + 3, "IEA", label="ORG"),) if iea >= 0 else ()
    glossary = tuple(GlossaryEntry(e.text, e.label, (Span(e.start, e.end, e.text),)) for e in entities)
    analysis = Analysis(document.text, "de", "test", entities=entities, glossary=glossary)
    app = RandnotizApp(document, service=FakeAnalysisService([analysis]), store=SQLiteStore(store))
    app.animation_level = "none"
    return app


async def ready(pilot: Pilot[Any]) -> ReaderScreen:
    """The reader once the analysis and the search for the reader's own terms are done."""
    screen = await analysed(pilot)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen


def detail(screen: ReaderScreen) -> str:
    return str(screen.query_one("#detail").render())


async def test_a_term_added_in_one_article_is_found_in_the_next_and_after_a_restart(tmp_path: Path) -> None:
    store = tmp_path / "annotations.sqlite3"
    a, b = tmp_path / "strompreise.txt", tmp_path / "netzausbau.txt"
    a.write_text(ARTICLE_A, "utf-8")
    b.write_text(ARTICLE_B, "utf-8")
    async with reader_on(a, store).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("w", "w", "plus")  # the caret past the colon, on Netzentgelt
        assert pilot.app.screen.query_one("#personal-term", Input).value == "Netzentgelt"
        await pilot.press(*"Gebühr fürs Netz", "ctrl+s")
        await ready(pilot)
        found = [ARTICLE_A[h.start : h.end] for h in screen.article.highlights("mine")]
        assert found == ["Netzentgelt", "Netzentgelte"]
        await pilot.press("q")
    async with reader_on(b, store).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        start = ARTICLE_B.index("Netzentgelten")
        assert screen.article.highlights("mine") == [Highlight(start, start + 13, MINE)]
        assert screen.query_one(Legend).personal
        pane = screen.query_one(GlossaryPane)
        assert [(item.name, item.note, item.group) for item in pane.shown] == [
            ("IEA", "", "ORG"),
            ("Netzentgelt", "Gebühr fürs Netz", "mine"),
        ]
        pane.focus()
        await pilot.press("up", "down")  # the row of the personal entry shows its mention
        assert screen.selection == (start, start + 13)
        assert detail(screen) == (
            "mine: Netzentgelt · 1 mention · also in: Strompreise: Netzentgelt und Umlagen — Gebühr fürs Netz"
        )
    async with reader_on(b, store).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert screen.article.highlights("mine") == [Highlight(start, start + 13, MINE)]
        # Line 2 of the text (after the title and a blank line), past the border and the gutter.
        column = start - ARTICLE_B.index("Wer")
        await pilot.click("#article", offset=(column + 2 + 1, 1 + 2))
        assert screen.selection == (start, start + 13)
        assert "also in: Strompreise: Netzentgelt und Umlagen" in detail(screen)


async def test_editing_from_the_pane_then_deleting_and_undoing(tmp_path: Path) -> None:
    store = tmp_path / "annotations.sqlite3"
    b = tmp_path / "netzausbau.txt"
    b.write_text(ARTICLE_B, "utf-8")
    async with reader_on(b, store).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        pane = screen.query_one(GlossaryPane)
        pane.focus()
        await pilot.press("plus")  # the row under the cursor: IEA
        dialog = pilot.app.screen
        assert dialog.query_one("#personal-term", Input).value == "IEA"
        await pilot.press(*"Internationale Energieagentur", "tab", *"Energie, Paris", "enter")
        await ready(pilot)
        assert [(i.name, i.group) for i in pane.shown] == [("IEA", "ORG"), ("IEA", "mine")]
        # The entity keeps its style; the term of my glossary adds its own.
        iea = ARTICLE_B.index("IEA")
        assert screen.article.highlights("mine") == [Highlight(iea, iea + 3, MINE)]
        assert [h.component for h in screen.article.highlights("entity")] == ["article-view--org"]
        await pilot.press("down", "plus")  # the personal row: its entry is edited, not doubled
        assert pilot.app.screen.query_one("#personal-note", TextArea).text == "Internationale Energieagentur"
        await pilot.press("escape")
        await pilot.press("x")
        await ready(pilot)
        assert [i.group for i in pane.shown] == ["ORG"] and screen.article.highlights("mine") == []
        await pilot.press("u")
        await ready(pilot)
        assert screen.session is not None
        (entry,) = screen.session.store.personal_entries()
        assert (entry.term, entry.tags) == ("IEA", ("Energie", "Paris"))
        assert [i.group for i in pane.shown] == ["ORG", "mine"]


async def test_the_glossary_pane_filters_sorts_and_groups() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        pane = screen.query_one(GlossaryPane)
        glossary = recorded("xiaomi-usa.de").glossary
        pane.focus()
        await pilot.pause()
        # The help lists the pane's keys where they work, and + everywhere in the reader.
        assert isinstance(pilot.app, RandnotizApp)
        keys = {row.description: row.keys for row in pilot.app.help_rows()}
        assert keys["Add to my glossary"] == ("plus",)
        assert {"Filter the glossary", "Sort: first mention, frequency, name", "Group by type"} <= keys.keys()
        await pilot.press("f", *"bar")
        assert [i.name for i in pane.shown] == ["Hugo Barra"]
        assert pane.border_subtitle == f"1 of {len(glossary)}"
        await pilot.press("enter", "enter")  # back to the rows; enter jumps to the first mention
        assert pilot.app.focused is pane
        assert screen.selection == (glossary[6].start, glossary[6].end)
        await pilot.press("f", "escape")  # Esc clears the filter
        assert len(pane.shown) == len(glossary) and pilot.app.focused is pane
        await pilot.press("s")
        assert pane.border_title == "Glossary by first mention"
        assert [i.name for i in pane.shown][:3] == ["Smartphones", "Xiaomi", "Huawei"]
        await pilot.press("s")
        assert pane.border_title == "Glossary by frequency"
        counts = [len(i.mentions) for i in pane.shown]
        assert counts == sorted(counts, reverse=True) and pane.shown[0].name == "Xiaomi"
        await pilot.press("s")
        names = [i.name for i in pane.shown]
        assert pane.border_title == "Glossary by name" and names == sorted(names, key=str.casefold)
        await pilot.press("T")
        assert pane.border_title == "Glossary by name, by type"
        groups = [i.group for i in pane.shown]
        assert groups == sorted(groups, key=["PER", "ORG", "LOC", "MISC", "term"].index)
        assert [i.name for i in pane.shown if i.group == "LOC"] == ["Amerika", "China", "Indien", "USA"]
        await pilot.press("s")
        assert pane.border_title == "Glossary, by type"


def test_the_glossary_pane_with_an_entry_of_my_own(snap_compare, tmp_path: Path) -> None:
    text = recorded("xiaomi-usa.de").text
    store = SQLiteStore(tmp_path / "annotations.sqlite3")
    entry = new_entry("Patent", "Schutzrecht auf eine Erfindung", ["Recht"])
    store.save_personal_entry(entry)
    store.remember_document("elsewhere", "Huawei klagt gegen Samsung", None)
    store.record_sightings("elsewhere", {entry.id: 2})

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press("tab", "tab", "tab", "f", *"pat", "enter", "down", "down")
        await pilot.pause()

    assert text.count("Patent") >= 1
    assert snap_compare(make_app(store=store), terminal_size=SIZE, run_before=run_before)


async def test_a_key_term_added_to_my_glossary_is_one_row_mine(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "annotations.sqlite3")
    async with make_app(store=store).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        pane = screen.query_one(GlossaryPane)
        pane.focus()
        await pilot.press("f", *"zubehör", "enter")
        assert [(i.name, i.label) for i in pane.shown] == [("Zubehörprodukte", "TERM")]
        await pilot.press("plus", *"Kabel, Hüllen", "ctrl+s")
        await ready(pilot)
        assert [(i.name, i.group, i.note, len(i.mentions)) for i in pane.shown] == [
            ("Zubehörprodukte", "mine", "Kabel, Hüllen", 1)
        ]


async def test_plus_on_a_match_inside_a_word_adds_the_whole_word(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "annotations.sqlite3")
    async with make_app(store=store).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"Zubehör", "enter")
        start = screen.document.text.index("Zubehörprodukte")
        assert screen.selection == (start, start + len("Zubehör"))
        await pilot.press("plus")
        term = pilot.app.screen.query_one("#personal-term", Input)
        assert term.value == "Zubehörprodukte"
        # A term cut back to part of a word is saved, and the reader told it has no row here.
        await pilot.press("shift+tab", *["backspace"] * len("produkte"), "ctrl+s")
        await ready(pilot)
        assert screen.session is not None
        assert [e.term for e in screen.session.store.personal_entries()] == ["Zubehör"]
        assert "“Zubehör” is not in this article as a whole word: no row for it here" in [
            n.message for n in pilot.app._notifications
        ]
