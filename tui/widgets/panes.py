"""Side panes: quotes, numbers and glossary as keyboard-driven tables.

Labels and kinds are shown as the JSON output names them (``PER``,
``indirect``, ``year``: see :mod:`tui.labels`).

A pane shows rows; each row stands for a span of the text and may be found
by several (a glossary entry by every mention). Moving the cursor in a
focused pane asks the screen to show the row's span; the screen moves the
cursor of an unfocused pane as the reader scrolls (``follow``). Columns with
figures come first, so a narrow pane cuts text, never a number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from tui import i18n
from tui.analysis.model import GlossaryEntry, Number, Quote, Span
from tui.analysis.spans import SpanIndex
from tui.i18n import _
from tui.safe_text import one_line
from tui.widgets.number_cells import SortKey, next_sort_key, number_cells, sort_numbers


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a pane: the span it shows, its cells, and the spans of the
    text that find it (by default the span itself)."""

    span: Span
    cells: tuple[Text, ...]
    anchors: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class _Anchor:
    start: int
    end: int
    row: int


class ItemPane(DataTable[Text]):
    """A table whose rows are spans of the article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", _("Next row"), show=False, id="pane.next_row"),
        Binding("k", "cursor_up", _("Previous row"), show=False, id="pane.previous_row"),
    ]
    COLUMNS: Sequence[str] = ()

    @dataclass
    class Chosen(Message):
        """The reader moved to a row of ``pane`` that shows ``span``."""

        pane: ItemPane
        span: Span

    @dataclass
    class OrderChanged(Message):
        """The reader asked ``pane`` for another order of its rows."""

        pane: ItemPane

    def __init__(self, title: str, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.border_title = title
        self._rows: list[Row] = []
        self._anchors: SpanIndex[_Anchor] = SpanIndex(())

    def on_mount(self) -> None:
        self.add_columns(*self.COLUMNS)
        self.border_subtitle = "…"

    def show(self, rows: Iterable[Row]) -> None:
        self.clear()
        self._rows = list(rows)
        self._anchors = SpanIndex(
            _Anchor(anchor.start, anchor.end, index)
            for index, row in enumerate(self._rows)
            for anchor in (row.anchors or (row.span,))
        )
        for index, row in enumerate(self._rows):
            self.add_row(*row.cells, key=str(index))
        self.border_subtitle = i18n.number(len(self._rows))

    def follow(self, offset: int) -> None:
        """Put the cursor on the row of the first anchor at or after ``offset``."""
        if not len(self._anchors) or self.has_focus:
            return
        anchor = self._anchors.next_after(offset - 1) or self._anchors[len(self._anchors) - 1]
        if anchor.row != self.cursor_row:
            self.move_cursor(row=anchor.row, animate=False, scroll=True)

    def row_containing(self, start: int, end: int) -> int | None:
        anchor = self._anchors.containing(start, end)
        return None if anchor is None else anchor.row

    def row_span(self, index: int) -> Span | None:
        return self._rows[index].span if 0 <= index < len(self._rows) else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        span = self.row_span(event.cursor_row)
        if self.has_focus and span is not None:
            self.post_message(self.Chosen(self, span))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        span = self.row_span(event.cursor_row)
        if span is not None:
            self.post_message(self.Chosen(self, span))


class QuotesPane(ItemPane):
    COLUMNS = (_("Kind"), _("Speaker"), _("Quote"))
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "group", _("Group by speaker / text order"), id="quotes.group"),
    ]
    by_speaker = False

    def action_group(self) -> None:
        self.by_speaker = not self.by_speaker
        self.border_title = _("Quotes by speaker") if self.by_speaker else _("Quotes")
        self.post_message(self.OrderChanged(self))


def speaker_label(quote: Quote) -> str | None:
    """Who said it: the resolved name ("Hugo Barra" for "er"), else the
    speaker phrase ("eine Sprecherin des Umweltamts"), else None."""
    if quote.speaker_name:
        return quote.speaker_name
    return quote.speaker.text if quote.speaker is not None else None


def shown_quotes(quotes: Iterable[Quote]) -> list[Quote]:
    """Quotes and reported speech; names and titles in quotation marks are
    not quotes, and the pane and the highlights leave them out."""
    return [quote for quote in quotes if quote.kind != "title"]


def quote_rows(quotes: Iterable[Quote], *, by_speaker: bool = False) -> Iterable[Row]:
    """Kind and speaker first: the quote itself is the part that may be cut
    (the detail line shows it whole). ``by_speaker`` groups the quotes of
    each speaker, speakers in order of their first quote."""
    quotes = shown_quotes(quotes)
    if by_speaker:
        first: dict[str, int] = {}
        for index, quote in enumerate(quotes):
            first.setdefault(speaker_label(quote) or "", index)
        quotes = sorted(quotes, key=lambda quote: (first[speaker_label(quote) or ""], quote.start))
    for quote in quotes:
        label = speaker_label(quote)
        speaker = Text(one_line(label, 24)) if label else Text("–", style="dim")
        yield Row(quote, (Text(quote.kind), speaker, Text(one_line(quote.text, 80))))


_NUMBERS_TITLES: dict[SortKey, str] = {
    "position": _("Numbers"),
    "value": _("Numbers by value"),
    "kind": _("Numbers by kind"),
}


class NumbersPane(ItemPane):
    COLUMNS = (_("Value"), _("Unit"), _("Kind"), _("Qualifier"), _("Figure"))
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort", _("Sort by position, value or kind"), id="numbers.sort"),
    ]
    order: SortKey = "position"

    def action_sort(self) -> None:
        self.order = next_sort_key(self.order)
        self.border_title = _NUMBERS_TITLES[self.order]
        self.post_message(self.OrderChanged(self))


def number_rows(numbers: Iterable[Number], locale: str, sort: SortKey = "position") -> Iterable[Row]:
    """A row per figure: the value as the reader writes numbers (Babel, the
    interface's locale), its unit, kind and qualifier, then the figure as written."""
    for number in sort_numbers(numbers, sort):
        surface, value, unit, kind, qualifier = number_cells(number, locale)
        value_cell = Text(value, style="bold" if number.value is not None else "dim")
        if number.approx:
            value_cell = Text("≈", style="dim") + value_cell
        yield Row(
            number,
            (
                value_cell,
                Text(one_line(unit, 16)),
                Text(kind, style="dim"),
                Text(qualifier),
                Text(one_line(surface, 40)),
            ),
        )


class GlossaryPane(ItemPane):
    """Rows are entries, but the text is full of their later mentions: each
    row is found by any of them."""

    COLUMNS = ("×", _("Label"), _("Name"))

    def entry_row(self) -> int | None:
        """The row under the cursor, if there are rows."""
        return self.cursor_row if self._rows and self.cursor_row >= 0 else None


def glossary_rows(entries: Iterable[GlossaryEntry]) -> Iterable[Row]:
    """Entities and abbreviations in order of first mention, then the key
    terms; an abbreviation shows its long form."""
    for entry in entries:
        name = Text(one_line(entry.name, 40))
        if entry.kind == "abbreviation" and entry.expansion:
            name = Text(one_line(entry.name, 12), style="bold") + Text(" = " + one_line(entry.expansion, 40))
        cells = (Text(str(len(entry.mentions)), justify="right"), Text(entry.label), name)
        yield Row(entry.mentions[0], cells, anchors=entry.mentions)
