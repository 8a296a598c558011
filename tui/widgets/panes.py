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
from dataclasses import dataclass, replace
from typing import ClassVar, Literal

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input

from tui import i18n
from tui.analysis.model import GlossaryEntry, Number, Quote, Span
from tui.analysis.spans import SpanIndex
from tui.i18n import _
from tui.labels import ENTITY_LABELS, PERSONAL
from tui.reading import shown_quotes
from tui.safe_text import one_line
from tui.widgets.filter_line import FilterLine
from tui.widgets.number_cells import SortKey, next_sort_key, number_cells, sort_numbers
from tui.widgets.row_table import RowTable


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a pane: the span it shows, its cells, and the spans of the
    text that find it (by default the span itself)."""

    span: Span
    cells: tuple[Text, ...]
    anchors: tuple[Span, ...] = ()


# A cut column keeps at least this many characters ("Hu…").
_MIN_CUT = 3


def _ellipsised(cell: Text) -> Text:
    cell = cell.copy()
    cell.no_wrap, cell.overflow = True, "ellipsis"
    return cell


@dataclass(frozen=True, slots=True)
class _Anchor:
    start: int
    end: int
    row: int


class ItemPane(RowTable):
    """A table whose rows are spans of the article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", _("Next row"), show=False, id="pane.next_row"),
        Binding("k", "cursor_up", _("Previous row"), show=False, id="pane.previous_row"),
    ]
    COLUMNS: Sequence[str] = ()
    # How a narrow pane makes room, step by step until the columns fit: "cut"
    # a text column to a few characters and an ellipsis, or "drop" a column.
    # Columns in no step keep their width: a value or a count is never cut.
    GIVE_WAY: Sequence[tuple[Literal["cut", "drop"], int]] = ()

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
        self._widths: list[int | None] = []

    def on_mount(self) -> None:
        self._fill()
        self.border_subtitle = "…"

    def show(self, rows: Iterable[Row]) -> None:
        self._rows = list(rows)
        self._anchors = SpanIndex(
            _Anchor(anchor.start, anchor.end, index)
            for index, row in enumerate(self._rows)
            for anchor in (row.anchors or (row.span,))
        )
        self._fill()
        self.border_subtitle = i18n.number(len(self._rows))

    def on_resize(self) -> None:
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        widths = self._column_widths()
        if widths != self._widths:
            row = self.cursor_row
            self._fill(widths)
            if self._rows:
                self.move_cursor(row=min(row, len(self._rows) - 1), animate=False, scroll=True)

    def _fill(self, widths: list[int | None] | None = None) -> None:
        """The rows in columns as wide as the pane: a cut column's texts end in
        "…" rather than running out of view."""
        self._widths = widths if widths is not None else self._column_widths()
        shown = [column for column, width in enumerate(self._widths) if width is not None]
        cut = self._cut_columns()
        self.clear(columns=True)
        for column in shown:
            self.add_column(self.COLUMNS[column], width=self._widths[column])
        for index, row in enumerate(self._rows):
            cells = [_ellipsised(row.cells[c]) if c in cut else row.cells[c] for c in shown]
            self.add_row(*cells, key=str(index))

    def _cut_columns(self) -> list[int]:
        return [column for step, column in self.GIVE_WAY if step == "cut"]

    def _column_widths(self) -> list[int | None]:
        """Each column's width, None for a column left out of a pane too narrow for it."""
        natural = [
            max([cell_len(label), *(row.cells[column].cell_len for row in self._rows)])
            for column, label in enumerate(self.COLUMNS)
        ]
        # The cells' padding, and a column for the vertical scrollbar.
        available = self.size.width - 1 - 2 * self.cell_padding * len(self.COLUMNS)
        widths: list[int | None] = list(natural)
        excess = sum(natural) - available
        for step, column in self.GIVE_WAY:
            if excess <= 0:
                break
            if step == "cut":
                cut = min(excess, max(0, natural[column] - _MIN_CUT))
                widths[column] = natural[column] - cut
                excess -= cut
            else:
                excess -= (widths[column] or 0) + 2 * self.cell_padding
                widths[column] = None
        for column in self._cut_columns():  # what a dropped column freed goes back to the cut ones
            width = widths[column]
            if width is not None and excess < 0:
                grown = min(-excess, natural[column] - width)
                widths[column] = width + grown
                excess += grown
        return widths

    def follow(self, offset: int) -> None:
        """Put the cursor on the row of the first anchor at or after
        ``offset``; at the top of the article, on the first row. (The
        glossary's rows are not in text order: following the first words
        would scroll its first entries out of view.)"""
        if not len(self._anchors) or self.has_focus:
            return
        if offset <= 0:
            self.move_cursor(row=0, animate=False, scroll=True)
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
    # The quote first (the detail line has it whole), then the speaker.
    GIVE_WAY = (("cut", 2), ("cut", 1))
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "group", _("Group by speaker / text order"), id="quotes.group"),
    ]
    by_speaker = False

    def action_group(self) -> None:
        self.by_speaker = not self.by_speaker
        self.border_title = _("Quotes by speaker") if self.by_speaker else _("Quotes")
        self.post_message(self.OrderChanged(self))


