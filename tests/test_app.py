"""The reader driven by real key presses through Textual's Pilot."""

from __future__ import annotations

import time

import pytest

from tui.analysis.text import normalise
from tui.analysis_service import start_service
from tui.app import RandnotizApp
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.sources import Document
from tui.widgets.article_view import ArticleView
from tui.widgets.panes import GlossaryPane, NumbersPane, QuotesPane

from .conftest import seed_text

SIZE = (140, 40)


def make_app(
    text: str | None = None, lang: str | None = None, model: str | None = None, **options
) -> RandnotizApp:
    document = Document(normalise(text or seed_text()), source="article.txt", title="article.txt")
    return RandnotizApp(document, service=start_service(document, lang, model), **options)


async def analysed(pilot, timeout: float = 60) -> ReaderScreen:
    """Wait until the analysis process has answered and the reader shows it."""
    screen = pilot.app.screen
    deadline = time.monotonic() + timeout
    while screen.analysis is None and screen.failure is None:
        assert time.monotonic() < deadline, "no analysis in time"
        await pilot.pause(0.01)
    await pilot.pause()
    return screen


def visible_text(view: ArticleView) -> str:
    return "\n".join(view.render_line(y).text for y in range(view.scrollable_content_region.height))


def selected_text(screen: ReaderScreen) -> str:
    start, end = screen.selection
    return screen.document.text[start:end]


async def test_text_shows_at_once_and_panes_fill_after_analysis() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        view = pilot.app.screen.query_one(ArticleView)
        assert "Der chinesische Smartphone Hersteller Xiaomi" in visible_text(view)
        screen = await analysed(pilot)
        assert screen.query_one(QuotesPane).row_count == len(screen.analysis.quotes) > 0
        assert screen.query_one(NumbersPane).row_count == 3
        assert screen.query_one(GlossaryPane).row_count == len(screen.analysis.glossary)


async def test_jump_to_quotes_numbers_and_entities_with_keys() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        direct = [q for q in screen.analysis.quotes if q.kind == "direct"]
        await pilot.press("c")
        assert screen.selection == (screen.analysis.quotes[0].start, screen.analysis.quotes[0].end)
        while screen.selection != (direct[1].start, direct[1].end):
            await pilot.press("c")
        assert selected_text(screen).startswith("The U.S. is a market")
        quotes = screen.query_one(QuotesPane)
        assert quotes.cursor_row == screen.analysis.quotes.index(direct[1])
        await pilot.press("d")
        assert selected_text(screen) == "1.500"
        await pilot.press("d", "D")
        assert selected_text(screen) == "1.500"
        await pilot.press("e")
        assert selected_text(screen) == "Microsoft"


async def test_next_mention_walks_through_one_entity() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        await pilot.press("e")
        assert selected_text(screen) == "Xiaomi"
        await pilot.press("m")
        assert selected_text(screen) == "Xiaomi"
        first = screen.analysis.glossary[0].mentions
        assert screen.selection == (first[1].start, first[1].end)


async def test_search_finds_and_cycles_matches() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        await pilot.press("slash", *"barra", "enter")
        assert len(screen.matches) == 5
        assert selected_text(screen) == "Barra"
        first = screen.selection
        await pilot.press("n")
        assert screen.selection > first
        await pilot.press("N")
        assert screen.selection == first
        await pilot.press("escape")
        assert screen.matches == [] and screen.selection is None


async def test_toggle_panes_and_focus_cycle() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        quotes = screen.query_one(QuotesPane)
        await pilot.press("1")
        assert not quotes.display
        await pilot.press("2", "3")
        assert not screen.query_one("#panes").display
        assert screen.query_one(ArticleView).size.width > 130
        await pilot.press("1")
        assert quotes.display
        await pilot.press("tab")
        assert pilot.app.focused is quotes


async def test_choosing_a_row_in_a_pane_marks_it_in_the_text() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        await pilot.press("3")  # hide glossary, then focus the numbers pane
        await pilot.press("tab", "tab", "down")
        assert pilot.app.focused is screen.query_one(NumbersPane)
        assert selected_text(screen) == "15.000"


async def test_scrolling_moves_the_pane_cursors() -> None:
    async with make_app().run_test(size=(100, 20)) as pilot:
        screen = await analysed(pilot)
        numbers = screen.query_one(NumbersPane)
        assert numbers.cursor_row == 0
        await pilot.press("G")
        await pilot.pause()
        start, _ = screen.query_one(ArticleView).visible_range
        first_visible = next(i for i, n in enumerate(screen.analysis.numbers) if n.start >= start)
        assert numbers.cursor_row == first_visible > 0


async def test_help_lists_every_binding() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        await analysed(pilot)
        await pilot.press("question_mark")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        table = help_screen.query_one("#help-table")
        described = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        for binding in [*RandnotizApp.BINDINGS, *ReaderScreen.BINDINGS, *ArticleView.BINDINGS]:
            assert binding.description in described
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReaderScreen)


