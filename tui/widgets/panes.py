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
from decimal import Decimal
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from tui.analysis.model import GlossaryEntry, Number, Quote, Span
from tui.analysis.spans import SpanIndex
from tui.safe_text import one_line


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
        Binding("j", "cursor_down", "Next row", show=False, id="pane.next_row"),
        Binding("k", "cursor_up", "Previous row", show=False, id="pane.previous_row"),
    ]
    COLUMNS: Sequence[str] = ()

    @dataclass
    class Chosen(Message):
        """The reader moved to a row of ``pane`` that shows ``span``."""

        pane: ItemPane
        span: Span

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
        self.border_subtitle = str(len(self._rows))

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
    COLUMNS = ("Kind", "Speaker", "Quote")


def quote_rows(quotes: Iterable[Quote]) -> Iterable[Row]:
    """Kind and speaker first: the quote itself is the part that may be cut
    (the detail line shows it whole)."""
    for quote in quotes:
        speaker = Text(one_line(quote.speaker.text, 20)) if quote.speaker else Text("–", style="dim")
        yield Row(quote, (Text(quote.kind), speaker, Text(one_line(quote.text, 80))))


class NumbersPane(ItemPane):
    COLUMNS = ("Value", "Figure", "Unit", "Context")


def number_rows(numbers: Iterable[Number], text: str) -> Iterable[Row]:
    for number in numbers:
        yield Row(number, number_cells(number, text))


def number_cells(number: Number, text: str) -> tuple[Text, Text, Text, Text]:
    value = Text(format_value(number), style="bold" if number.value is not None else "dim")
    if number.ambiguous:
        value.append(" ?", style="bold")
    if number.unit:
        unit = Text(one_line(number.unit, 16))
    elif number.kind in {"cardinal", "decimal"}:
        unit = Text("–", style="dim")
    else:
        unit = Text(number.kind, style="dim italic")  # year, date, ordinal…
    before = text[max(0, number.start - 16) : number.start]
    after = text[number.end : number.end + 16]
    context = Text(one_line(before) + " ")
    context.append(one_line(number.text), style="bold")
    context.append(" " + one_line(after))
    return value, Text(one_line(number.text)), unit, context


def format_value(number: Number) -> str:
    """The parsed value, grouped with thin spaces so it reads the same in
    every convention; ``≈`` marks a hedged figure."""
    if number.value is None:
        return "–"
    value = number.value
    if number.kind == "year":
        formatted = str(value)
    elif number.kind == "ordinal":
        formatted = f"{value}."
    elif isinstance(value, float):
        digits = format(Decimal(str(value)).normalize(), "f")
        whole, _, fraction = digits.partition(".")
        formatted = f"{int(whole):,}".replace(",", "\u2009") + ("." + fraction if fraction else "")
    else:
        formatted = f"{value:,}".replace(",", "\u2009")
    return ("≈" if number.approx else "") + formatted


class GlossaryPane(ItemPane):
    """Rows are entries, but the text is full of their later mentions: each
    row is found by any of them."""

    COLUMNS = ("×", "Label", "Name")

    def entry_row(self) -> int | None:
        """The row under the cursor, if there are rows."""
        return self.cursor_row if self._rows and self.cursor_row >= 0 else None


def glossary_rows(entries: Iterable[GlossaryEntry]) -> Iterable[Row]:
    for entry in entries:
        cells = (
            Text(str(len(entry.mentions)), justify="right"),
            Text(entry.label),
            Text(one_line(entry.name, 40)),
        )
        yield Row(entry.mentions[0], cells, anchors=entry.mentions)
