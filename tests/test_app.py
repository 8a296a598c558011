"""The reader driven by real key presses through Textual's Pilot.

Most tests run on recorded analyses (tests/data/recorded, see
tests/record_analyses.py), so they are fast and no retrained model changes
them; the end-to-end tests at the top start the real analysis process.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from textual.command import CommandInput, CommandPalette
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import DataTable, ProgressBar

from tui.analysis.model import Analysis, GlossaryEntry, Span
from tui.analysis_service import start_service
from tui.app import RandnotizApp
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.ui_state import load_state
from tui.widgets.article_view import ArticleView
from tui.widgets.panes import GlossaryPane, NumbersPane, QuotesPane, number_rows
from tui.widgets.search_bar import SearchBar

from .fake_service import FakeAnalysisService
from .recorded import recorded
from .samples import HOSTILE
from .ui import (
    analysed,
    article_lines,
    article_on_screen,
    document,
    make_app,
    reader,
    screen_lines,
    selected_text,
    visible_text,
)

SIZE = (140, 40)


# -- end to end, with the analysis process ------------------------------------------


async def test_text_shows_at_once_and_the_real_analysis_fills_the_panes() -> None:
    text = recorded("xiaomi-usa.de").text
    # As the CLI starts it: the process is spawned by the reader, after its first paint.
    service = start_service(document(text), None, None, deferred=True)
    app = RandnotizApp(document(text), service=service)
    async with app.run_test(size=SIZE) as pilot:
        view = pilot.app.screen.query_one(ArticleView)
        assert "Der chinesische Smartphone Hersteller Xiaomi" in visible_text(view)
        screen = await analysed(pilot)
        assert screen.analysis is not None
        assert screen.query_one(QuotesPane).row_count == len(screen.analysis.quotes) > 0
        assert screen.query_one(GlossaryPane).row_count == len(screen.analysis.glossary) > 0


async def test_a_missing_model_is_reported_in_the_reader() -> None:
    text = recorded("xiaomi-usa.de").text
    service = start_service(document(text), "de", "de_core_news_missing")
    async with make_app(service=service, text=text).run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        status = str(screen.query_one("#status").render())
        assert status.startswith("Analysis failed: no spaCy pipeline 'de_core_news_missing'")
        assert screen.analysis is None
        assert "Xiaomi" in visible_text(screen.query_one(ArticleView))  # the text stays readable


# -- on recorded analyses ------------------------------------------------------------------


async def test_the_analysis_process_starts_after_the_text_is_painted(monkeypatch) -> None:
    events: list[str] = []
    paint = ArticleView.render_line

    def render_line(view: ArticleView, y: int) -> Strip:
        events.append("painted")
        return paint(view, y)

    class Service(FakeAnalysisService):
        def start(self) -> None:
            events.append("started")
            super().start()

    monkeypatch.setattr(ArticleView, "render_line", render_line)
    analysis = recorded("xiaomi-usa.de")
    async with make_app(service=Service([analysis])).run_test(size=SIZE) as pilot:
        await analysed(pilot)
    assert "started" in events and "painted" in events[: events.index("started")]


async def test_jump_to_quotes_numbers_and_entities_with_keys() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        assert screen.analysis is not None
        quotes = screen.analysis.quotes
        await pilot.press("c")
        assert screen.selection == (quotes[0].start, quotes[0].end)
        await pilot.press(*"cccc")
        assert selected_text(screen) == quotes[4].text
        assert screen.query_one(QuotesPane).cursor_row == 4
        await pilot.press("d")
        assert selected_text(screen) == "1.500"
        await pilot.press("d", "D")
        assert selected_text(screen) == "1.500"
        await pilot.press("e")
        assert selected_text(screen) == "Microsoft"
        await pilot.press("C")
        assert selected_text(screen) == quotes[6].text  # the last quote before "1.500"


async def test_next_mention_walks_through_one_entity() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        assert screen.analysis is not None
        await pilot.press("e")
        assert selected_text(screen) == "Xiaomi"
        await pilot.press("m")
        first = screen.analysis.glossary[0].mentions
        assert screen.selection == (first[1].start, first[1].end)
        await pilot.press("M", "M")  # back to the first, then around to the last
        assert screen.selection == (first[-1].start, first[-1].end)


async def test_stepping_wraps_around_at_both_ends() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        assert screen.analysis is not None
        numbers = screen.analysis.numbers
        await pilot.press("D")  # nothing selected, at the top: the last number
        assert screen.selection == (numbers[-1].start, numbers[-1].end)
        await pilot.press("d")
        assert screen.selection == (numbers[0].start, numbers[0].end)


async def test_search_finds_and_cycles_matches() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        await pilot.press("slash", *"barra", "enter")
        assert len(screen.reading.matches) == 5
        assert selected_text(screen) == "Barra"
        assert str(screen.query_one("#status").render()) == "Match 1 of 5"
        first = screen.selection
        assert first is not None
        await pilot.press("n")
        assert screen.selection is not None and screen.selection > first
        assert str(screen.query_one("#status").render()) == "Match 2 of 5"
        await pilot.press("N")
        assert screen.selection == first
        await pilot.press("escape")
        assert not len(screen.reading.matches) and screen.selection is None


async def test_search_edge_cases_no_match_regex_characters_last_line() -> None:
    async with make_app().run_test(size=(100, 20)) as pilot:
        screen = await analysed(pilot)
        await pilot.press("slash", *"Zeppelin", "enter")
        assert not len(screen.reading.matches) and screen.selection is None
        assert [n.message for n in pilot.app._notifications] == ["Not found: Zeppelin"]
        # The counter of the search before goes with its matches.
        await pilot.press("slash", *"Barra", "enter", "n")
        assert str(screen.query_one("#status").render()) == "Match 2 of 5"
        await pilot.press("slash", *"zzzqq", "enter")
        assert not len(screen.reading.matches)
        assert str(screen.query_one("#status").render()) == screen.reading.summary()
        assert pilot.app.focused is screen.article
        await pilot.press("slash", *"u.s.", "enter")
        assert [m.text for m in screen.reading.matches] == ["U.S."]  # not "uns " or "us, "
        await pilot.press("slash", *"(q", "enter")
        assert [m.text for m in screen.reading.matches] == ["(Q"]  # "(Quelle: Bloomberg)"
        await pilot.press("slash", *"erwarten", "enter")  # in the last line
        assert selected_text(screen) == "erwarten"
        assert any("zu erwarten." in line for line in screen_lines(pilot))


async def test_escape_in_the_search_bar_closes_it_and_keeps_the_selection() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        await pilot.press("c", "slash")
        search = screen.query_one(SearchBar)
        assert search.display and pilot.app.focused is not screen.article
        await pilot.press("escape")
        assert not search.display and pilot.app.focused is screen.article
        assert screen.selection is not None


async def test_toggle_panes_and_focus_cycle() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        quotes = screen.query_one(QuotesPane)
        await pilot.press("1")
        assert not quotes.display
        await pilot.press("2", "3")
        assert not screen.query_one("#panes").display
        assert screen.article.size.width > 130
        await pilot.press("1")
        assert quotes.display
        await pilot.press("tab")
        assert pilot.app.focused is quotes


async def test_s_in_the_numbers_pane_sorts_its_rows_by_value() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        numbers = screen.query_one(NumbersPane)
        await pilot.press("tab", "tab", "s")
        assert pilot.app.focused is numbers and numbers.order == "value"
        assert screen.analysis is not None
        by_value = [row.span for row in number_rows(screen.analysis.numbers, "en", sort="value")]
        assert [numbers.row_span(index) for index in range(numbers.row_count)] == by_value
        assert by_value != [row.span for row in number_rows(screen.analysis.numbers, "en")]


async def test_choosing_a_row_in_a_pane_marks_it_in_the_text() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        await pilot.press("3")  # hide glossary, then focus the numbers pane
        await pilot.press("tab", "tab", "down")
        assert pilot.app.focused is screen.query_one(NumbersPane)
        assert selected_text(screen) == "15.000"


async def test_clicking_a_pane_row_selects_its_item() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        # Row 3 of the numbers pane: border and header above it.
        await pilot.click(NumbersPane, offset=(3, 1 + 1 + 2))
        assert selected_text(screen) == "5"
        assert screen.query_one(NumbersPane).cursor_row == 2


async def test_scrolling_moves_the_pane_cursors() -> None:
    async with make_app().run_test(size=(120, 20)) as pilot:
        screen = await analysed(pilot)
        assert screen.analysis is not None
        numbers = screen.query_one(NumbersPane)
        assert numbers.cursor_row == 0
        await pilot.press("G")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        start, _ = screen.article.visible_range
        first_visible = next(i for i, n in enumerate(screen.analysis.numbers) if n.start >= start)
        assert numbers.cursor_row == first_visible > 0


async def test_help_lists_the_active_keys_and_they_do_what_it_says() -> None:
    """Each key is taken from the help table, pressed in the reader, and its
    effect compared with the description next to it."""
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        assert screen.analysis is not None
        await pilot.press("question_mark")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = {row.description: row.keys for row in help_screen._rows}
        table = help_screen.query_one("#help-table", DataTable)
        assert table.row_count == len(rows) >= 25
        await pilot.press("escape")
        assert pilot.app.screen is screen
        # The article has focus: its keys are listed, the panes' are not, nor sideways
        # scrolling, which a wrapped text has no use for.
        assert "Line down" in rows and "Next row" not in rows
        assert not {"Scroll Left", "Scroll Right", "Page Left", "Page Right"} & set(rows)

        async def press(description: str) -> None:
            await pilot.press(rows[description][0])
            await pilot.wait_for_scheduled_animations()

        await press("Number")
        assert selected_text(screen) == screen.analysis.numbers[0].text
        await press("Entity")
        assert selected_text(screen) == "Microsoft"  # the entity after that number
        await press("Clear search and selection")
        assert screen.selection is None
        await press("Previous quote")
        assert selected_text(screen) == screen.analysis.quotes[-1].text
        await press("Show/hide numbers pane")
        assert not screen.query_one(NumbersPane).display
        await press("Bottom")
        assert screen.article.scroll_y == screen.article.max_scroll_y > 0
        await press("Top")
        assert screen.article.scroll_y == 0
        await press("Line down")
        assert screen.article.scroll_y == 1
        await press("Search")
        assert screen.query_one(SearchBar).display
        await pilot.press("escape")
        await press("Light/dark")
        assert pilot.app.theme == "textual-light"
        await press("Help")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        await press("Quit")
        assert not pilot.app.is_running


async def test_help_in_a_pane_lists_the_pane_keys() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await analysed(pilot)
        await pilot.press("tab", "question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        rows = {(row.description, row.where) for row in pilot.app.screen._rows}
        assert ("Next row", "quotes") in rows and ("Line down", "article") not in rows


async def test_help_names_the_panes_not_their_widgets() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        screen.query_one("#glossary-table").focus()
        await pilot.press("question_mark")
        table = pilot.app.screen.query_one("#help-table", DataTable)
        places = {str(table.get_row_at(row)[2]) for row in range(table.row_count)}
        assert places == {"Glossary pane", "Reader", "Everywhere"}
        keys = {str(table.get_row_at(row)[0]) for row in range(table.row_count)}
        assert "Del x" in keys and "delete x" not in keys


async def test_help_fits_80_columns_and_end_goes_to_the_last_row() -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await analysed(pilot)
        await pilot.press("question_mark")
        table = pilot.app.screen.query_one("#help-table", DataTable)
        await pilot.pause()
        assert table.max_scroll_x == 0  # every column in view, none cut
        assert table.region.right <= 80
        for key, row in (("end", table.row_count - 1), ("home", 0), ("G", table.row_count - 1), ("g", 0)):
            await pilot.press(key)
            assert (table.cursor_row, table.scroll_x) == (row, 0), key
        rows = {
            str(table.get_row_at(row)[1]): str(table.get_row_at(row)[0]) for row in range(table.row_count)
        }
        assert rows["Quit"] == "Ctrl+Q q"  # Textual's Ctrl+Q on the row of q, not a row of its own
        assert rows["Caret to the next sentence"] == ")"
        assert rows["Tags"] == "#"


@pytest.mark.parametrize(
    ("size", "footer", "legend"),
    [
        (
            (80, 24),
            "? Help q Quit e Entity c Quote d Number m Mention / Search",
            "PER    ORG    LOC    MISC    quote    number",
        ),
        (
            SIZE,
            " ? Help  q Quit  e Entity  c Quote  d Number  m Mention  / Search  v Select  a Note  t Light/dark",
            "PER  person   ORG  organisation   LOC  place   MISC  other name   quote    number",
        ),
    ],
    ids=["80x24", "140x40"],
)
async def test_help_quit_and_the_legend_stay_whole_in_a_narrow_terminal(
    size: tuple[int, int], footer: str, legend: str
) -> None:
    async with make_app().run_test(size=size) as pilot:
        await analysed(pilot)
        await pilot.pause()
        lines = screen_lines(pilot)
        assert lines[-1].startswith(footer)
        assert lines[-1].rstrip().endswith("▏^p Command palette")
        assert lines[0].rstrip().endswith(legend)


async def test_theme_toggle_and_quit() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        assert pilot.app.theme == "textual-dark"
        await pilot.press("t")
        assert pilot.app.theme == "textual-light"
        await pilot.press("q")
        assert not pilot.app.is_running


async def test_theme_and_hidden_panes_are_remembered_between_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RANDNOTIZ_DATA_DIR", str(tmp_path))
    async with make_app().run_test(size=SIZE) as pilot:
        await analysed(pilot)
        await pilot.press("t", "2")
    assert load_state(tmp_path).theme == "textual-light"
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        assert pilot.app.theme == "textual-light"
        assert not screen.query_one(NumbersPane).display and screen.query_one(QuotesPane).display
    async with make_app(theme="textual-dark").run_test(size=SIZE) as pilot:
        assert pilot.app.theme == "textual-dark"  # a theme given on the command line wins


async def test_markup_and_escape_sequences_are_shown_as_text() -> None:
    async with make_app("hostile").run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        assert screen.analysis is not None and screen.analysis.text == HOSTILE
        view = screen.article
        shown = visible_text(view)
        assert "[bold red]fett[/]" in shown and "[link=https://evil.example]Link[/link]" in shown
        assert "␛[2J␛]52;c;ZXZpbA==␇" in shown
        for line in range(view.line_count):
            for segment in view.render_line(line):
                assert not any(ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 for char in segment.text)
                assert "\u202e" not in segment.text


async def test_brackets_in_the_title_detail_line_and_notifications_are_text_not_markup() -> None:
    # "[/]" crashed the reader (MarkupError); "[sic]" vanished from the detail line.
    from tui.analysis import analyze
    from tui.sources.document import Document

    text = (
        "Eilmeldung [/] Test\n\n„Wir haben [sic] alles getan“, sagte Merkel. Der Kurs stieg um 5 Prozent [/]."
    )
    service = FakeAnalysisService([analyze(text, "de", model="rules")])
    app = RandnotizApp(Document(text, source="t.txt", title="Eilmeldung [/] Test"), service=service)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        assert "Eilmeldung [/] Test" in screen_lines(pilot)[0]
        await pilot.press("c")
        assert "„Wir haben [sic] alles getan“" in "\n".join(screen_lines(pilot))
        await pilot.press("d")
        assert "Der Kurs stieg um 5 Prozent [/]." in "\n".join(screen_lines(pilot))
        reader(pilot).notify("Undone: [b]fett[/b] [/]")
        await pilot.pause()
        (shown,) = app._notifications
        assert (shown.message, shown.markup) == ("Undone: [b]fett[/b] [/]", False)


async def test_five_megabytes_open_at_once_and_scroll_while_analysing() -> None:
    paragraph = "Xiaomi verkaufte 1.500 Geräte in Indien, sagte Hugo Barra. " * 20 + "\n"
    text = paragraph * (5_000_000 // len(paragraph))
    service = FakeAnalysisService(gate=threading.Event())  # never answers
    async with make_app(text=text, service=service).run_test(size=SIZE) as pilot:
        view = reader(pilot).article
        await pilot.pause()
        assert view.line_count > 50_000
        assert visible_text(view).startswith("Xiaomi verkaufte")
        await pilot.press("G")
        await pilot.wait_for_scheduled_animations()
        assert view.scroll_y == view.max_scroll_y
        assert reader(pilot).analysis is None  # still analysing, and the UI answered


async def test_the_progress_bar_shows_how_far_the_analysis_is() -> None:
    gate = threading.Event()
    service = FakeAnalysisService([recorded("xiaomi-usa.de")], progress=[0.25, 0.5], gate=gate)
    async with make_app(service=service).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        assert await asyncio.to_thread(service.asked.wait, 30)
        await pilot.pause()
        bar = screen.query_one("#progress", ProgressBar)  # comes with the first report
        assert str(screen.query_one("#status").render()) == "Analysing… 50%"
        assert bar.progress == 0.5 and bar.display
        gate.set()
        await analysed(pilot)
        assert not bar.display
        assert str(screen.query_one("#status").render()).startswith("de · ")


async def test_wrapped_lines_show_every_word_whatever_the_width() -> None:
    async with make_app().run_test(size=(140, 30)) as pilot:
        await analysed(pilot)
        view = reader(pilot).article
        for width in (140, 97, 60):
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            shown = " ".join(view.render_line(y).text for y in range(view.line_count))
            assert shown.split() == view.text.split(), width


async def test_clicking_an_entity_selects_it() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        view = screen.article
        column = view.text.index("Huawei")  # on the first line at this width
        assert view.line_of(column) == 0
        await pilot.click(ArticleView, offset=(column + 2 + 1, 1))  # border + padding
        assert selected_text(screen) == "Huawei"
        assert screen.query_one(GlossaryPane).cursor_row == 1


async def test_glossary_follows_later_mentions() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        assert screen.analysis is not None
        glossary = screen.analysis.glossary
        barra = next(i for i, entry in enumerate(glossary) if entry.name == "Hugo Barra")
        mentions = glossary[barra].mentions
        screen.select_span(mentions[0].start, mentions[0].end)
        await pilot.press("m", "m")
        assert screen.selection == (mentions[2].start, mentions[2].end)
        assert screen.query_one(GlossaryPane).cursor_row == barra


async def test_scrolling_keys() -> None:
    async with make_app().run_test(size=(80, 30)) as pilot:
        view = reader(pilot).article
        await pilot.pause()
        positions = []
        for key in ("j", "j", "k", "space", "b", "G", "g", "pagedown", "pageup", "end", "home", "down", "up"):
            await pilot.press(key)
            await pilot.wait_for_scheduled_animations()
            positions.append(view.scroll_y)
        page = view.scrollable_content_region.height
        bottom = view.max_scroll_y
        assert positions == [1, 2, 1, 1 + page, 1, bottom, 0, page, 0, bottom, 0, 1, 0]


async def test_keys_that_reach_the_bottom_show_the_last_line() -> None:
    """0.1 repainted only when the rounded scroll position changed but drew
    from the truncated one, so the screen kept a stale view and the last
    line stayed off screen. Scrolling animates, as for a user."""
    async with make_app(animations=True).run_test(size=(100, 24)) as pilot:
        view = (await analysed(pilot)).article
        for keys in (["G"], ["end"], ["pagedown"] * 6):
            await pilot.press("g")
            await pilot.wait_for_scheduled_animations()
            for key in keys:
                await pilot.press(key)
                await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            on_screen = article_on_screen(pilot, view)
            assert on_screen == article_lines(view), keys
            assert on_screen[-1].endswith("Jahr nicht mehr zu erwarten."), keys


async def test_every_line_step_is_painted() -> None:
    """The same cause made ``j``/``k`` skip a repaint now and then."""
    async with make_app(animations=True).run_test(size=(100, 24)) as pilot:
        view = (await analysed(pilot)).article
        for step, key in enumerate("jjjjjjkkk"):
            await pilot.press(key)
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            assert article_on_screen(pilot, view) == article_lines(view), step


async def test_the_position_is_kept_on_resize() -> None:
    # Wide, wider, narrow (the panes stack under the text) and wide again: on the
    # way the view is laid out at in-between sizes that clamp its scroll position.
    async with make_app().run_test(size=(140, 40)) as pilot:
        screen = await analysed(pilot)
        view = screen.article
        await pilot.press(*"jjjjjjjjjjjj")
        await pilot.wait_for_scheduled_animations()
        start, _ = view.visible_range
        assert start > 0
        for size in ((90, 30), (160, 40), (60, 20), (80, 24), (140, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            # The same words at the top, unless the end of the article is in view.
            assert view.top_line == min(view.line_of(start), int(view.max_scroll_y)), size
            start = view.visible_range[0]


async def test_a_long_glossary_count_is_shown_whole_at_every_width() -> None:
    text = "Xiaomi und Apple. " * 404
    mentions = tuple(Span(i * 18, i * 18 + 6, "Xiaomi") for i in range(404))
    apples = tuple(Span(i * 18 + 11, i * 18 + 16, "Apple") for i in range(12))
    analysis = Analysis(
        text,
        "de",
        "test",
        glossary=(GlossaryEntry("Xiaomi", "ORG", mentions), GlossaryEntry("Apple", "ORG", apples)),
    )
    for width in (160, 120, 100, 80):
        async with make_app(analysis=analysis).run_test(size=(width, 30)) as pilot:
            await analysed(pilot)
            glossary_lines = [line for line in screen_lines(pilot) if "Xiaomi" in line and "ORG" in line]
            assert glossary_lines and " 404 " in glossary_lines[0], width
            assert any(" 12 " in line and "Apple" in line for line in screen_lines(pilot)), width


async def test_pane_columns_fit_their_pane_cut_texts_end_in_an_ellipsis_values_stay_whole() -> None:
    for size in ((140, 40), (100, 30), (80, 24)):
        async with make_app("windpark-nordsee.de").run_test(size=size) as pilot:
            screen = await analysed(pilot)
            lines = screen_lines(pilot)
            assert screen.panes is not None
            for pane in screen.panes.items:
                assert pane.virtual_size.width <= pane.size.width, (size, pane.id)  # nothing runs out of view
            numbers = "\n".join(in_region(lines, screen.panes.numbers.region))
            for value in ("≈1,200,000,000", "≈1,100,000", "900", "≈40"):
                assert value in numbers, (size, value)
            assert "Haushalte" in numbers or "Haush…" in numbers, size  # a unit is cut visibly, never dropped
            quotes = [line for line in in_region(lines, screen.panes.quotes.region) if "Krebb" in line]
            assert quotes and all("…" in line for line in quotes), size


def in_region(lines: list[str], region: Region) -> list[str]:
    return [line[region.x : region.right] for line in lines[region.y : region.bottom]]


async def test_at_80_columns_the_panes_go_under_the_article() -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await analysed(pilot)
        article, panes = screen.article.region, screen.query_one("#panes").region
        assert article.width == 80 and panes.width == 80
        assert panes.y >= article.bottom
        assert all(pane.region.width >= 24 for pane in screen.query("ItemPane"))


async def test_the_detail_line_shows_the_whole_selected_item() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        detail = screen.query_one("#detail")
        assert not detail.display
        await pilot.press("c")
        text = str(detail.render())
        assert detail.display
        assert text.startswith(
            "indirect quote · speaker: einem Interview mit Bloomberg · cue: Laut · source: Bloomberg — "
        )
        assert text.endswith(
            "— plane das Unternehmen einen zeitnahen Start"
        )  # the report, its attribution apart
        await pilot.press("d")
        assert str(detail.render()).startswith("cardinal 1.500 — ")
        assert "ungefähr 1.500 Patente von Microsoft gekauft" in str(detail.render())
        await pilot.press("e")
        assert str(detail.render()) == "ORG Microsoft · 1 mention — Microsoft"
        await pilot.press("escape")
        assert not detail.display


async def run_command(pilot, command: str) -> None:
    """Open the palette with its key, type ``command`` (as one paste: a
    search per character only costs time) and run the first hit."""
    await pilot.press("ctrl+p")
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    palette.query_one(CommandInput).insert_text_at_cursor(command)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # the palette searches in a worker
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_command_palette_goes_to_a_glossary_entry() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        await run_command(pilot, "Go to Hugo Barra")
        assert selected_text(screen) == "Hugo Barra"


async def test_command_palette_runs_reader_actions_help_and_light_dark() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        assert screen.analysis is not None
        await run_command(pilot, "Show/hide numbers pane")
        assert not screen.query_one(NumbersPane).display
        await run_command(pilot, "Previous quote")
        assert screen.selection == (screen.analysis.quotes[-1].start, screen.analysis.quotes[-1].end)
        await run_command(pilot, "Light/dark")
        assert pilot.app.theme == "textual-light"
        await run_command(pilot, "Help")
        assert isinstance(pilot.app.screen, HelpScreen)


async def test_the_palette_has_one_help_and_one_quit_both_ours() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        commands = {command.title: command.help for command in pilot.app.get_system_commands(screen)}
        assert "Keys" not in commands  # Textual's key panel, beside our Help
        assert commands["Quit"] == "Close Randnotiz"
        await pilot.press("ctrl+p")
        palette = pilot.app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one(CommandInput).placeholder == "Search for commands…"


async def test_screenshot_works_without_a_downloads_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no ~/Downloads
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path / "home" / "Downloads"))
    monkeypatch.setenv("RANDNOTIZ_DATA_DIR", str(tmp_path / "data"))
    async with make_app().run_test(size=SIZE) as pilot:
        await analysed(pilot)
        await run_command(pilot, "Screenshot")
        await pilot.pause()
        saved = list((tmp_path / "data" / "screenshots").glob("*.svg"))
        assert len(saved) == 1 and "Xiaomi" in saved[0].read_text("utf-8")
        assert isinstance(pilot.app.screen, ReaderScreen)


async def test_a_long_article_lights_up_chunk_by_chunk() -> None:
    from tui.analysis.chunks import ChunkAnalysis
    from tui.analysis.model import Entity, Number

    text = recorded("xiaomi-usa.de").text
    first = ChunkAnalysis(
        0, 200, (), (Entity(38, 44, "Xiaomi", "ORG"),), (), (Number(50, 55, text[50:55], value=1),)
    )
    service = FakeAnalysisService(gate=threading.Event(), chunks=[first])  # the whole never comes
    async with make_app(text=text, service=service).run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = reader(pilot)
        assert [(h.start, h.end) for h in screen.article.highlights("entity")] == [(38, 44)]
        assert [(h.start, h.end) for h in screen.article.highlights("number")] == [(50, 55)]
        assert screen.analysis is None  # still analysing the rest
