"""The reading library: the articles of a folder (or the recently opened
ones beside the bundled samples), filtered as you type, sorted, opened with
Enter.

A worker thread reads the folder and posts the entries in small batches, so
the first rows show at once and the list stays usable while it fills. The
screen only lists and reports: opening an article is the App's job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from time import monotonic
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from tui.i18n import _, count, day, number
from tui.safe_text import one_line
from tui.sources.library import ARTICLE_SUFFIXES, LibraryEntry
from tui.store.protocol import AnnotationStore
from tui.widgets.row_table import RowTable

# Rows are posted at least this often while a folder is read, and in
# batches of at most this many: the first screenful appears at once.
BATCH_SECONDS = 0.05
BATCH_ROWS = 200
# A slow folder (a network share) still shows what it has at least this often.
FILL_SECONDS = 1.0
SORTS = ("title", "date", "words", "opened")
_SORTED_BY = {
    "title": _("sorted by title"),
    "date": _("sorted by date"),
    "words": _("sorted by words"),
    "opened": _("sorted by opened"),
}


def shown_date(value: str | None) -> str:
    """An ISO date or timestamp (``2024-05-01``, ``2024-05-01T09:30:00``) as the
    reader's locale writes dates; anything else as it is."""
    if not value:
        return ""
    try:
        return day(date.fromisoformat(value[:10]))
    except ValueError:
        return value


def date_header(rows: Iterable[LibraryRow]) -> str:
    """The date column's name: the articles' own dates, the files' last
    change (shown dim) where an article has none, or both."""
    dated = [row.entry.date is not None for row in rows]
    if dated and all(dated):
        return _("Date")
    return _("Date / modified") if any(dated) else _("Modified")


@dataclass(frozen=True, slots=True)
class LibraryRow:
    entry: LibraryEntry
    annotations: int = 0
    opened: str | None = None

    def key(self, sort: str) -> tuple[object, ...]:
        """Sort key: titles A–Z; the newest, longest, latest opened first."""
        if sort == "date":
            day = self.entry.date or self.entry.modified or ""
            return (_descending(day), self.entry.title.casefold())
        if sort == "words":
            return (-self.entry.words, self.entry.title.casefold())
        if sort == "opened":
            return (_descending(self.opened or ""), self.entry.title.casefold())
        return (self.entry.title.casefold(), self.entry.path)

    def matches(self, query: str) -> bool:
        query = query.casefold().strip()
        return not query or query in self.entry.title.casefold() or query in self.entry.path.casefold()


def _descending(value: str) -> tuple[int, ...]:
    return tuple(-ord(char) for char in value)


@dataclass
class EntriesFound(Message):
    rows: list[LibraryRow]


@dataclass
class ScanDone(Message):
    count: int


class LibraryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", _("Open"), id="library.open"),
        Binding("slash", "filter", _("Filter"), id="library.filter"),
        Binding("s", "sort", _("Sort"), id="library.sort"),
        Binding("escape", "clear_filter", _("Clear the filter"), show=False, id="library.clear"),
    ]

    @dataclass
    class Chosen(Message):
        """The reader wants to read the article at ``path``."""

        path: str

    def __init__(
        self,
        title: str,
        entries: Callable[[], Iterator[LibraryEntry]],
        store: Callable[[], AnnotationStore] | None = None,
    ) -> None:
        """``entries`` reads the library (in a worker thread); ``store`` gives
        each article's annotation count and when it was last opened."""
        super().__init__()
        self.library_title = title
        self._entries = entries
        self._open_store = store
        self.rows: list[LibraryRow] = []
        self.sort = SORTS[0]
        self.scanning = True
        self._rows_at_last_fill = 0
        self._last_fill = 0.0

    def compose(self) -> ComposeResult:
        yield Static(one_line(self.library_title, 100), id="library-title", markup=False)
        yield Input(placeholder=_("filter: title or path"), id="library-filter")
        yield RowTable(cursor_type="row", zebra_stripes=True, id="library-table")
        yield Static(id="library-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.read_library()

    @work(thread=True, exclusive=True, group="library")
    def read_library(self) -> None:
        """Reads the articles off the UI thread; talks back only through messages."""
        store = self._open_store() if self._open_store is not None else None
        batch: list[LibraryEntry] = []
        posted = monotonic()
        count = 0
        for entry in self._entries():
            batch.append(entry)
            count += 1
            if len(batch) >= BATCH_ROWS or monotonic() - posted > BATCH_SECONDS:
                self.post_message(EntriesFound(_rows(batch, store)))
                batch, posted = [], monotonic()
        if batch:
            self.post_message(EntriesFound(_rows(batch, store)))
        self.post_message(ScanDone(count))

    def on_entries_found(self, message: EntriesFound) -> None:
        self.rows.extend(message.rows)
        # The table is rebuilt, sorted, when the list has doubled or a second
        # has passed, not at every batch: a folder of thousands would cost
        # quadratic time (3,000 articles took 10 s).
        if len(self.rows) >= 2 * self._rows_at_last_fill or monotonic() - self._last_fill > FILL_SECONDS:
            self._refill()

    def on_scan_done(self, message: ScanDone) -> None:
        self.scanning = False
        self._refill()

    def _refill(self) -> None:
        self._rows_at_last_fill, self._last_fill = len(self.rows), monotonic()
        table = self.query_one(DataTable)
        current = self.current_path
        query = self.query_one(Input).value
        shown = sorted((row for row in self.rows if row.matches(query)), key=lambda row: row.key(self.sort))
        # The columns are made again: the date column's name says whose date it shows.
        table.clear(columns=True)
        table.add_columns(_("Title"), _("Lang"), date_header(shown), _("Words"), _("Notes"), _("Opened"))
        for row in shown:
            entry = row.entry
            style = "dim" if entry.problem else ""
            table.add_row(
                Text(one_line(entry.title, 60), style=style),
                Text(entry.lang or "–", style=style),
                Text(shown_date(entry.date), style=style)
                if entry.date
                else Text(shown_date(entry.modified), style="dim italic"),
                Text(number(entry.words) if not entry.problem else "", style=style, justify="right"),
                Text(number(row.annotations) if row.annotations else "", justify="right"),
                Text(shown_date(row.opened), style=style),
                key=entry.path,
            )
        paths = [row.entry.path for row in shown]
        if current in paths:
            table.move_cursor(row=paths.index(current), animate=False)
        status = self.query_one("#library-status", Static)
        if not self.scanning and not self.rows:
            status.update(
                _("No articles here: the folder has no {suffixes} files").format(
                    suffixes=", ".join(sorted(ARTICLE_SUFFIXES))
                )
            )
            return
        state = _("reading the folder…") if self.scanning else _SORTED_BY[self.sort]
        status.update(
            _("{shown} of {articles} · {state} · Enter open · / filter · s sort").format(
                shown=number(len(shown)),
                articles=count(len(self.rows), "{count} article", "{count} articles"),
                state=state,
            )
        )

    @property
    def current_path(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return key.value

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self) -> None:
        self._refill()

    @on(Input.Submitted, "#library-filter")
    def _filter_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        path = self.current_path
        if path is None:
            return
        row = next(row for row in self.rows if row.entry.path == path)
        if row.entry.problem:
            self.notify(row.entry.problem, severity="warning", timeout=6)
            return
        self.post_message(self.Chosen(path))

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._refill()

    def action_clear_filter(self) -> None:
        self.query_one(Input).value = ""
        self.query_one(DataTable).focus()

    def opened(self, path: str, annotations: int, when: str) -> None:
        """The reader came back from ``path``: show its new counts."""
        self.rows = [
            replace(row, annotations=annotations, opened=when) if row.entry.path == path else row
            for row in self.rows
        ]
        self._refill()


def _rows(entries: Iterable[LibraryEntry], store: AnnotationStore | None) -> list[LibraryRow]:
    entries = list(entries)
    if store is None:
        return [LibraryRow(entry) for entry in entries]
    activity = store.activity(entry.document_id for entry in entries if entry.document_id)
    rows = []
    for entry in entries:
        found = activity.get(entry.document_id or "")
        rows.append(LibraryRow(entry, found.annotations, found.last_opened) if found else LibraryRow(entry))
    return rows


def recent_and_samples(
    store: Callable[[], AnnotationStore], samples: Iterable[Path]
) -> Iterator[LibraryEntry]:
    """The recently opened articles that still exist, then the bundled samples."""
    from tui.sources.library import entry_for

    seen = set()
    for path in store().recent_paths(50):
        if Path(path).is_file() and path not in seen:
            seen.add(path)
            yield entry_for(Path(path))
    for sample in samples:
        if str(sample) not in seen:
            yield entry_for(sample)