def quote_rows(quotes: Iterable[Quote], *, by_speaker: bool = False) -> Iterable[Row]:
    """Kind and speaker first: the quote itself is the part that may be cut
    (the detail line shows it whole). ``by_speaker`` groups the quotes of
    each speaker, speakers in order of their first quote."""
    quotes = shown_quotes(quotes)
    if by_speaker:
        first: dict[str, int] = {}
        for index, quote in enumerate(quotes):
            first.setdefault(quote.said_by or "", index)
        quotes = sorted(quotes, key=lambda quote: (first[quote.said_by or ""], quote.start))
    for quote in quotes:
        label = quote.said_by
        speaker = Text(one_line(label, 24)) if label else Text("–", style="dim")
        yield Row(quote, (Text(quote.kind), speaker, Text(one_line(quote.text, 80))))


_NUMBERS_TITLES: dict[SortKey, str] = {
    "position": _("Numbers"),
    "value": _("Numbers by value"),
    "kind": _("Numbers by kind"),
}


class NumbersPane(ItemPane):
    COLUMNS = (_("Value"), _("Unit"), _("Kind"), _("Qualifier"), _("Figure"))
    # The figure as written (the detail line has it; cut, "1.5…" would read as
    # a number), the kind, the qualifier (the value's ≈ > ≤ say the most of it);
    # the unit is cut last.
    GIVE_WAY = (("drop", 4), ("drop", 2), ("drop", 3), ("cut", 1))
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
        if number.hedge_symbol:
            value_cell = Text(number.hedge_symbol, style="dim") + value_cell
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


# "analysis": names and abbreviations by first mention, then the key terms
# as the analysis ranks them, then the reader's own entries.
GlossaryOrder = Literal["analysis", "position", "frequency", "name"]
GLOSSARY_ORDERS: tuple[GlossaryOrder, ...] = ("analysis", "position", "frequency", "name")
_GLOSSARY_TITLES: dict[GlossaryOrder, str] = {
    "analysis": _("Glossary"),
    "position": _("Glossary by first mention"),
    "frequency": _("Glossary by frequency"),
    "name": _("Glossary by name"),
}
# Group by type: people, organisations, places, other names, then
# abbreviations, key terms and the reader's own entries.
_GROUPS = (*(label.name for label in ENTITY_LABELS), "abbreviation", "term", PERSONAL.name)


@dataclass(frozen=True, slots=True)
class GlossaryItem:
    """A row of the glossary pane: an entry of the analysis, or one of the
    reader's own glossary (``entry_id`` set) with the mentions found here."""

    name: str
    label: str  # what the Label column shows: PER, ORG, …, or "mine"
    group: str  # an entity label, "abbreviation", "term" or "mine"
    mentions: tuple[Span, ...]
    expansion: str | None = None
    aliases: tuple[str, ...] = ()
    note: str = ""
    entry_id: str | None = None

    def matches(self, query: str) -> bool:
        """The query in the name, a form, the long form, the note or the label."""
        query = query.strip().casefold()
        fields = (self.name, *self.aliases, self.expansion or "", self.note, self.label)
        return not query or any(query in field.casefold() for field in fields)


