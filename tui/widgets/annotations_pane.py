"""The Annotations pane: every annotation of the article, filtered by tag or
word, with orphans (annotations whose words are gone from the edited text)
listed last with the words they had.

It only displays and reports: choosing a row, asking to edit or delete it
are messages; the reader screen does the rest through the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input

from tui.i18n import _, number
from tui.safe_text import one_line
from tui.store.model import Annotation
from tui.widgets.filter_line import FilterLine
from tui.widgets.row_table import RowTable

# The annotated words keep at least this many columns; tags and note share
# the rest. Each is cut with an ellipsis to its column.
_TEXT_MIN_CHARS = 12
_COLUMNS = 4


@dataclass(frozen=True, slots=True)
class ColumnWidths:
    text: int
    tags: int
    note: int


def matches(annotation: Annotation, query: str) -> bool:
    """A tag starting with the query, or the query in the words or the note."""
    query = query.strip().casefold().removeprefix("#")
    if not query:
        return True
    return (
        any(tag.casefold().startswith(query) for tag in annotation.tags)
        or query in annotation.text.casefold()
        or query in annotation.note.casefold()
    )


def describe(annotation: Annotation) -> str:
    """What the annotation says, in a few words: correction, speaker, note."""
    parts = []
    if annotation.entity is not None:
        parts.append(f"→ {annotation.entity.label}" if annotation.entity.label else _("→ no entity"))
    if annotation.speaker is not None:
        parts.append(_("speaker: {speaker}").format(speaker=annotation.speaker or "—"))
    if annotation.note:
        parts.append(annotation.note)
    return " · ".join(parts)


class AnnotationsPane(Vertical):
    """A filter line above a table of annotations. Tab lands on the rows: the
    filter line takes the focus only when asked for (``f``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete,x", "delete", _("Delete annotation"), id="annotations.delete"),
        Binding("a", "edit", _("Edit note"), id="annotations.edit"),
        Binding("f", "filter", _("Filter annotations"), id="annotations.filter"),
    ]

    @dataclass
    class Chosen(Message):
        annotation_id: str

    @dataclass
    class EditRequested(Message):
        annotation_id: str

    @dataclass
    class DeleteRequested(Message):
        annotation_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._annotations: tuple[Annotation, ...] = ()
        self._shown: list[Annotation] = []
        self._widths: ColumnWidths | None = None

    def compose(self) -> ComposeResult:
        line = FilterLine(placeholder=_("filter: tag or word"), id="annotations-filter")
        line.can_focus = False
        yield line
        yield RowTable(cursor_type="row", zebra_stripes=True, id="annotations-table")

    @property
    def shown(self) -> Sequence[Annotation]:
        """The annotations in the table, in its order."""
        return self._shown

    def show(self, annotations: Sequence[Annotation], keep: str | None = None) -> None:
        """Show these annotations (text order, orphans last); the cursor
        stays on ``keep`` (an annotation id) where it can."""
        self._annotations = tuple(sorted(annotations, key=lambda a: (a.is_orphan, a.start, a.end)))
        self._refill(keep)

    def _refill(self, keep: str | None = None) -> None:
        table = self.query_one(DataTable)
        keep = keep or self.current_id
        query = self.query_one(Input).value
        shown = [annotation for annotation in self._annotations if matches(annotation, query)]
        widths = self._column_widths(table, shown)
        if widths != self._widths or not self._update_in_place(table, shown):
            self._widths = widths
            table.clear(columns=True)
            table.add_column("")
            table.add_column(_("Text"), width=widths.text)
            table.add_column(_("Tags"), width=widths.tags)
            table.add_column(_("Note"), width=widths.note)
            for annotation in shown:
                table.add_row(*_cells(annotation), key=annotation.id)
        self._shown = shown
        ids = [annotation.id for annotation in shown]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        count = number(len(shown))
        if len(shown) == len(self._annotations):
            self.border_title = _("Annotations {count}").format(count=count)
        else:
            self.border_title = _("Annotations {count} of {total}").format(
                count=count, total=number(len(self._annotations))
            )

    def _column_widths(self, table: DataTable[Text], shown: Sequence[Annotation]) -> ColumnWidths:
        """The table's width shared so that every column stays in view: a
        whole quote must not push the tags and the note out of the pane. Tags
        and note get what they need, or at most half each of what the words'
        least leaves; the words get the rest."""
        cells = [_cells(annotation) for annotation in shown]
        tags = max([len(_("Tags")), *(row[2].cell_len for row in cells)])
        note = max([len(_("Note")), *(row[3].cell_len for row in cells)])
        text = max([len(_("Text")), *(row[1].cell_len for row in cells)])
        # The mark's column, the cells' padding and the vertical scrollbar.
        available = table.size.width - 1 - 1 - 2 * table.cell_padding * _COLUMNS
        spare = max(0, available - _TEXT_MIN_CHARS)
        tags = min(tags, max(spare // 2, spare - note))
        note = min(note, spare - tags)
        return ColumnWidths(max(_TEXT_MIN_CHARS, min(text, available - tags - note)), tags, note)

    def on_resize(self) -> None:
        self.call_after_refresh(self._refill)

    def _update_in_place(self, table: DataTable[Text], shown: list[Annotation]) -> bool:
        """Change only the rows that changed when the rows stay in order (an
        edit, a deletion, an annotation after the last one): a table of
        2,000 annotations is rebuilt in most of a second, a row in a moment."""
        old_ids = [annotation.id for annotation in self._shown]
        new_ids = [annotation.id for annotation in shown]
        if not old_ids or not new_ids:
            return False
        removed = set(old_ids) - set(new_ids)
        kept = [annotation_id for annotation_id in old_ids if annotation_id not in removed]
        if new_ids[: len(kept)] != kept:
            return False  # a new row in the middle, or another order: rebuild
        before = {annotation.id: annotation for annotation in self._shown}
        for annotation_id in removed:
            table.remove_row(annotation_id)
        for annotation in shown[: len(kept)]:
            if before[annotation.id] != annotation:
                for column, cell in zip(table.ordered_columns, _cells(annotation), strict=True):
                    table.update_cell(annotation.id, column.key, cell)
        for annotation in shown[len(kept) :]:
            table.add_row(*_cells(annotation), key=annotation.id)
        return True

    @property
    def current_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not self._shown or table.cursor_row >= len(self._shown):
            return None
        return self._shown[table.cursor_row].id

    @on(Input.Changed, "#annotations-filter")
    def _filter_changed(self) -> None:
        self._refill()

    @on(Input.Submitted, "#annotations-filter")
    @on(FilterLine.Closed)
    def _filter_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(Input.Blurred, "#annotations-filter")
    def _filter_left(self) -> None:
        self.query_one(Input).can_focus = False

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Chosen(event.row_key.value))

    def action_filter(self) -> None:
        line = self.query_one(Input)
        line.can_focus = True
        line.focus()

    def action_edit(self) -> None:
        if (current := self.current_id) is not None:
            self.post_message(self.EditRequested(current))

    def action_delete(self) -> None:
        if (current := self.current_id) is not None:
            self.post_message(self.DeleteRequested(current))


def _cells(annotation: Annotation) -> tuple[Text, Text, Text, Text]:
    mark = Text("⚠", style="bold") if annotation.is_orphan else Text("▍")
    return (
        mark,
        Text(
            one_line(annotation.text),
            style="italic" if annotation.is_orphan else "",
            no_wrap=True,
            overflow="ellipsis",
        ),
        Text(one_line(", ".join(annotation.tags)), no_wrap=True, overflow="ellipsis"),
        Text(one_line(describe(annotation)), no_wrap=True, overflow="ellipsis"),
    )
