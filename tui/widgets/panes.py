"""Side panes: quotes, numbers and glossary as keyboard-driven tables.

A pane lists items that each point to a span of the text. Moving the cursor
in a focused pane asks the screen to show that span; the screen moves the
cursor of an unfocused pane as the reader scrolls (``follow``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from decimal import Decimal

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from tui.analysis.model import Analysis, GlossaryEntry, Number, Quote
from tui.safe_text import one_line

LABEL_NAMES = {"PER": "Person", "ORG": "Organisation", "LOC": "Place", "MISC": "Other"}


class ItemPane(DataTable):
    """A table whose rows are spans of the article."""

    BINDINGS = [
        Binding("j", "cursor_down", "Next row", show=False),
        Binding("k", "cursor_up", "Previous row", show=False),
    ]
    COLUMNS: Sequence[str] = ()

    class Chosen(Message):
        """The reader moved to the item spanning [start, end)."""

        def __init__(self, pane: ItemPane, start: int, end: int) -> None:
            super().__init__()
            self.pane = pane
            self.start = start
            self.end = end

    def __init__(self, title: str, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.border_title = title
        self._spans: list[tuple[int, int]] = []
        self._starts: list[int] = []

    def on_mount(self) -> None:
        self.add_columns(*self.COLUMNS)
        self.border_subtitle = "…"

    def show(self, analysis: Analysis) -> None:
        self.clear()
        rows = list(self.rows_for(analysis))
        self._spans = [(start, end) for start, end, _ in rows]
        self._starts = [start for start, _ in self._spans]
        for index, (_, _, cells) in enumerate(rows):
            self.add_row(*cells, key=str(index))
        self.border_subtitle = str(len(rows))

    def rows_for(self, analysis: Analysis):  # pragma: no cover - abstract
        raise NotImplementedError

    def follow(self, offset: int) -> None:
        """Put the cursor on the first item at or after ``offset``."""
        if not self._spans or self.has_focus:
            return
        index = min(bisect_left(self._starts, offset), len(self._spans) - 1)
        if index != self.cursor_row:
            self.move_cursor(row=index, animate=False, scroll=True)

    def index_containing(self, start: int, end: int) -> int | None:
        for index, (item_start, item_end) in enumerate(self._spans):
            if item_start <= start and end <= item_end:
                return index
        return None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.has_focus and 0 <= event.cursor_row < len(self._spans):
            self.post_message(self.Chosen(self, *self._spans[event.cursor_row]))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self._spans):
            self.post_message(self.Chosen(self, *self._spans[event.cursor_row]))


class QuotesPane(ItemPane):
    COLUMNS = ("Speaker", "Kind", "Quote")

    def rows_for(self, analysis: Analysis):
        for quote in analysis.quotes:
            yield quote.start, quote.end, _quote_cells(quote)


def _quote_cells(quote: Quote) -> tuple[Text, Text, Text]:
    """Speaker and kind first: the quote itself is the part that may be cut."""
    speaker = Text(one_line(quote.speaker.text, 14)) if quote.speaker else Text("–", style="dim")
    kind = "direct" if quote.kind == "direct" else "reported"
    return speaker, Text(kind), Text(one_line(quote.text, 60))


class NumbersPane(ItemPane):
    COLUMNS = ("Figure", "Value", "Unit", "Context")

    def rows_for(self, analysis: Analysis):
        for number in analysis.numbers:
            yield number.start, number.end, _number_cells(number, analysis.text)


def _number_cells(number: Number, text: str) -> tuple[Text, Text, Text, Text]:
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
    return Text(one_line(number.text, 20)), value, unit, context


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
    """Rows are entries, but the text is full of their later mentions: the
    pane follows and finds entries by any mention."""

    COLUMNS = ("Name", "Type", "×")

    def __init__(self, title: str, *, id: str) -> None:
        super().__init__(title, id=id)
        self._mention_starts: list[int] = []
        self._mention_entries: list[int] = []

    def show(self, analysis: Analysis) -> None:
        super().show(analysis)
        mentions = sorted(
            (mention.start, index)
            for index, entry in enumerate(analysis.glossary)
            for mention in entry.mentions
        )
        self._mention_starts = [start for start, _ in mentions]
        self._mention_entries = [index for _, index in mentions]

    def rows_for(self, analysis: Analysis):
        for entry in analysis.glossary:
            yield entry.start, entry.end, _entry_cells(entry)

    def follow(self, offset: int) -> None:
        if not self._mention_starts or self.has_focus:
            return
        position = min(bisect_left(self._mention_starts, offset), len(self._mention_starts) - 1)
        index = self._mention_entries[position]
        if index != self.cursor_row:
            self.move_cursor(row=index, animate=False, scroll=True)

    def index_containing(self, start: int, end: int) -> int | None:
        position = bisect_left(self._mention_starts, start)
        if position < len(self._mention_starts) and self._mention_starts[position] == start:
            return self._mention_entries[position]
        return None

    def entry_at_cursor(self, analysis: Analysis) -> GlossaryEntry | None:
        if not analysis.glossary or self.cursor_row < 0:
            return None
        return analysis.glossary[min(self.cursor_row, len(analysis.glossary) - 1)]


def _entry_cells(entry: GlossaryEntry) -> tuple[Text, Text, Text]:
    return (
        Text(one_line(entry.name, 32)),
        Text(LABEL_NAMES.get(entry.label, entry.label)),
        Text(str(len(entry.mentions)), justify="right"),
    )
