"""The reader: article view, legend, the three panes, the detail line, search
and status.

Data flows one way: the analysis worker posts messages; the screen keeps
the reading state (a plain :class:`~tui.reading.Reading`), asks it where to
go and hands spans and rows to the widgets, which only display and report
what the reader did.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from tui import annotating, caret, i18n
from tui.analysis.chunks import ChunkAnalysis
from tui.analysis.model import Analysis, Entity, Number, Quote, Span
from tui.analysis_service import Analyser, AnalysisFailedError, ServiceStoppedError
from tui.caret import Caret
from tui.i18n import _, current_locale
from tui.labels import PERSONAL, entity_component
from tui.reading import ItemKind, Reading, describe_personal, shown_quotes
from tui.safe_text import one_line
from tui.sources import Document
from tui.widgets.article_view import ArticleView, Highlight
from tui.widgets.legend import Legend
from tui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    # The dialogs are imported when one first opens, the panes (and Textual's
    # DataTable) when they are mounted, the store when it is opened: none is
    # needed for the first paint.
    from tui.screens.annotation_dialogs import LabelChoice, PersonalEntryAnswer
    from tui.store import AnnotationSession, AnnotationStore
    from tui.store.model import Annotation, PersonalEntry
    from tui.store.personal_glossary import Mention
    from tui.widgets.annotations_pane import AnnotationsPane
    from tui.widgets.panes import GlossaryItem, GlossaryPane, ItemPane, NumbersPane, QuotesPane

PANES = ("quotes", "numbers", "glossary", "annotations")
CARET_MOTIONS: dict[str, caret.Motion] = {
    "next_char": caret.next_char,
    "previous_char": caret.previous_char,
    "next_word": caret.next_word,
    "previous_word": caret.previous_word,
    "next_paragraph": caret.next_paragraph,
    "previous_paragraph": caret.previous_paragraph,
}
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
class ChunkAnalysed(Message):
    """One chunk of a long article is done: its highlights can show."""

    chunk: ChunkAnalysis


@dataclass
class AnalysisReady(Message):
    analysis: Analysis


@dataclass
class AnalysisFailed(Message):
    reason: str


@dataclass
class PersonalGlossaryFound(Message):
    """The reader's own glossary and where its terms are in this text."""

    entries: tuple[PersonalEntry, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class MountedPanes:
    """The panes, once mounted after the first paint."""

    quotes: QuotesPane
    numbers: NumbersPane
    glossary: GlossaryPane
    annotations: AnnotationsPane

    @property
    def items(self) -> tuple[ItemPane, ...]:
        return (self.quotes, self.numbers, self.glossary)


@dataclass
class PanesChanged(Message):
    """The reader showed or hid a pane; ``hidden`` names the hidden ones."""

    hidden: frozenset[str]


class ReaderCommands(Provider):
    """The command palette's reader entries: every reader action by its
    description, and "Go to …" every glossary entry."""

    def _commands(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        from tui.screens.help import describe_key  # the help screen is imported on first use

        screen = self.screen
        if not isinstance(screen, ReaderScreen):
            return
        # The keys in effect: the keymap may have moved them.
        keys = {active.binding.id: key for key, active in screen.active_bindings.items()}
        for binding in ReaderScreen.BINDINGS:
            assert isinstance(binding, Binding)
            yield (
                binding.description,
                _("Key: {key}").format(key=describe_key(keys.get(binding.id, binding.key))),
                partial(screen.run_action, binding.action),
            )
        analysis = screen.reading.analysis
        for entry in analysis.glossary if analysis is not None else ():
            count = len(entry.mentions)
            yield (
                _("Go to {name}").format(name=entry.name),
                f"{entry.label}, " + i18n.count(count, "{count} mention", "{count} mentions"),
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
        Binding("e", "step('entities', True)", _("Entity"), id="reader.next_entity"),
        Binding(
            "E", "step('entities', False)", _("Previous entity"), show=False, id="reader.previous_entity"
        ),
        Binding("c", "step('quotes', True)", _("Quote"), id="reader.next_quote"),
        Binding("C", "step('quotes', False)", _("Previous quote"), show=False, id="reader.previous_quote"),
        Binding("d", "step('numbers', True)", _("Number"), id="reader.next_number"),
        Binding("D", "step('numbers', False)", _("Previous number"), show=False, id="reader.previous_number"),
        Binding("m", "mention(True)", _("Mention"), id="reader.next_mention"),
        Binding(
            "M",
            "mention(False)",
            _("Previous mention of the entity"),
            show=False,
            id="reader.previous_mention",
        ),
        Binding("slash", "search", _("Search"), id="reader.search"),
        Binding("n", "step_match(True)", _("Next search match"), show=False, id="reader.next_match"),
        Binding("N", "step_match(False)", _("Previous search match"), show=False, id="reader.previous_match"),
        Binding("escape", "clear", _("Clear search and selection"), show=False, id="reader.clear"),
        Binding(
            "1", "toggle_pane('quotes')", _("Show/hide quotes pane"), show=False, id="reader.toggle_quotes"
        ),
        Binding(
            "2", "toggle_pane('numbers')", _("Show/hide numbers pane"), show=False, id="reader.toggle_numbers"
        ),
        Binding(
            "3",
            "toggle_pane('glossary')",
            _("Show/hide glossary pane"),
            show=False,
            id="reader.toggle_glossary",
        ),
        Binding(
            "4",
            "toggle_pane('annotations')",
            _("Show/hide annotations pane"),
            show=False,
            id="reader.toggle_annotations",
        ),
        # The caret and the visual selection (vi-like; b is page up, so W goes back a word).
        Binding("l", "caret('next_char')", _("Caret right"), show=False, id="caret.right"),
        Binding("h", "caret('previous_char')", _("Caret left"), show=False, id="caret.left"),
        Binding("w", "caret('next_word')", _("Caret to the next word"), show=False, id="caret.next_word"),
        Binding(
            "W",
            "caret('previous_word')",
            _("Caret to the previous word"),
            show=False,
            id="caret.previous_word",
        ),
        Binding(
            "right_parenthesis",
            "caret_sentence(True)",
            _("Caret to the next sentence"),
            show=False,
            id="caret.next_sentence",
        ),
        Binding(
            "left_parenthesis",
            "caret_sentence(False)",
            _("Caret to the previous sentence"),
            show=False,
            id="caret.previous_sentence",
        ),
        Binding(
            "right_curly_bracket",
            "caret('next_paragraph')",
            _("Caret to the next paragraph"),
            show=False,
            id="caret.next_paragraph",
        ),
        Binding(
            "left_curly_bracket",
            "caret('previous_paragraph')",
            _("Caret to the previous paragraph"),
            show=False,
            id="caret.previous_paragraph",
        ),
        Binding("v", "visual", _("Select"), id="caret.visual"),
        Binding(
            "enter",
            "select_under_caret",
            _("Select the item under the caret"),
            show=False,
            id="caret.select_item",
        ),
        Binding("y", "copy_selection", _("Copy the selection"), show=False, id="caret.copy"),
        # Annotating what is selected (or the word under the caret).
        Binding("a", "note", _("Note"), id="annotate.note"),
        Binding("number_sign", "tags", _("Tags"), show=False, id="annotate.tags"),
        Binding("L", "label", _("Entity label"), show=False, id="annotate.label"),
        Binding("at", "speaker", _("Set the quote's speaker"), show=False, id="annotate.speaker"),
        Binding("x", "delete_annotation", _("Delete the annotation here"), show=False, id="annotate.delete"),
        Binding("u", "undo", _("Undo annotation edit"), show=False, id="annotate.undo"),
        Binding("ctrl+r", "redo", _("Redo annotation edit"), show=False, id="annotate.redo"),
        Binding(
            "plus",
            "add_personal",
            _("Add to my glossary"),
            show=False,
            id="glossary.add_personal",
        ),
    ]
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ReaderCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]

    def __init__(
        self,
        document: Document,
        service: Analyser,
        hidden_panes: Iterable[str] = (),
        store: Callable[[], AnnotationStore] | None = None,
    ) -> None:
        """``store`` opens the annotation store (after the text is on screen);
        None reads without annotations."""
        super().__init__()
        self.document = document
        self.service = service
        self.reading = Reading(document.text)
        self.failure: str | None = None  # why there is no analysis, if it failed
        self.hidden_panes = frozenset(hidden_panes) & set(PANES)
        self.panes: MountedPanes | None = None
        self.panes_mounted = asyncio.Event()
        self.open_store = store
        self.session: AnnotationSession | None = None
        # The analysis as the model made it; what the reader sees has the
        # reader's corrections laid over it (never written into it).
        self.model_analysis: Analysis | None = None
        self._corrections: tuple[object, ...] = ()
        self.caret = Caret()
        self.caret_shown = False
        self._partial: list[ChunkAnalysis] = []
        # The reader's own glossary: its entries, where they are in this
        # text, and the titles of the other articles each was seen in.
        self._personal: tuple[PersonalEntry, ...] = ()
        self._personal_mentions: tuple[Mention, ...] = ()
        self._also_in: dict[str, list[str]] = {}
        self._deleted_entry: PersonalEntry | None = None  # for u

    def compose(self) -> ComposeResult:
        with Horizontal(id="top-bar"):
            yield Static(one_line(self.document.title, 60), id="title", markup=False)
            yield Legend(id="legend")
        with Horizontal(id="main"):
            yield ArticleView(self.document.text, id="article")
            # The panes are mounted after the first paint (see on_mount); the
            # column keeps their place so that the text does not reflow.
            yield Vertical(id="panes")
        yield Static(id="detail", markup=False)
        yield SearchBar(id="search")
        with Horizontal(id="status-bar"):
            yield Static(_("Loading the language model…"), id="status", markup=False)
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
        self.query_one("#detail").display = False
        self.query_one(SearchBar).display = False
        self.article.focus()
        if self.document.note:
            self.notify(self.document.note, severity="warning", timeout=8)
        # The text comes first. Then the analysis process starts (spawning it
        # before the first frame made that frame 0.05 s later on 2 cores:
        # bench/first_paint_tty.py), and the empty tables and the footer's keys,
        # most of the first frame's work, follow in places kept for them.
        self.call_after_refresh(self._start_analysis)
        self.call_after_refresh(self._mount_the_rest)

    def _start_analysis(self) -> None:
        self.service.start()  # from the main thread: a worker cannot spawn the process
        self.run_analysis()

    async def _mount_the_rest(self) -> None:
        from tui.widgets.annotations_pane import AnnotationsPane
        from tui.widgets.footer import KeyFooter
        from tui.widgets.panes import GlossaryColumn, GlossaryPane, NumbersPane, QuotesPane

        quotes = QuotesPane(_("Quotes"), id="quotes")
        numbers = NumbersPane(_("Numbers"), id="numbers")
        glossary = GlossaryColumn(_("Glossary"), id="glossary")
        annotations = AnnotationsPane(id="annotations")
        with self.app.batch_update():
            await self.query_one("#footer-slot").remove()
            await self.mount(KeyFooter())
            await self.query_one("#panes").mount_all([quotes, numbers, glossary, annotations])
        self.refresh_bindings()  # the footer shows its keys when told of them
        self.panes = MountedPanes(quotes, numbers, glossary.query_one(GlossaryPane), annotations)
        self.panes_mounted.set()
        self._show_panes()
        self._fill_panes()  # if the analysis came first
        # The store is read after the first paint, beside the analysis.
        self.open_annotations()

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
            analysis = self.service.analyze(
                self.document.text,
                progress=progress,
                each_chunk=self._post_chunk,
            )
        except AnalysisFailedError as error:
            self.post_message(AnalysisFailed(str(error)))
        except ServiceStoppedError:
            pass  # the reader is closing
        else:
            self.post_message(AnalysisReady(analysis))

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        from textual.widgets import ProgressBar  # only long texts report progress

        self._status(_("Analysing… {percent}").format(percent=i18n.percent(message.fraction)))
        bars = self.query(ProgressBar)
        if bars:
            bars.first().update(progress=message.fraction)
        else:  # only long texts report progress: the bar comes with the first report
            bar = ProgressBar(total=1.0, show_eta=False, show_percentage=True, id="progress")
            self.query_one("#status-bar").mount(bar)
            bar.update(progress=message.fraction)

    def _post_chunk(self, chunk: ChunkAnalysis) -> None:
        self.post_message(ChunkAnalysed(chunk))

    def on_chunk_analysed(self, message: ChunkAnalysed) -> None:
        """A long article lights up chunk by chunk while the rest is analysed;
        the whole analysis replaces these highlights when it is done."""
        if self.model_analysis is not None:
            return
        self._partial.append(message.chunk)
        chunks = self._partial
        self._highlight(
            [e for c in chunks for e in c.entities],
            shown_quotes(q for c in chunks for q in c.quotes),
            [n for c in chunks for n in c.numbers],
        )

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.failure = message.reason
        self._status(_("Analysis failed: {reason}").format(reason=one_line(message.reason, 120)))
        self.query("#progress").set(display=False)
        self.notify(message.reason, title=_("Analysis failed"), severity="error", timeout=15)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.model_analysis = message.analysis
        annotations = self.session.annotations if self.session is not None else []
        self._corrections = annotating.corrections_of(annotations)
        self._show_analysis(_corrected(message.analysis, annotations))

    def _show_analysis(self, analysis: Analysis) -> None:
        self.reading.set_analysis(analysis)
        self._highlight(analysis.entities, shown_quotes(analysis.quotes), analysis.numbers)
        self.query("#progress").set(display=False)
        self._status(self.reading.summary())
        self._fill_panes()
        self._show_detail()  # the selection may be an item the new analysis tells more of

    def _highlight(
        self, entities: Sequence[Entity], quotes: Sequence[Quote], numbers: Sequence[Number]
    ) -> None:
        article = self.article
        article.set_layer(
            "entity",
            [
                Highlight(e.start, e.end, f"article-view--{component}")
                for e in entities
                if (component := entity_component(e.label)) is not None
            ],
        )
        article.set_layer("quote", [Highlight(q.start, q.end, "article-view--quote") for q in quotes])
        article.set_layer("number", [Highlight(n.start, n.end, "article-view--number") for n in numbers])

    def _fill_panes(self) -> None:
        analysis, panes = self.analysis, self.panes
        if analysis is None or panes is None:
            return
        from tui.widgets.panes import glossary_items, number_rows, quote_rows  # imported with the panes

        panes.quotes.show(quote_rows(analysis.quotes, by_speaker=panes.quotes.by_speaker))
        panes.numbers.show(number_rows(analysis.numbers, str(current_locale()), panes.numbers.order))
        panes.glossary.show_items(glossary_items(analysis.glossary, self._personal_items()))
        self._follow(self.article.visible_range[0])

    def _item_panes(self) -> tuple[ItemPane, ...]:
        return self.panes.items if self.panes is not None else ()

    # -- following the reader ------------------------------------------------------

    @on(ArticleView.ViewportMoved)
    def _viewport_moved(self, message: ArticleView.ViewportMoved) -> None:
        selection = self.reading.selection
        if selection is None or not message.start <= selection.start < message.end:
            self._follow(message.start)

    def _follow(self, offset: int) -> None:
        for pane in self._item_panes():
            pane.follow(offset)

    # The panes' messages are handled by name: their classes are not imported
    # before the panes are mounted.

    def on_item_pane_order_changed(self) -> None:
        self._fill_panes()

    def on_item_pane_chosen(self, message: ItemPane.Chosen) -> None:
        self.select_span(message.span.start, message.span.end, sync_panes=False)

    @on(ArticleView.Clicked)
    def _clicked(self, message: ArticleView.Clicked) -> None:
        self.caret = Caret(message.offset)
        self.caret_shown = True
        self._show_caret(scroll=False)
        item = self._item_at(message.offset)
        if item is not None:
            self.select_span(*item)

    @on(ArticleView.Dragged)
    def _dragged(self, message: ArticleView.Dragged) -> None:
        self.caret = Caret(message.offset, anchor=message.anchor)
        self.caret_shown = True
        self._show_caret(scroll=False)

    def select_span(self, start: int, end: int, *, sync_panes: bool = True) -> None:
        self.reading.select(start, end)
        self.article.select(start, end)
        self._show_detail()
        if sync_panes:
            for pane in self._item_panes():
                row = pane.row_containing(start, end)
                if row is None:
                    pane.follow(start)
                elif not pane.has_focus:
                    pane.move_cursor(row=row, animate=False)

    def _show_detail(self) -> None:
        detail = self.query_one("#detail", Static)
        text = self.reading.detail()
        if personal := self._personal_detail():
            text = f"{text} · {personal}" if text else personal
        detail.update(one_line(text))
        detail.display = bool(text)

    # -- navigation actions -----------------------------------------------------------

    def _anchor(self) -> int:
        return self.reading.anchor(self.article.visible_range[0])

    def action_step(self, kind: ItemKind, forward: bool) -> None:
        """Select the next (or previous) entity, quote or number."""
        if self.reading.step_item(kind, forward, self._anchor()) is None:
            self.notify(
                _("Nothing of that kind in this article") if self.analysis else _("Still analysing…"),
                timeout=2,
            )
            return
        self._selected()

    def action_mention(self, forward: bool) -> None:
        """Jump to the next mention of the selected entity (or of the glossary
        entry under the cursor when no entity is selected)."""
        analysis = self.analysis
        if analysis is None:
            return
        row = self.panes.glossary.current() if self.panes is not None else None
        fallback = row.mentions if row is not None else ()
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
            if self.failure is None:  # the last search's "Match 3 of 5" goes (a failure stays in view)
                self._status(self.reading.summary())
            self.notify(
                _("Not found: {query}").format(query=one_line(query, 40)), severity="warning", timeout=3
            )
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
            self._status(
                _("Match {number} of {count}").format(
                    number=i18n.number(position[0]), count=i18n.number(position[1])
                )
            )

    def action_clear(self) -> None:
        """Back out one step: the visual selection, then search and selection,
        then back to the library the article was opened from."""
        if self.caret.selecting:
            self.caret = self.caret.cancel()
            self._show_caret(scroll=False)
            return
        if self.reading.selection is None and not self.reading.query and len(self.app.screen_stack) > 1:
            self.dismiss()
            return
        self.reading.clear_search()
        self.reading.clear_selection()
        self.article.set_layer("match", [])
        self.article.clear_selection()
        self._show_detail()
        if self.analysis is not None:
            self._status(self.reading.summary())

    # -- panes -------------------------------------------------------------------------

    def action_toggle_pane(self, name: str) -> None:
        if name == "annotations" and not self._has_annotations():
            self.notify(
                _("No annotations in this article yet: select words with v, then a for a note"), timeout=4
            )
            return
        pane = self.query_one(f"#{name}")
        self.hidden_panes = self.hidden_panes ^ {name}
        self._show_panes()
        if not pane.display and pane.has_focus_within:
            self.article.focus()
        self.post_message(PanesChanged(self.hidden_panes))

    def _has_annotations(self) -> bool:
        return self.session is not None and bool(self.session.annotations or self.session.orphans)

    def _show_panes(self) -> None:
        """Each pane unless the reader hid it; the annotations pane only when
        the article has annotations; the column only when a pane shows."""
        shown = set(PANES) - self.hidden_panes
        if not self._has_annotations():
            shown.discard("annotations")
        for name in PANES:
            self.query_one(f"#{name}").display = name in shown
        self.query_one("#panes").display = bool(shown)

    # -- the caret and the visual selection ------------------------------------------

    def _start_caret(self) -> None:
        """Show the caret where the reader is looking: at the selected item,
        else at the top of the view."""
        if self.caret_shown:
            return
        selected = self.reading.selection
        start = selected.start if selected is not None else self.article.visible_range[0]
        self.caret = Caret().moved(self.document.text, start)
        self.caret_shown = True

    def action_caret(self, motion: str) -> None:
        """Move the caret by a character, word or paragraph (extending a visual selection)."""
        anchor = self.caret.anchor
        if motion == "next_word" and anchor is not None and self.caret.offset >= anchor:
            # A selection grows to the end of the word, not onto the next one's first letter.
            self._move_caret(caret.word_end)
            return
        self._move_caret(CARET_MOTIONS[motion])

    def action_caret_sentence(self, forward: bool) -> None:
        """Move the caret to the next (previous) sentence, as the analysis splits them."""
        sentences = self.analysis.sentences if self.analysis is not None else ()
        starts = [sentence.start for sentence in sentences] or None
        move = caret.next_sentence if forward else caret.previous_sentence
        self._move_caret(lambda text, offset: move(text, offset, starts))

    def _move_caret(self, motion: caret.Motion) -> None:
        self._start_caret()
        self.caret = self.caret.moved(self.document.text, motion(self.document.text, self.caret.offset))
        self._show_caret()

    def action_visual(self) -> None:
        """Start (or end) a visual selection at the caret."""
        self._start_caret()
        self.caret = self.caret.cancel() if self.caret.selecting else self.caret.start_selection()
        self._show_caret()

    def action_select_under_caret(self) -> None:
        """Select the entity, number or quote under the caret, for annotating."""
        self._start_caret()
        item = self._item_at(self.caret.offset)
        if item is None:
            self.notify(_("Nothing highlighted under the caret"), timeout=2)
            return
        self.caret = self.caret.select(self.document.text, *item)
        self.select_span(*item)
        self._show_caret()

    def _item_at(self, offset: int) -> tuple[int, int] | None:
        """The entity, number or quote under ``offset``, else a term of the reader's own glossary."""
        item = self.reading.item_at(offset)
        if item is not None:
            return item.start, item.end
        mention = next((m for m in self._personal_mentions if m.start <= offset < m.end), None)
        return None if mention is None else (mention.start, mention.end)

    def action_copy_selection(self) -> None:
        """Copy the selection (or the selected item) to the clipboard."""
        span = self._target()
        if span is None:
            return
        self.app.copy_to_clipboard(self.document.text[span[0] : span[1]])
        self.notify(
            _("Copied {characters}").format(
                characters=i18n.count(span[1] - span[0], "{count} character", "{count} characters")
            ),
            timeout=2,
        )

    def _show_caret(self, *, scroll: bool = True) -> None:
        article = self.article
        offset = self.caret.offset
        article.set_layer(
            "caret", [Highlight(offset, offset + 1, "article-view--caret")] if self.caret_shown else []
        )
        visual = [Highlight(*self.caret.span, "article-view--visual")] if self.caret.selecting else []
        article.set_layer("visual", visual)
        if scroll:
            article.scroll_to_offset(offset)
        if self.caret.selecting:
            start, end = self.caret.span
            self._status(
                _(
                    "Selecting {characters}: a note, # tags, L label, + my glossary, y copy, Esc cancel"
                ).format(characters=i18n.count(end - start, "{count} character", "{count} characters"))
            )

    # -- annotating ----------------------------------------------------------------------

    def open_annotations(self) -> None:
        if self.open_store is None:
            return
        from tui.store import AnnotationSession, StoreError

        try:
            self.session = AnnotationSession.open(self.open_store(), self.document)
        except (StoreError, OSError) as error:
            self.notify(
                _("Annotations are off: {error}").format(error=error),
                title=_("Annotation store"),
                severity="error",
                timeout=15,
            )
            return
        self._annotations_changed()
        self.refresh_personal_glossary()
        if orphans := len(self.session.orphans):
            self.notify(
                i18n.ngettext(
                    "{count} annotation could not be placed in the changed text; "
                    "the Annotations pane (4) lists it with its old words",
                    "{count} annotations could not be placed in the changed text; "
                    "the Annotations pane (4) lists them with their old words",
                    orphans,
                ).format(count=i18n.number(orphans)),
                severity="warning",
                timeout=10,
            )

    def _target(self) -> tuple[int, int] | None:
        span = annotating.target(
            self.document.text, self.caret if self.caret_shown else None, self.reading.selection
        )
        if span is None:
            self.notify(_("Select some words first: v and the caret keys, a mouse drag, or e/c/d"), timeout=4)
        return span

    def _annotation_target(self) -> tuple[AnnotationSession, int, int, Annotation | None] | None:
        if self.session is None:
            self.notify(_("Annotations are off for this reader"), severity="warning", timeout=4)
            return None
        span = self._target()
        if span is None:
            return None
        return self.session, *span, annotating.on_span(self.session.annotations, *span)

    def _save(self, write: Callable[[AnnotationSession], Annotation]) -> None:
        """Write a change at once; an annotation that says nothing any more goes."""
        session = self.session
        assert session is not None
        annotation = write(session)
        self._deleted_entry = None  # u now undoes this edit
        if annotating.says_nothing(annotation):
            session.delete(annotation.id)
        # The selection stays: a reader often tags a phrase and then writes a note on it.
        self._annotations_changed(keep=annotation.id)

    def action_note(self) -> None:
        """Write (or edit) a note on the selection."""
        from tui.screens.annotation_dialogs import NoteDialog

        if (found := self._annotation_target()) is None:
            return
        _session, start, end, existing = found

        def saved(note: str | None) -> None:
            if note is None or not (note or existing):
                return
            self._save(
                lambda s: s.update(existing.id, note=note) if existing else s.add(start, end, note=note)
            )

        self.app.push_screen(
            NoteDialog(self.document.text[start:end], existing.note if existing else ""), saved
        )

    def action_tags(self) -> None:
        """Tag the selection (completion from the tags used before)."""
        from tui.screens.annotation_dialogs import TagsDialog

        if (found := self._annotation_target()) is None:
            return
        session, start, end, existing = found

        def saved(tags: tuple[str, ...] | None) -> None:
            if tags is None or not (tags or existing):
                return
            self._save(
                lambda s: s.update(existing.id, tags=tags) if existing else s.add(start, end, tags=tags)
            )

        dialog = TagsDialog(
            self.document.text[start:end], existing.tags if existing else (), session.tags_used()
        )
        self.app.push_screen(dialog, saved)

    def action_label(self) -> None:
        """Correct the entity label of the selection: add, relabel or remove an entity."""
        from tui.screens.annotation_dialogs import CLEAR_CORRECTION, NOT_AN_ENTITY, LabelDialog
        from tui.store import EntityCorrection

        if (found := self._annotation_target()) is None:
            return
        _session, start, end, existing = found
        current = existing.entity.label if existing and existing.entity else None
        current = current or annotating.entity_label(self.model_analysis, start, end)

        def chosen(choice: LabelChoice | None) -> None:
            if choice is None or (choice == CLEAR_CORRECTION and existing is None):
                return
            correction = None
            if choice != CLEAR_CORRECTION:
                correction = EntityCorrection(None if choice == NOT_AN_ENTITY else choice)
            self._save(
                lambda s: (
                    s.update(existing.id, entity=correction)
                    if existing
                    else s.add(start, end, entity=correction)
                )
            )

        self.app.push_screen(LabelDialog(self.document.text[start:end], current), chosen)

    def action_speaker(self) -> None:
        """Say who said the quote at the caret or selection."""
        from tui.screens.annotation_dialogs import SpeakerDialog

        if (found := self._annotation_target()) is None:
            return
        session, start, end, _existing = found
        quote = annotating.quote_around(self.analysis, start, end)
        if quote is None:
            self.notify(_("Put the caret in a quote first (c steps to the next one)"), timeout=4)
            return
        existing = annotating.on_span(session.annotations, quote.start, quote.end)
        speaker = quote.speaker.text if quote.speaker is not None else ""

        def saved(name: str | None) -> None:
            if name is None:
                return
            self._save(
                lambda s: (
                    s.update(existing.id, speaker=name)
                    if existing
                    else s.add(quote.start, quote.end, speaker=name)
                )
            )

        names = annotating.speaker_names(self.analysis)
        self.app.push_screen(SpeakerDialog(quote.text, speaker, names), saved)

    def action_delete_annotation(self) -> None:
        """Delete the annotation under the caret (or on the selection)."""
        if self.session is None:
            return
        span = annotating.target(
            self.document.text, self.caret if self.caret_shown else None, self.reading.selection
        )
        offset = span[0] if span is not None else self.caret.offset
        annotation = annotating.under(self.session.annotations, offset)
        if annotation is None:
            self.notify(_("No annotation here"), timeout=2)
            return
        self._delete(annotation.id)

    def _delete(self, annotation_id: str) -> None:
        assert self.session is not None
        self.session.delete(annotation_id)
        self._annotations_changed()
        self.notify(_("Annotation deleted (u undoes it)"), timeout=3)

    def action_undo(self) -> None:
        """Take back the last annotation edit (or the deletion of a glossary entry)."""
        if self.session is not None and (entry := self._deleted_entry) is not None:
            self._deleted_entry = None
            self.session.store.save_personal_entry(entry)
            self.refresh_personal_glossary()
            self.notify(_("Undone: {text}").format(text=one_line(entry.term, 40)), timeout=2)
            return
        if self.session is not None and (touched := self.session.undo()) is not None:
            self._annotations_changed(keep=touched.id)
            self.notify(_("Undone: {text}").format(text=one_line(touched.text, 40)), timeout=2)

    def action_redo(self) -> None:
        """Make the last undone annotation edit again."""
        if self.session is not None and (touched := self.session.redo()) is not None:
            self._annotations_changed(keep=touched.id)
            self.notify(_("Redone: {text}").format(text=one_line(touched.text, 40)), timeout=2)

    def _annotations_changed(self, keep: str | None = None) -> None:
        """Show the annotations in the text, the gutter and the pane; lay the
        reader's corrections over the analysis when they changed."""
        session = self.session
        if session is None:
            return
        placed = session.annotations
        article = self.article
        article.set_layer(
            "annotation", [Highlight(a.start, a.end, "article-view--annotation") for a in placed]
        )
        article.set_marks((a.start, a.end) for a in placed)
        # The text shows the change in this frame; the pane follows in the next.
        self.call_after_refresh(self._show_annotations_pane, [*placed, *session.orphans], keep)
        corrections = annotating.corrections_of(placed)
        if self.model_analysis is not None and corrections != self._corrections:
            self._corrections = corrections
            self._show_analysis(_corrected(self.model_analysis, placed))

    def _show_annotations_pane(self, annotations: list[Annotation], keep: str | None) -> None:
        if self.panes is not None:
            self.panes.annotations.show(annotations, keep=keep)
            self._show_panes()

    def on_annotations_pane_chosen(self, message: AnnotationsPane.Chosen) -> None:
        annotation = self.session.get(message.annotation_id) if self.session is not None else None
        if annotation is None:
            return
        if annotation.is_orphan:
            self.notify(
                _("Not in this version of the text: “{text}”").format(text=one_line(annotation.text, 80)),
                timeout=6,
            )
            return
        self.caret = Caret().select(self.document.text, annotation.start, annotation.end).cancel()
        self.caret_shown = True
        self.select_span(annotation.start, annotation.end, sync_panes=False)
        self._show_caret(scroll=False)

    def on_annotations_pane_edit_requested(self, message: AnnotationsPane.EditRequested) -> None:
        from tui.screens.annotation_dialogs import NoteDialog

        annotation = self.session.get(message.annotation_id) if self.session is not None else None
        if annotation is None:
            return

        def saved(note: str | None) -> None:
            if note is not None:
                self._save(lambda s: s.update(annotation.id, note=note))

        self.app.push_screen(NoteDialog(annotation.text, annotation.note), saved)

    def on_annotations_pane_delete_requested(self, message: AnnotationsPane.DeleteRequested) -> None:
        self._delete(message.annotation_id)

    # -- the reader's own glossary -------------------------------------------------------

    def refresh_personal_glossary(self) -> None:
        """Read the reader's own glossary and find its terms in this text
        (off the UI thread: a long article takes a moment)."""
        if self.session is not None:
            self._find_personal(tuple(self.session.store.personal_entries()))

    @work(thread=True, exclusive=True, group="personal-glossary")
    def _find_personal(self, entries: tuple[PersonalEntry, ...]) -> None:
        from tui.store.personal_glossary import find_mentions

        mentions = tuple(find_mentions(self.document.text, entries))
        # A newer search (the reader saved another entry meanwhile) replaces this one.
        if not get_current_worker().is_cancelled:
            self.post_message(PersonalGlossaryFound(entries, mentions))

    def on_personal_glossary_found(self, message: PersonalGlossaryFound) -> None:
        """Record where the entries were seen, then show them: in the text, the
        legend, the glossary pane and the detail line."""
        if self.session is None:
            return
        from tui.store.personal_glossary import counts, seen_elsewhere
        from tui.store.session import source_path

        store = self.session.store
        store.record_sightings(self.document.id, counts(message.mentions))
        sightings = store.sightings(dict.fromkeys(m.entry_id for m in message.mentions))
        also_in = seen_elsewhere(sightings, self.document.id, source_path(self.document.source))
        self._personal, self._personal_mentions, self._also_in = message.entries, message.mentions, also_in
        self.article.set_layer(
            "mine",
            [Highlight(m.start, m.end, f"article-view--{PERSONAL.component}") for m in message.mentions],
        )
        self.query_one(Legend).personal = bool(message.mentions)
        self._fill_panes()
        self._show_detail()

    def _personal_items(self) -> list[GlossaryItem]:
        from tui.store.personal_glossary import by_entry
        from tui.widgets.panes import personal_item  # imported with the panes

        found = by_entry(self._personal_mentions)
        return [
            personal_item(
                entry.id, entry.term, entry.note, [Span(m.start, m.end, m.text) for m in found[entry.id]]
            )
            for entry in self._personal
            if entry.id in found
        ]

    def _personal_detail(self) -> str:
        """What the reader's own glossary says of the selection, if it is one of its terms."""
        selected = self.reading.selection
        if selected is None:
            return ""
        span = (selected.start, selected.end)
        mention = next((m for m in self._personal_mentions if (m.start, m.end) == span), None)
        entry = next((e for e in self._personal if mention and e.id == mention.entry_id), None)
        if entry is None:
            return ""
        seen = sum(m.entry_id == entry.id for m in self._personal_mentions)
        return describe_personal(entry, seen, self._also_in.get(entry.id, []))

    def action_add_personal(self) -> None:
        """Add the selection (or the glossary row under the cursor) to my
        glossary, or edit the entry it already has."""
        from tui.screens.annotation_dialogs import PersonalEntryDialog
        from tui.store.personal_glossary import edited, find_mentions, new_entry, same_term

        if self.session is None:
            self.notify(_("Annotations are off for this reader"), severity="warning", timeout=4)
            return
        store = self.session.store
        entries = store.personal_entries()
        pane = self.panes.glossary if self.panes is not None else None
        row = pane.current() if pane is not None and pane.has_focus else None
        if row is not None:
            term = row.name
        elif (span := self._target()) is not None:
            start, end = annotating.whole_words(self.document.text, *span)
            term = " ".join(self.document.text[start:end].split())
        else:
            return
        existing = next((e for e in entries if row is not None and e.id == row.entry_id), None)
        existing = existing or same_term(entries, term)

        def saved(answer: PersonalEntryAnswer | None) -> None:
            if answer is None:
                return
            # A term edited into one the glossary has edits that entry.
            target = existing or same_term(entries, answer.term)
            entry = (
                edited(target, answer.term, answer.note, answer.tags)
                if target is not None
                else new_entry(answer.term, answer.note, answer.tags)
            )
            store.save_personal_entry(entry)
            self._deleted_entry = None
            self.notify(_("In my glossary: {term}").format(term=one_line(entry.term, 40)), timeout=3)
            if not find_mentions(self.document.text, [entry]):
                self.notify(
                    _("“{term}” is not in this article as a whole word: no row for it here").format(
                        term=one_line(entry.term, 40)
                    ),
                    severity="warning",
                    timeout=6,
                )
            self.refresh_personal_glossary()

        dialog = PersonalEntryDialog(
            existing.term if existing else term,
            existing.note if existing else "",
            existing.tags if existing else (),
            store.tags_used(),
            new=existing is None,
        )
        self.app.push_screen(dialog, saved)

    def on_glossary_pane_delete_requested(self, message: GlossaryPane.DeleteRequested) -> None:
        entry = next((e for e in self._personal if e.id == message.entry_id), None)
        if self.session is None or entry is None:
            return
        self.session.store.delete_personal_entry(entry.id)
        self._deleted_entry = entry
        self.refresh_personal_glossary()
        self.notify(
            _("Deleted from my glossary: {term} (u undoes it)").format(term=one_line(entry.term, 40)),
            timeout=4,
        )


def _corrected(analysis: Analysis, annotations: Sequence[Annotation]) -> Analysis:
    """The analysis with the reader's corrections laid over it. The overlay
    rebuilds the glossary, so its engine is imported on the first
    correction, not before the first paint."""
    if not annotating.corrections_of(annotations):
        return analysis
    from tui.store.corrections import apply_corrections

    return apply_corrections(analysis, annotations)