def glossary_items(
    entries: Iterable[GlossaryEntry], personal: Iterable[GlossaryItem] = ()
) -> list[GlossaryItem]:
    """The analysis's entries, then the reader's own (already items). A key
    term the reader put in their own glossary is one row, theirs, with the
    term's mentions and forms too: two rows for one word said the same twice."""
    mine = [item for item in personal if item.mentions]
    by_name = {item.name.casefold(): item for item in mine}
    merged: dict[str | None, GlossaryItem] = {}
    items = []
    for entry in entries:
        if not entry.mentions:
            continue
        group = _group(entry)
        own = next(
            (by_name[name.casefold()] for name in (entry.name, *entry.aliases) if name.casefold() in by_name),
            None,
        )
        if group == "term" and own is not None:
            own = merged.get(own.entry_id, own)
            spans = {(span.start, span.end): span for span in (*own.mentions, *entry.mentions)}
            mentions = tuple(spans[key] for key in sorted(spans))
            aliases = tuple(dict.fromkeys((*own.aliases, *entry.aliases)))
            merged[own.entry_id] = replace(own, mentions=mentions, aliases=aliases)
            continue
        expansion = entry.expansion if entry.kind == "abbreviation" else None
        items.append(GlossaryItem(entry.name, entry.label, group, entry.mentions, expansion, entry.aliases))
    return [*items, *(merged.get(item.entry_id, item) for item in mine)]


def _group(entry: GlossaryEntry) -> str:
    if entry.kind == "term" or entry.label == "TERM":
        return "term"
    return entry.label if entry.kind == "entity" else entry.kind


def personal_item(entry_id: str, term: str, note: str, mentions: Sequence[Span]) -> GlossaryItem:
    return GlossaryItem(term, _("mine"), PERSONAL.name, tuple(mentions), note=note, entry_id=entry_id)


def sort_glossary(
    items: Iterable[GlossaryItem], order: GlossaryOrder = "analysis", *, grouped: bool = False
) -> list[GlossaryItem]:
    """In the analysis's order, by first mention, by count (most first) or
    by name; ``grouped`` puts each type together first, in the order of ``_GROUPS``."""

    def group(item: GlossaryItem) -> tuple[int, str]:
        rank = _GROUPS.index(item.group) if item.group in _GROUPS else len(_GROUPS)
        return (rank, item.group) if grouped else (0, "")

    def key(indexed: tuple[int, GlossaryItem]) -> tuple[object, ...]:
        index, item = indexed
        first = item.mentions[0].start
        if order == "position":
            return group(item), first, index
        if order == "frequency":
            return group(item), -len(item.mentions), first, index
        if order == "name":
            return group(item), item.name.casefold(), first, index
        return group(item), index

    return [item for _index, item in sorted(enumerate(items), key=key)]