async def test_theme_toggle_and_quit() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        assert pilot.app.theme == "textual-dark"
        await pilot.press("t")
        assert pilot.app.theme == "textual-light"
        await pilot.press("q")
        assert not pilot.app.is_running


HOSTILE = (
    "Titel [bold red]fett[/] und [link=https://evil.example]Link[/link]\n"
    "Escape \x1b[2J\x1b]52;c;ZXZpbA==\x07 und C1 \x9b31m sowie \u202eRTL.\n"
    "Xiaomi bleibt in Indien."
)


async def test_markup_and_escape_sequences_are_shown_as_text() -> None:
    async with make_app(HOSTILE, model="rules").run_test(size=SIZE) as pilot:
        await analysed(pilot)
        view = pilot.app.screen.query_one(ArticleView)
        shown = visible_text(view)
        assert "[bold red]fett[/]" in shown and "[link=https://evil.example]Link[/link]" in shown
        assert "␛[2J␛]52;c;ZXZpbA==␇" in shown
        for line in range(view.line_count):
            for segment in view.render_line(line):
                assert not any(ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 for char in segment.text)
                assert "\u202e" not in segment.text


async def test_five_megabytes_open_at_once_and_scroll() -> None:
    paragraph = "Xiaomi verkaufte 1.500 Geräte in Indien, sagte Hugo Barra. " * 20 + "\n"
    text = paragraph * (5_000_000 // len(paragraph))
    async with make_app(text, model="rules").run_test(size=SIZE) as pilot:
        view = pilot.app.screen.query_one(ArticleView)
        await pilot.pause()
        assert view.line_count > 50_000
        assert visible_text(view).startswith("Xiaomi verkaufte")
        await pilot.press("G")
        assert int(view.scroll_y) == view.max_scroll_y
        assert pilot.app.screen.analysis is None  # still analysing, and the UI answered


@pytest.mark.parametrize("width", [60, 97, 140])
async def test_wrapped_lines_show_every_word_whatever_the_width(width: int) -> None:
    async with make_app().run_test(size=(width, 30)) as pilot:
        await analysed(pilot)
        view = pilot.app.screen.query_one(ArticleView)
        shown = " ".join(view.render_line(y).text for y in range(view.line_count))
        assert shown.split() == view.text.split()


async def test_clicking_an_entity_selects_it() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        view = screen.query_one(ArticleView)
        column = view.text.index("Huawei")  # on the first line at this width
        assert view.line_of(column) == 0
        await pilot.click(ArticleView, offset=(column + 2 + 1, 1))  # border + padding
        assert selected_text(screen) == "Huawei"
        assert screen.query_one(GlossaryPane).cursor_row == 1


async def test_a_missing_model_is_reported_in_the_reader() -> None:
    async with make_app(model="de_core_news_missing").run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        status = str(screen.query_one("#status").render())
        assert status.startswith("Analysis failed: no spaCy pipeline 'de_core_news_missing'")
        assert screen.analysis is None
        assert "Xiaomi" in visible_text(screen.query_one(ArticleView))  # the text stays readable


async def test_glossary_follows_later_mentions() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        barra = next(i for i, entry in enumerate(screen.analysis.glossary) if entry.name == "Hugo Barra")
        await pilot.press("e")
        while screen.selection[0] <= screen.analysis.glossary[barra].mentions[0].start:
            await pilot.press("e")
        await pilot.press("E")  # back on the first mention of Hugo Barra
        await pilot.press("m", "m")
        assert selected_text(screen) == screen.analysis.glossary[barra].mentions[2].text
        assert screen.query_one(GlossaryPane).cursor_row == barra


async def test_scrolling_keys() -> None:
    async with make_app().run_test(size=(80, 20)) as pilot:
        view = pilot.app.screen.query_one(ArticleView)
        await pilot.pause()
        positions = []
        for key in ("j", "j", "k", "space", "b", "G", "g", "pagedown", "pageup", "end", "home", "down", "up"):
            await pilot.press(key)
            positions.append(int(view.scroll_y))
        page = view.scrollable_content_region.height
        bottom = int(view.max_scroll_y)
        assert positions == [1, 2, 1, 1 + page, 1, bottom, 0, page, 0, bottom, 0, 1, 0]


async def run_command(pilot, command: str) -> None:
    await pilot.press("ctrl+p", *command)
    await pilot.pause(0.5)  # the palette searches in the background
    await pilot.press("enter")
    await pilot.pause()


async def test_command_palette_goes_to_a_glossary_entry() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        await run_command(pilot, "Go to Hugo Barra")
        assert selected_text(screen) == "Hugo Barra"


async def test_command_palette_runs_reader_actions() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        await run_command(pilot, "Show/hide numbers pane")
        assert not screen.query_one(NumbersPane).display
        await run_command(pilot, "Previous quote")
        assert screen.selection == (screen.analysis.quotes[-1].start, screen.analysis.quotes[-1].end)
