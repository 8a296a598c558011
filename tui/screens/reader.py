"""The reader: article view, legend, the three panes, search and status.

Data flows one way: the analysis worker posts messages, handlers here keep
the state (analysis, current item, search matches) and hand spans to the
widgets, which only display and report what the reader did.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, ProgressBar, Static

from tui.analysis import Analysis
from tui.analysis.model import Span
from tui.analysis_service import AnalysisFailedError, Analyser, ServiceStoppedError
from tui.safe_text import one_line
from tui.sources import Document
from tui.widgets.article_view import ArticleView, Highlight
from tui.widgets.legend import Legend
from tui.widgets.panes import GlossaryPane, ItemPane, NumbersPane, QuotesPane

PANES = {"quotes": "#quotes", "numbers": "#numbers", "glossary": "#glossary"}


class AnalysisProgress(Message):
    def __init__(self, fraction: float) -> None:
        super().__init__()
        self.fraction = fraction


class AnalysisReady(Message):
    def __init__(self, analysis: Analysis) -> None:
        super().__init__()
        self.analysis = analysis


class AnalysisFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class ReaderScreen(Screen[None]):
    BINDINGS = [
        Binding("e", "step('entities', True)", "Entity"),
        Binding("E", "step('entities', False)", "Previous entity", show=False),
        Binding("c", "step('quotes', True)", "Quote"),
        Binding("C", "step('quotes', False)", "Previous quote", show=False),
        Binding("d", "step('numbers', True)", "Number"),
        Binding("D", "step('numbers', False)", "Previous number", show=False),
        Binding("m", "mention(True)", "Mention"),
        Binding("M", "mention(False)", "Previous mention of the entity", show=False),
        Binding("slash", "search", "Search"),
        Binding("n", "next_match", "Next search match", show=False),
        Binding("N", "previous_match", "Previous search match", show=False),
        Binding("escape", "clear", "Clear search and selection", show=False),
        Binding("1", "toggle_pane('quotes')", "Show/hide quotes pane", show=False),
        Binding("2", "toggle_pane('numbers')", "Show/hide numbers pane", show=False),
        Binding("3", "toggle_pane('glossary')", "Show/hide glossary pane", show=False),
    ]

    def __init__(self, document: Document, service: Analyser) -> None:
        super().__init__()
        self.document = document
        self.service = service
        self.analysis: Analysis | None = None
        self.failure: str | None = None  # why there is no analysis, if it failed
        self.selection: tuple[int, int] | None = None
        self.matches: list[tuple[int, int]] = []
        self._match_starts: list[int] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="top-bar"):
            yield Static(one_line(self.document.title, 60), id="title")
            yield Legend(id="legend")
        with Horizontal(id="main"):
            yield ArticleView(self.document.text, id="article")
            with Vertical(id="panes"):
                yield QuotesPane("Quotes", id="quotes")
                yield NumbersPane("Numbers", id="numbers")
                yield GlossaryPane("Glossary", id="glossary")
        yield Input(placeholder="Search the text (Enter to find, Esc to cancel)", id="search")
        with Horizontal(id="status-bar"):
            yield Static("Loading the language model…", id="status")
            yield ProgressBar(total=1.0, show_eta=False, show_percentage=True, id="progress")
        yield Footer()

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    def on_mount(self) -> None:
        self.article.focus()
        if self.document.note:
            self.notify(self.document.note, severity="warning", timeout=8)
        self.run_analysis()

    # -- analysis worker ---------------------------------------------------------

    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        """Waits on the analysis process off the UI thread; talks back only
        through messages."""
        try:
            analysis = self.service.analyze(
                self.document.text, progress=lambda fraction: self.post_message(AnalysisProgress(fraction))
            )
        except AnalysisFailedError as error:
            self.post_message(AnalysisFailed(str(error)))
        except ServiceStoppedError:
            pass  # the reader is closing
        else:
            self.post_message(AnalysisReady(analysis))

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        self.query_one("#status", Static).update(f"Analysing… {message.fraction:.0%}")
        self.query_one(ProgressBar).update(progress=message.fraction)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.failure = message.reason
        self.query_one("#status", Static).update("Analysis failed: " + one_line(message.reason, 120))
        self.query_one(ProgressBar).display = False
        self.notify(message.reason, title="Analysis failed", severity="error", timeout=15)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        analysis = self.analysis = message.analysis
        article = self.article
        article.set_layer(
            "entity",
            [
                Highlight(e.start, e.end, f"article-view--{e.label.lower()}")
                for e in analysis.entities
                if e.label in _ENTITY_STYLES
            ],
        )
        article.set_layer(
            "quote", [Highlight(q.start, q.end, "article-view--quote") for q in analysis.quotes]
        )
        article.set_layer(
            "number", [Highlight(n.start, n.end, "article-view--number") for n in analysis.numbers]
        )
        for pane in self.query(ItemPane):
            pane.show(analysis)
        self.query_one(ProgressBar).display = False
        self.query_one("#status", Static).update(self._summary(analysis))
        self._follow(article.visible_range[0])

    def _summary(self, analysis: Analysis) -> str:
        return (
            f"{analysis.lang} · {analysis.pipeline} · {analysis.word_count:,} words · "
            f"{len(analysis.entities)} entities · {len(analysis.quotes)} quotes · {len(analysis.numbers)} numbers"
        )

    # -- following the reader ------------------------------------------------------

    @on(ArticleView.ViewportMoved)
    def _viewport_moved(self, message: ArticleView.ViewportMoved) -> None:
        if self.selection is None or not message.start <= self.selection[0] < message.end:
            self._follow(message.start)

    def _follow(self, offset: int) -> None:
        for pane in self.query(ItemPane):
            pane.follow(offset)

    @on(ItemPane.Chosen)
    def _item_chosen(self, message: ItemPane.Chosen) -> None:
        self.select_span(message.start, message.end, sync_panes=False)

    @on(ArticleView.Clicked)
    def _clicked(self, message: ArticleView.Clicked) -> None:
        if self.analysis is None:
            return
        for items in (self.analysis.entities, self.analysis.numbers, self.analysis.quotes):
            for item in items:
                if item.start <= message.offset < item.end:
                    self.select_span(item.start, item.end)
                    return

    def select_span(self, start: int, end: int, *, sync_panes: bool = True) -> None:
        self.selection = (start, end)
        self.article.select(start, end)
        if sync_panes:
            for pane in self.query(ItemPane):
                index = pane.index_containing(start, end)
                if index is None:
                    pane.follow(start)
                elif not pane.has_focus:
                    pane.move_cursor(row=index, animate=False)

    # -- navigation actions -----------------------------------------------------------

    def _anchor(self) -> int:
        return self.selection[0] if self.selection else self.article.visible_range[0] - 1

    def _step(self, spans: Sequence[Span], forward: bool) -> None:
        if not spans:
            self.notify(
                "Nothing of that kind in this article" if self.analysis else "Still analysing…", timeout=2
            )
            return
        starts = [span.start for span in spans]
        anchor = self._anchor()
        if forward:
            index = bisect_right(starts, anchor)
            index = 0 if index >= len(spans) else index
        else:
            index = bisect_left(starts, anchor) - 1
        target = spans[index]
        self.select_span(target.start, target.end)

    def action_step(self, kind: str, forward: bool) -> None:
        """Select the next (or previous) entity, quote or number."""
        self._step(getattr(self.analysis, kind) if self.analysis else (), forward)

    def action_mention(self, forward: bool) -> None:
        """Jump to the next mention of the selected entity (or of the glossary
        entry under the cursor when no entity is selected)."""
        if self.analysis is None:
            return
        glossary = self.query_one(GlossaryPane)
        entry = None
        if self.selection is not None:
            entry = next(
                (e for e in self.analysis.glossary if any(m.start == self.selection[0] for m in e.mentions)),
                None,
            )
        if entry is None:
            entry = glossary.entry_at_cursor(self.analysis)
        if entry is None:
            return
        self._step(entry.mentions, forward)

    # -- search ----------------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, message: Input.Submitted) -> None:
        message.input.display = False
        self.article.focus()
        self.find(message.value)

    def find(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        self.matches = [(m.start(), m.end()) for m in pattern.finditer(self.document.text)]
        self._match_starts = [start for start, _ in self.matches]
        self.article.set_layer("match", [Highlight(s, e, "article-view--match") for s, e in self.matches])
        if not self.matches:
            self.notify(f"Not found: {one_line(query, 40)}", severity="warning", timeout=3)
            return
        self._step_match(True)

    def action_next_match(self) -> None:
        self._step_match(True)

    def action_previous_match(self) -> None:
        self._step_match(False)

    def _step_match(self, forward: bool) -> None:
        if not self.matches:
            self.action_search()
            return
        self._step([Span(s, e, "") for s, e in self.matches], forward)
        index = self._match_starts.index(self.selection[0]) if self.selection else 0
        self.query_one("#status", Static).update(f"Match {index + 1} of {len(self.matches)}")

    def action_clear(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            search.display = False
            self.article.focus()
            return
        self.matches = []
        self.article.set_layer("match", [])
        self.selection = None
        self.article.clear_selection()
        if self.analysis:
            self.query_one("#status", Static).update(self._summary(self.analysis))

    # -- panes -------------------------------------------------------------------------

    def action_toggle_pane(self, name: str) -> None:
        pane = self.query_one(PANES[name])
        pane.display = not pane.display
        panes = self.query_one("#panes")
        panes.display = any(p.display for p in self.query(ItemPane))
        if not pane.display and pane.has_focus:
            self.article.focus()


_ENTITY_STYLES = frozenset({"PER", "ORG", "LOC", "MISC"})
