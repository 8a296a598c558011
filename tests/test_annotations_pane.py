"""The Annotations pane: filter as you type, orphans last, and every key
reports what the reader asked for."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from tui.store.model import Annotation, EntityCorrection, TextQuote
from tui.widgets.annotations_pane import AnnotationsPane, describe, matches


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
