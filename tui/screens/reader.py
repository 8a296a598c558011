"""The reader: article view, legend, the three panes, the detail line, search
and status.

Data flows one way: the analysis worker posts messages; the screen keeps
the reading state (a plain :class:`~tui.reading.Reading`), asks it where to
go and hands spans and rows to the widgets, which only display and report
what the reader did.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from tui.analysis.model import Analysis
from tui.analysis_service import Analyser, AnalysisFailedError, ServiceStoppedError
from tui.labels import entity_component
from tui.reading import ItemKind, Reading
from tui.safe_text import one_line
from tui.sources import Document
from tui.widgets.article_view import ArticleView, Highlight
from tui.widgets.legend import Legend
from tui.widgets.panes import (
    GlossaryPane,
    ItemPane,
    NumbersPane,
    QuotesPane,
    glossary_rows,
    number_rows,
    quote_rows,
)
from tui.widgets.search_bar import SearchBar

PANES = ("quotes", "numbers", "glossary")
# Below this width the panes go under the article instead of beside it:
# beside it, at 80 columns, neither would be readable.
NARROW_BELOW = 110


@dataclass
class AnalysisProgress(Message):
    fraction: float

    def can_replace(self, message: Message) -> bool:
        # Only the latest fraction matters: a newer one replaces any still queued.
        return isinstance(message, AnalysisProgress)


@dataclass
class AnalysisReady(Message):
    analysis: Analysis


@dataclass
class AnalysisFailed(Message):
    reason: str


@dataclass
class PanesChanged(Message):
    """The reader showed or hid a pane; ``hidden`` names the hidden ones."""

    hidden: frozenset[str]


class ReaderCommands(Provider):
    """The command palette's reader entries: every reader action by its
    description, and "Go to …" every glossary entry."""

    def _commands(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        if not isinstance(screen, ReaderScreen):
            return
        for binding in ReaderScreen.BINDINGS:
            assert isinstance(binding, Binding)
            yield binding.description, f"Key: {binding.key}", partial(screen.run_action, binding.action)
        analysis = screen.reading.analysis
        for entry in analysis.glossary if analysis is not None else ():
            count = len(entry.mentions)
            yield (
                f"Go to {entry.name}",
                f"{entry.label}, {count} mention{'s' if count != 1 else ''}",
                partial(screen.select_span, entry.start, entry.end),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class ReaderScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "step('entities', True)", "Entity", id="reader.next_entity"),
        Binding("E", "step('entities', False)", "Previous entity", show=False, id="reader.previous_entity"),
        Binding("c", "step('quotes', True)", "Quote", id="reader.next_quote"),
        Binding("C", "step('quotes', False)", "Previous quote", show=False, id="reader.previous_quote"),
        Binding("d", "step('numbers', True)", "Number", id="reader.next_number"),
        Binding("D", "step('numbers', False)", "Previous number", show=False, id="reader.previous_number"),
        Binding("m", "mention(True)", "Mention", id="reader.next_mention"),
        Binding(
            "M", "mention(False)", "Previous mention of the entity", show=False, id="reader.previous_mention"
        ),
        Binding("slash", "search", "Search", id="reader.search"),
        Binding("n", "step_match(True)", "Next search match", show=False, id="reader.next_match"),
        Binding("N", "step_match(False)", "Previous search match", show=False, id="reader.previous_match"),
        Binding("escape", "clear", "Clear search and selection", show=False, id="reader.clear"),
        Binding("1", "toggle_pane('quotes')", "Show/hide quotes pane", show=False, id="reader.toggle_quotes"),
        Binding(
            "2", "toggle_pane('numbers')", "Show/hide numbers pane", show=False, id="reader.toggle_numbers"
        ),
        Binding(
            "3", "toggle_pane('glossary')", "Show/hide glossary pane", show=False, id="reader.toggle_glossary"
        ),
    ]
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ReaderCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]

    def __init__(self, document: Document, service: Analyser, hidden_panes: Iterable[str] = ()) -> None:
        super().__init__()
        self.document = document
        self.service = service
        self.reading = Reading(document.text)
        self.failure: str | None = None  # why there is no analysis, if it failed
        self.hidden_panes = frozenset(hidden_panes) & set(PANES)
        self.panes_mounted = asyncio.Event()

    def compose(self) -> ComposeResult:
        with Horizontal(id="top-bar"):
            yield Static(one_line(self.document.title, 60), id="title")
            yield Legend(id="legend")
        with Horizontal(id="main"):
            yield ArticleView(self.document.text, id="article")
            # The panes are mounted after the first paint (see on_mount); the
            # column keeps their place so that the text does not reflow.
            yield Vertical(id="panes")
        yield Static(id="detail")
        yield SearchBar(id="search")
        with Horizontal(id="status-bar"):
            yield Static("Loading the language model…", id="status")
        # The footer's keys come after the first paint too (see on_mount).
        yield Static(id="footer-slot")

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def analysis(self) -> Analysis | None:
        return self.reading.analysis

    @property
    def selection(self) -> tuple[int, int] | None:
        selected = self.reading.selection
        return None if selected is None else (selected.start, selected.end)

    def on_mount(self) -> None:
        self._show_panes_column()
        self.query_one("#detail").display = False
        self.query_one(SearchBar).display = False
        self.article.focus()
        if self.document.note:
            self.notify(self.document.note, severity="warning", timeout=8)
        # Empty tables and the footer's keys are most of the first frame's
        # work: the text comes first, they follow in the next frame, in places
        # kept for them so that nothing moves.
        self.call_after_refresh(self._mount_the_rest)
        self.run_analysis()

    async def _mount_the_rest(self) -> None:
        panes = [QuotesPane("Quotes", id="quotes"), NumbersPane("Numbers", id="numbers")]
        panes.append(GlossaryPane("Glossary", id="glossary"))
        for pane in panes:
            pane.display = pane.id not in self.hidden_panes
        with self.app.batch_update():
            await self.query_one("#footer-slot").remove()
            await self.mount(Footer())
            await self.query_one("#panes").mount_all(panes)
        self.refresh_bindings()  # the footer shows its keys when told of them
        self.panes_mounted.set()
        self._fill_panes()  # if the analysis came first

    def _status(self, text: str) -> None:
        self.query_one("#status", Static).update(text)

    # -- analysis worker ---------------------------------------------------------

    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        """Waits on the analysis process off the UI thread; talks back only
        through messages."""

        def progress(fraction: float) -> None:
            self.post_message(AnalysisProgress(fraction))

        try:
            analysis = self.service.analyze(self.document.text, progress=progress)
        except AnalysisFailedError as error:
            self.post_message(AnalysisFailed(str(error)))
        except ServiceStoppedError:
            pass  # the reader is closing
        else:
            self.post_message(AnalysisReady(analysis))

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        self._status(f"Analysing… {message.fraction:.0%}")
        bars = self.query(ProgressBar)
        if bars:
            bars.first().update(progress=message.fraction)
        else:  # only long texts report progress: the bar comes with the first report
            bar = ProgressBar(total=1.0, show_eta=False, show_percentage=True, id="progress")
            self.query_one("#status-bar").mount(bar)
            bar.update(progress=message.fraction)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.failure = message.reason
        self._status("Analysis failed: " + one_line(message.reason, 120))
        self.query(ProgressBar).set(display=False)
        self.notify(message.reason, title="Analysis failed", severity="error", timeout=15)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        analysis = message.analysis
        self.reading.set_analysis(analysis)
        article = self.article
        article.set_layer(
            "entity",
            [
                Highlight(e.start, e.end, f"article-view--{component}")
                for e in analysis.entities
                if (component := entity_component(e.label)) is not None
            ],
        )
        article.set_layer(
            "quote", [Highlight(q.start, q.end, "article-view--quote") for q in analysis.quotes]
        )
        article.set_layer(
            "number", [Highlight(n.start, n.end, "article-view--number") for n in analysis.numbers]
        )
        self.query(ProgressBar).set(display=False)
        self._status(self.reading.summary())
        self._fill_panes()

    def _fill_panes(self) -> None:
        analysis = self.analysis
        if analysis is None or not self.panes_mounted.is_set():
            return
        self.query_one(QuotesPane).show(quote_rows(analysis.quotes))
        self.query_one(NumbersPane).show(number_rows(analysis.numbers, analysis.text))
        self.query_one(GlossaryPane).show(glossary_rows(analysis.glossary))
        self._follow(self.article.visible_range[0])

    # -- following the reader ------------------------------------------------------

    @on(ArticleView.ViewportMoved)
    def _viewport_moved(self, message: ArticleView.ViewportMoved) -> None:
        selection = self.reading.selection
        if selection is None or not message.start <= selection.start < message.end:
            self._follow(message.start)

    def _follow(self, offset: int) -> None:
        for pane in self.query(ItemPane):
            pane.follow(offset)

    @on(ItemPane.Chosen)
    def _item_chosen(self, message: ItemPane.Chosen) -> None:
        self.select_span(message.span.start, message.span.end, sync_panes=False)

    @on(ArticleView.Clicked)
    def _clicked(self, message: ArticleView.Clicked) -> None:
        item = self.reading.item_at(message.offset)
        if item is not None:
            self.select_span(item.start, item.end)

    def select_span(self, start: int, end: int, *, sync_panes: bool = True) -> None:
        self.reading.select(start, end)
        self.article.select(start, end)
        self._show_detail()
        if sync_panes:
            for pane in self.query(ItemPane):
                row = pane.row_containing(start, end)
                if row is None:
                    pane.follow(start)
                elif not pane.has_focus:
                    pane.move_cursor(row=row, animate=False)

    def _show_detail(self) -> None:
        detail = self.query_one("#detail", Static)
        text = self.reading.detail()
        detail.update(one_line(text))
        detail.display = bool(text)

    # -- navigation actions -----------------------------------------------------------

    def _anchor(self) -> int:
        return self.reading.anchor(self.article.visible_range[0])

    def action_step(self, kind: ItemKind, forward: bool) -> None:
        """Select the next (or previous) entity, quote or number."""
        if self.reading.step_item(kind, forward, self._anchor()) is None:
            self.notify(
                "Nothing of that kind in this article" if self.analysis else "Still analysing…", timeout=2
            )
            return
        self._selected()

    def action_mention(self, forward: bool) -> None:
        """Jump to the next mention of the selected entity (or of the glossary
        entry under the cursor when no entity is selected)."""
        analysis = self.analysis
        if analysis is None:
            return
        row = self.query_one(GlossaryPane).entry_row()
        fallback = analysis.glossary[row] if row is not None else None
        if self.reading.step_mention(forward, self._anchor(), fallback) is not None:
            self._selected()

    def _selected(self) -> None:
        selected = self.reading.selection
        if selected is not None:
            self.select_span(selected.start, selected.end)

    # -- search ----------------------------------------------------------------------

    async def action_search(self) -> None:
        await self.query_one(SearchBar).open()

    @on(SearchBar.Submitted)
    def _search_submitted(self, message: SearchBar.Submitted) -> None:
        self.article.focus()
        self.find(message.query)

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self.article.focus()

    def find(self, query: str) -> None:
        if not query.strip():
            return
        count = self.reading.find(query)
        self.article.set_layer(
            "match", [Highlight(m.start, m.end, "article-view--match") for m in self.reading.matches]
        )
        if not count:
            self.notify(f"Not found: {one_line(query, 40)}", severity="warning", timeout=3)
            return
        self.reading.clear_selection()
        self.action_step_match(True)

    def action_step_match(self, forward: bool) -> None:
        if not len(self.reading.matches):
            self.call_later(self.action_search)
            return
        self.reading.step_match(forward, self._anchor())
        self._selected()
        position = self.reading.match_position()
        if position is not None:
            self._status(f"Match {position[0]} of {position[1]}")

    def action_clear(self) -> None:
        self.reading.clear_search()
        self.reading.clear_selection()
        self.article.set_layer("match", [])
        self.article.clear_selection()
        self._show_detail()
        if self.analysis is not None:
            self._status(self.reading.summary())

    # -- panes -------------------------------------------------------------------------

    def action_toggle_pane(self, name: str) -> None:
        pane = self.query_one(f"#{name}", ItemPane)
        pane.display = not pane.display
        self.hidden_panes = frozenset(n for n in PANES if not self.query_one(f"#{n}").display)
        self._show_panes_column()
        if not pane.display and pane.has_focus:
            self.article.focus()
        self.post_message(PanesChanged(self.hidden_panes))

    def _show_panes_column(self) -> None:
        self.query_one("#panes").display = len(self.hidden_panes) < len(PANES)