class GlossaryPane(ItemPane):
    """Rows are entries, but the text is full of their later mentions: each
    row is found by any of them. The reader filters, groups and sorts them;
    the rows shown are :attr:`shown`."""

    COLUMNS = ("×", _("Label"), _("Name"))
    GIVE_WAY = (("cut", 2),)
    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer, which has no room left: the help lists them.
        Binding("f", "filter", _("Filter the glossary"), show=False, id="glossary.filter"),
        Binding("s", "sort", _("Sort: first mention, frequency, name"), show=False, id="glossary.sort"),
        Binding("T", "group", _("Group by type"), show=False, id="glossary.group"),
        Binding("delete,x", "delete", _("Delete from my glossary"), show=False, id="glossary.delete"),
    ]
    order: GlossaryOrder = "analysis"
    grouped = False
    filter_text = ""

    @dataclass
    class FilterRequested(Message):
        pane: GlossaryPane

    @dataclass
    class DeleteRequested(Message):
        """The reader asked to delete the personal entry ``entry_id``."""

        entry_id: str

    def __init__(self, title: str, *, id: str) -> None:
        super().__init__(title, id=id)
        self._items: list[GlossaryItem] = []
        self.shown: list[GlossaryItem] = []

    def show_items(self, items: Iterable[GlossaryItem]) -> None:
        """Show these entries, filtered, grouped and sorted as the reader chose."""
        self._items = list(items)
        self._refill()

    def set_query(self, query: str) -> None:
        self.filter_text = query
        self._refill()

    def _refill(self) -> None:
        current = self.current()
        kept = None if current is None else (current.name, current.group)
        shown = [item for item in self._items if item.matches(self.filter_text)]
        self.shown = sort_glossary(shown, self.order, grouped=self.grouped)
        self.show(glossary_rows(self.shown))
        # The cursor stays on its entry when the rows are sorted, filtered or refreshed.
        rows = [(item.name, item.group) for item in self.shown]
        if kept in rows:
            self.move_cursor(row=rows.index(kept), animate=False, scroll=True)
        title = _GLOSSARY_TITLES[self.order]
        self.border_title = _("{title}, by type").format(title=title) if self.grouped else title
        if len(self.shown) != len(self._items):
            self.border_subtitle = _("{count} of {total}").format(
                count=i18n.number(len(self.shown)), total=i18n.number(len(self._items))
            )

    def current(self) -> GlossaryItem | None:
        """The entry under the cursor, if there are rows."""
        row = self.cursor_row
        return self.shown[row] if self.shown and 0 <= row < len(self.shown) else None

    def action_filter(self) -> None:
        self.post_message(self.FilterRequested(self))

    def action_sort(self) -> None:
        self.order = GLOSSARY_ORDERS[(GLOSSARY_ORDERS.index(self.order) + 1) % len(GLOSSARY_ORDERS)]
        self._refill()

    def action_group(self) -> None:
        self.grouped = not self.grouped
        self._refill()

    def action_delete(self) -> None:
        item = self.current()
        if item is not None and item.entry_id is not None:
            self.post_message(self.DeleteRequested(item.entry_id))
        elif item is not None:
            self.notify(_("Only entries of my glossary can be deleted"), timeout=3)


class GlossaryColumn(Vertical):
    """The glossary pane and, while the reader filters, a filter line above it."""

    def __init__(self, title: str, *, id: str) -> None:
        super().__init__(id=id)
        self._title = title

    def compose(self) -> ComposeResult:
        yield FilterLine(placeholder=_("filter: name, form or note"), id="glossary-filter")
        yield GlossaryPane(self._title, id="glossary-table")

    def on_mount(self) -> None:
        self.query_one(FilterLine).display = False

    @on(GlossaryPane.FilterRequested)
    def _open_filter(self) -> None:
        line = self.query_one(FilterLine)
        line.display = True
        line.focus()

    @on(Input.Changed, "#glossary-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_one(GlossaryPane).set_query(event.value)

    @on(Input.Submitted, "#glossary-filter")
    @on(FilterLine.Closed)
    def _filter_done(self) -> None:
        line = self.query_one(FilterLine)
        line.display = bool(line.value.strip())
        self.query_one(GlossaryPane).focus()


def glossary_rows(items: Iterable[GlossaryItem]) -> Iterable[Row]:
    """An abbreviation shows its long form, an entry of the reader's own
    glossary its note."""
    for item in items:
        name = Text(one_line(item.name, 40))
        if item.expansion:
            name = Text(one_line(item.name, 12), style="bold") + Text(" = " + one_line(item.expansion, 40))
        elif item.note:
            name = Text(one_line(item.name, 24), style="bold") + Text(" · " + one_line(item.note, 40), "dim")
        cells = (Text(str(len(item.mentions)), justify="right"), Text(item.label), name)
        yield Row(item.mentions[0], cells, anchors=item.mentions)
