"""The pieces of the reader without the whole reader: safe text, value
formatting, highlight layers and their precedence, labels, remembered state."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.style import Style
from textual.app import App, ComposeResult
from textual.binding import Binding

from tui.analysis.model import Number, NumberKind, Quote, QuoteKind, Span
from tui.app import RandnotizApp
from tui.labels import ENTITY_LABELS, LABELS, LEGEND, NUMBER_KINDS, QUOTE_KINDS, entity_component
from tui.paths import STYLES
from tui.safe_text import one_line, safe
from tui.screens.help import HelpScreen, describe_key
from tui.screens.reader import AnalysisFailed, AnalysisProgress, ReaderScreen
from tui.ui_state import UiState, load_state, save_state
from tui.widgets.article_view import GUTTER, ArticleView, Highlight, merge_highlights
from tui.widgets.panes import ItemPane, number_rows, quote_rows
from tui.widgets.search_bar import SearchBar

# -- safe text ------------------------------------------------------------------------


def test_safe_shows_controls_as_visible_characters() -> None:
    assert safe("a\x1b[2Jb\x07\x9b\u202e\tc\n") == "a␛[2Jb␇\ufffd\ufffd c␊"
    assert safe("Zeile\nZeile", keep_newlines=True) == "Zeile\nZeile"
    assert safe("[bold]fett[/]") == "[bold]fett[/]"  # markup is text


@given(st.text())
def test_safe_keeps_offsets_and_lets_no_control_through(text: str) -> None:
    shown = safe(text, keep_newlines=True)
    assert len(shown) == len(text)
    assert all(char == "\n" or not (ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0) for char in shown)
    assert "\u202e" not in shown and "\u2066" not in shown


def test_one_line_collapses_whitespace_and_cuts_with_an_ellipsis() -> None:
    assert one_line("  Hugo\n\tBarra  sagte ") == "Hugo Barra sagte"
    assert one_line("Smartphonemarkt", 6) == "Smart…"
    assert one_line("Markt", 5) == "Markt"
    assert one_line("a\x1bb") == "a␛b"


@given(st.text(), st.integers(min_value=1, max_value=40))
def test_one_line_is_one_line_within_the_limit(text: str, limit: int) -> None:
    line = one_line(text, limit)
    assert "\n" not in line and len(line) <= limit
    assert line == line.strip()


# -- numbers pane -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "shown"),
    [("de", ["≈15.000", "1,5", "?", "2014"]), ("en", ["≈15,000", "1.5", "?", "2014"])],
)
def test_number_rows_show_values_as_the_reader_writes_them(locale: str, shown: list[str]) -> None:
    numbers = [
        Number(0, 11, "rund 15.000", value=15000, approx=True, qualifier="about"),
        Number(20, 23, "1,5", value=1.5, kind="decimal"),
        Number(30, 35, "1,500", value=None, ambiguous=True),
        Number(40, 44, "2014", value=2014, kind="year"),
    ]
    rows = list(number_rows(numbers, locale))
    assert [row.cells[0].plain for row in rows] == shown
    assert [row.cells[2].plain for row in rows] == ["cardinal", "decimal", "cardinal", "year"]
    assert rows[0].cells[3].plain == "about" and rows[0].cells[4].plain == "rund 15.000"
    by_value = [row.span.text for row in number_rows(numbers, locale, sort="value")]
    assert by_value == ["1,5", "2014", "rund 15.000", "1,500"]  # no value: last


def test_quote_rows_name_the_speaker_and_leave_titles_out() -> None:
    barra = Span(40, 50, "Hugo Barra")
    quotes = [
        Quote(0, 10, "Wir kommen", speaker=Span(12, 14, "er"), speaker_name="Hugo Barra"),
        Quote(20, 26, "Tatort", kind="title"),
        Quote(30, 38, "Ja, gern", speaker=barra),
        Quote(60, 70, "Nie wieder", kind="indirect", speaker=Span(72, 100, "eine Sprecherin des Umweltamts")),
        Quote(80, 90, "Vielleicht", speaker=barra),
    ]
    assert [row.cells[1].plain for row in quote_rows(quotes)] == [
        "Hugo Barra", "Hugo Barra", "eine Sprecherin des Umw…", "Hugo Barra",
    ]  # fmt: skip
    grouped = [row.span.text for row in quote_rows(quotes, by_speaker=True)]
    assert grouped == ["Wir kommen", "Ja, gern", "Vielleicht", "Nie wieder"]


def test_a_layer_merges_overlaps_and_drops_empty_highlights() -> None:
    layer = merge_highlights(
        [
            Highlight(10, 40, "article-view--quote"),
            Highlight(20, 50, "article-view--quote"),  # a quote inside a quote
            Highlight(60, 60, "article-view--quote"),
            Highlight(0, 5, "article-view--quote"),
        ]
    )
    assert [(h.start, h.end) for h in layer] == [(0, 5), (10, 50)]
    assert [(h.start, h.end) for h in layer.overlapping(45, 70)] == [(10, 50)]


class _ArticleOnly(App[None]):
    CSS_PATH = STYLES / "randnotiz.tcss"

    def compose(self) -> ComposeResult:
        yield ArticleView("Laut Reuters kostet es 5 Euro.", id="article")


async def test_later_layers_win_where_highlights_overlap() -> None:
    async with _ArticleOnly().run_test(size=(60, 5)) as pilot:
        view = pilot.app.query_one(ArticleView)
        view.set_layer("quote", [Highlight(0, 30, "article-view--quote")])
        view.set_layer("entity", [Highlight(5, 12, "article-view--org")])
        view.set_layer("number", [Highlight(23, 29, "article-view--number")])
        view.set_layer("match", [Highlight(5, 8, "article-view--match")])
        view.set_layer("selection", [Highlight(7, 9, "article-view--selection")])
        await pilot.pause()
        styles: dict[int, Style] = {}
        offset = -GUTTER  # the annotation marks' column comes first
        for segment in view.render_line(0):
            for _ in segment.text:
                styles[offset] = segment.style or Style()
                offset += 1

        def component(name: str) -> Style:
            return view.get_component_rich_style(f"article-view--{name}", partial=True)

        quote, org, match = component("quote"), component("org"), component("match")
        assert styles[0].bgcolor == quote.bgcolor and not styles[0].bold  # "L": the quote only
        assert styles[5].bgcolor == match.bgcolor and styles[5].bold and styles[5].underline  # "R"
        assert styles[7].reverse and styles[7].bgcolor == match.bgcolor  # "u": selected as well
        assert styles[8].reverse and styles[8].bgcolor == quote.bgcolor  # "t": no match there
        assert styles[10].bold and styles[10].underline and not styles[10].reverse
        assert styles[24].italic and styles[24].bold and styles[24].bgcolor == quote.bgcolor
        assert org.bold and org.underline


# -- labels ----------------------------------------------------------------------------


def test_labels_are_the_json_vocabulary() -> None:
    assert [label.name for label in ENTITY_LABELS] == ["PER", "ORG", "LOC", "MISC"]
    # A title in quotation marks is no quote: never highlighted or listed as one.
    assert {label.name for label in QUOTE_KINDS} == set(typing.get_args(QuoteKind)) - {"title"}
    assert {label.name for label in NUMBER_KINDS} == set(typing.get_args(NumberKind))
    assert len(LABELS) == len(ENTITY_LABELS) + len(QUOTE_KINDS) + len(NUMBER_KINDS) + 1  # + mine


def test_every_highlight_has_one_style_and_the_legend_names_each() -> None:
    styles: dict[str, set[str]] = {}
    for label in LABELS.values():
        styles.setdefault(label.component, set()).add(label.style)
    assert all(len(found) == 1 for found in styles.values())
    assert {component for component, _, _ in LEGEND} == set(styles)
    assert entity_component("LOC") == "loc" and entity_component("DATE") is None
    assert entity_component("direct") is None  # a quote kind is no entity


# -- help and remembered state ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("question_mark", "?"),
        ("ctrl+p", "Ctrl+P"),
        ("pagedown", "PgDn"),
        ("G", "G"),
        ("shift+tab", "Shift+Tab"),
        ("right_parenthesis", ")"),
        ("left_parenthesis", "("),
        ("right_curly_bracket", "}"),
        ("left_curly_bracket", "{"),
        ("number_sign", "#"),
        ("at", "@"),
        ("plus", "+"),
        ("delete", "Del"),
        ("escape", "Esc"),
        ("ctrl+pageup", "Ctrl+PgUp"),
    ],
)
def test_keys_are_shown_as_on_the_keyboard(key: str, shown: str) -> None:
    assert describe_key(key) == shown


def test_state_survives_a_round_trip(tmp_path: Path) -> None:
    assert load_state(tmp_path) == UiState()
    state = UiState("textual-light", frozenset({"numbers", "glossary"}))
    save_state(state, tmp_path)
    assert load_state(tmp_path) == state


@pytest.mark.parametrize("content", ["{", "[]", '{"theme": 3, "hidden_panes": "quotes"}', "\udcff"])
def test_a_broken_state_file_means_the_defaults(tmp_path: Path, content: str) -> None:
    (tmp_path / "state.json").write_text(content, "utf-8", errors="surrogateescape")
    assert load_state(tmp_path) == UiState()


def test_a_state_folder_that_cannot_be_written_is_ignored(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    save_state(UiState("textual-light"), blocker / "randnotiz")  # no exception
    assert blocker.read_text() == "not a folder"


# -- messages and bindings -----------------------------------------------------------------


def test_a_progress_report_replaces_a_pending_one_only() -> None:
    assert AnalysisProgress(0.5).can_replace(AnalysisProgress(0.25))
    assert not AnalysisProgress(0.5).can_replace(AnalysisFailed("no model"))
    assert not AnalysisFailed("no model").can_replace(AnalysisProgress(0.25))


def test_every_binding_has_its_own_id() -> None:
    """A later keymap rebinds keys by these ids."""
    owners = (RandnotizApp, ReaderScreen, ArticleView, ItemPane, SearchBar, HelpScreen)
    bindings = [binding for owner in owners for binding in owner.BINDINGS]
    assert all(isinstance(binding, Binding) and binding.id for binding in bindings)
    ids = [binding.id for binding in bindings if isinstance(binding, Binding)]
    assert len(ids) == len(set(ids)) > 25
