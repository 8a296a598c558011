"""The Annotations pane: filter as you type, orphans last, and every key
reports what the reader asked for."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Input

from tui.app import RandnotizApp
from tui.screens.help import HelpScreen
from tui.store import AnnotationSession, SQLiteStore
from tui.store.model import Annotation, EntityCorrection, TextQuote
from tui.widgets.annotations_pane import AnnotationsPane, describe, matches

from .recorded import recorded
from .ui import analysed, document, make_app, screen_lines


def annotation(id: str, start: int, text: str, **fields) -> Annotation:
    return Annotation(id, "doc", start, start + len(text), TextQuote(text), **fields)


BARRA = annotation("a1", 120, "Hugo Barra", tags=("prüfen",), note="Vizepräsident bis 2017?")
PATENTS = annotation("a2", 40, "1.500 Patente", tags=("Zahl", "prüfen"))
GONE = annotation("a3", 10, "ein gestrichener Satz", note="war falsch", state="orphan")
XIAOMI = annotation("a4", 0, "Xiaomi", entity=EntityCorrection("ORG"))


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[object] = []

    def compose(self) -> ComposeResult:
        yield AnnotationsPane(id="annotations")

    def on_mount(self) -> None:
        self.query_one(AnnotationsPane).show([BARRA, GONE, PATENTS, XIAOMI])

    def on_annotations_pane_chosen(self, message: AnnotationsPane.Chosen) -> None:
        self.messages.append(message)

    def on_annotations_pane_delete_requested(self, message: AnnotationsPane.DeleteRequested) -> None:
        self.messages.append(message)

    def on_annotations_pane_edit_requested(self, message: AnnotationsPane.EditRequested) -> None:
        self.messages.append(message)


def test_a_query_matches_tag_prefixes_words_and_notes() -> None:
    assert matches(BARRA, "#prü") and matches(BARRA, "barra") and matches(BARRA, "2017")
    assert not matches(XIAOMI, "prüfen")
    assert describe(XIAOMI) == "→ ORG"
    assert describe(BARRA) == "Vizepräsident bis 2017?"


async def test_rows_in_text_order_with_orphans_last_and_filtering() -> None:
    app = Host()
    async with app.run_test() as pilot:
        pane = app.query_one(AnnotationsPane)
        assert [a.id for a in pane.shown] == ["a4", "a2", "a1", "a3"]
        assert pane.border_title == "Annotations 4"
        app.query_one(DataTable).focus()
        await pilot.press("f", *"prü")
        assert [a.id for a in pane.shown] == ["a2", "a1"]
        assert pane.border_title == "Annotations 2 of 4"
        await pilot.press("enter", "down", "enter")  # to the table, second row, choose it
        await pilot.pause()
        assert app.messages == [AnnotationsPane.Chosen("a1")]


async def test_delete_and_edit_report_the_row_under_the_cursor() -> None:
    app = Host()
    async with app.run_test() as pilot:
        app.query_one(DataTable).focus()
        await pilot.press("down", "x", "a")
        await pilot.pause()
        assert app.messages == [AnnotationsPane.DeleteRequested("a2"), AnnotationsPane.EditRequested("a2")]


async def test_the_cursor_stays_on_its_annotation_when_rows_change() -> None:
    app = Host()
    async with app.run_test() as pilot:
        pane = app.query_one(AnnotationsPane)
        app.query_one(DataTable).focus()
        await pilot.press("down", "down")
        assert pane.current_id == "a1"
        pane.show([BARRA, PATENTS, XIAOMI, annotation("a5", 60, "Indien")])
        await pilot.pause()
        assert pane.current_id == "a1"


QUOTE = annotation(
    "a5",
    300,
    "„Wir wollen in den nächsten Jahren auch in den USA eine wichtige Rolle spielen“, sagte Barra",
    tags=("Zitat",),
    note="belegt?",
)


class NarrowHost(App[None]):
    """The pane as wide as beside the article at 140 columns, after a line to Tab from."""

    CSS = "AnnotationsPane { width: 46; }"

    def compose(self) -> ComposeResult:
        yield Input(id="before")
        yield AnnotationsPane(id="annotations")

    def on_mount(self) -> None:
        self.query_one(AnnotationsPane).show([BARRA, QUOTE])


async def test_a_long_span_is_cut_so_that_tags_and_note_stay_in_view() -> None:
    async with NarrowHost().run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        lines = [line[:46] for line in screen_lines(pilot)]
        row = next(line for line in lines if "„Wir" in line)
        assert "Zitat" in row and "belegt?" in row
        assert "…" in row and "Barra" not in row
        header = next(line for line in lines if "Text" in line)
        assert "Tags" in header and "Note" in header


async def test_tab_lands_on_the_rows_and_only_f_opens_the_filter() -> None:
    async with NarrowHost().run_test(size=(60, 12)) as pilot:
        app = pilot.app
        await pilot.press("tab")
        assert app.focused is app.query_one(DataTable)
        await pilot.press("f", *"zit")
        assert app.focused is app.query_one("#annotations-filter")
        assert [a.id for a in app.query_one(AnnotationsPane).shown] == ["a5"]
        await pilot.press("enter")  # back to the rows; Tab leaves the pane, Shift+Tab skips the filter
        assert app.focused is app.query_one(DataTable)
        await pilot.press("shift+tab", "tab")
        assert app.focused is app.query_one(DataTable)


async def test_question_mark_on_the_rows_shows_the_pane_keys(tmp_path: Path) -> None:
    text = recorded("xiaomi-usa.de").text
    store = SQLiteStore(tmp_path / "annotations.sqlite3")
    barra = text.index("Hugo Barra war")
    AnnotationSession.open(store, document(text)).add(barra, barra + 10, tags=("Person",))
    async with make_app(store=store).run_test(size=(140, 40)) as pilot:
        screen = await analysed(pilot)
        await pilot.press("tab", "tab", "tab", "tab")  # article → quotes → numbers → glossary → annotations
        assert pilot.app.focused is screen.query_one("#annotations-table", DataTable)
        await pilot.press("question_mark")
        assert screen.query_one("#annotations-filter", Input).value == ""
        assert isinstance(pilot.app.screen, HelpScreen)
        assert isinstance(pilot.app, RandnotizApp)
        await pilot.press("escape")
        keys = {row.description: row.keys for row in pilot.app.help_rows()}
        assert keys["Filter annotations"] == ("f",)


async def test_escape_in_the_filter_clears_it_and_goes_back_to_the_rows() -> None:
    async with NarrowHost().run_test(size=(60, 12)) as pilot:
        app = pilot.app
        pane = app.query_one(AnnotationsPane)
        await pilot.press("tab", "f", *"zit")
        assert len(pane.shown) == 1
        await pilot.press("escape")
        assert app.query_one("#annotations-filter", Input).value == ""
        assert app.focused is app.query_one(DataTable) and len(pane.shown) == 2
        # On the rows Esc is not the pane's: it goes on to the screen (the reader's Esc).
        escape = app.screen.active_bindings.get("escape")
        assert escape is None or escape.node is not pane


async def test_the_reader_answers_each_key_of_the_pane(tmp_path: Path) -> None:
    # Choose, edit and delete reach the reader (it handles the pane's messages by name).
    from tui.screens.annotation_dialogs import NoteDialog

    text = recorded("xiaomi-usa.de").text
    store = SQLiteStore(tmp_path / "annotations.sqlite3")
    barra = text.index("Hugo Barra war")
    AnnotationSession.open(store, document(text)).add(barra, barra + 10, note="Vizepräsident")
    async with make_app(store=store).run_test(size=(140, 40)) as pilot:
        screen = await analysed(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "enter")  # to the annotations, choose the row
        assert screen.selection == (barra, barra + 10)
        await pilot.press("a")
        assert isinstance(pilot.app.screen, NoteDialog)
        await pilot.press("escape", "x")
        await pilot.pause()
        assert screen.session is not None and screen.session.annotations == []
