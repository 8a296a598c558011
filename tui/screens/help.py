"""The help screen: the keys that work where the reader is, with what they do.

The rows come from the bindings Textual has active on the screen the help
was opened from, so the list cannot drift from what the keys do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.keys import format_key
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.i18n import _, pgettext
from tui.screens.library import LibraryScreen
from tui.widgets.row_table import RowTable

# Where Textual's own display name (``pgdn``, ``⏎``) is not what a keyboard says,
# in the interface's language (a German keyboard says Pos1, Entf, Strg).
_KEY_NAMES = {
    "pageup": pgettext("key", "PgUp"),
    "pagedown": pgettext("key", "PgDn"),
    "enter": pgettext("key", "Enter"),
    "home": pgettext("key", "Home"),
    "end": pgettext("key", "End"),
    "delete": pgettext("key", "Del"),
    "space": pgettext("key", "Space"),
}
_MODIFIERS = {
    "ctrl": pgettext("key", "Ctrl"),
    "shift": pgettext("key", "Shift"),
    "alt": pgettext("key", "Alt"),
}


def describe_key(key: str) -> str:
    """As on the keyboard: ``ctrl+p`` as Ctrl+P, ``right_parenthesis`` as ),
    ``delete`` as Del, ``pagedown`` as PgDn. Textual names the characters."""
    *modifiers, name = key.split("+")
    shown = _KEY_NAMES.get(name) or format_key(name)
    if modifiers and len(shown) == 1:
        shown = shown.upper()
    elif len(shown) > 1:
        shown = shown[0].upper() + shown[1:]  # esc, home, del, f1
    return "+".join([*(_MODIFIERS.get(modifier, modifier.capitalize()) for modifier in modifiers), shown])


@dataclass(frozen=True, slots=True)
class HelpRow:
    keys: tuple[str, ...]  # Textual key names, e.g. ("down", "j")
    description: str
    where: str


# Textual's own key descriptions (scrolling, focus, tables), in the interface's language.
_TEXTUAL_DESCRIPTIONS = {
    "Scroll Left": _("Scroll Left"),
    "Scroll Right": _("Scroll Right"),
    "Page Left": _("Page Left"),
    "Page Right": _("Page Right"),
    "Cursor up": _("Cursor up"),
    "Cursor down": _("Cursor down"),
    "Cursor left": _("Cursor left"),
    "Cursor right": _("Cursor right"),
    "Home": _("Home"),
    "End": _("End"),
    "Top": _("Top"),
    "Bottom": _("Bottom"),
    "Page up": _("Page up"),
    "Page down": _("Page down"),
    "Select": _("Select"),
    "Copy selected text": _("Copy selected text"),
    "Focus Next": _("Focus Next"),
    "Focus Previous": _("Focus Previous"),
    "Quit": _("Quit"),  # Textual's Ctrl+Q, listed with q
}


# The parts of the interface a key can belong to, by the id of the widget
# that has it or of the pane around it (a pane's table has its own id).
_PLACES = ("article", "search", "quotes", "numbers", "glossary", "annotations")


def _where(node: DOMNode) -> str:
    for part in (node, *node.ancestors):
        if isinstance(part, App):
            return "everywhere"
        if isinstance(part, Screen):
            return "library" if isinstance(part, LibraryScreen) else "reader"
        if part.id in _PLACES:
            return part.id
    return "everywhere"


def _where_shown(where: str) -> str:
    """``where`` in the interface's language: the app, the reader or a pane."""
    names = {
        "everywhere": _("Everywhere"),
        "reader": _("Reader"),
        "library": _("Library"),
        "article": _("Article"),
        "search": _("Search bar"),
        "quotes": _("Quotes pane"),
        "numbers": _("Numbers pane"),
        "glossary": _("Glossary pane"),
        "annotations": _("Annotations pane"),
    }
    return names.get(where, where)


def help_rows(screen: Screen[object]) -> list[HelpRow]:
    """One row per action active on ``screen`` now, with all its keys; the
    focused widget's keys first, then the screen's, then the app's."""
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for key, active in screen.active_bindings.items():
        binding: Binding = active.binding
        if not binding.description:
            continue
        where = _where(active.node)
        description = _TEXTUAL_DESCRIPTIONS.get(binding.description, binding.description)
        grouped.setdefault((where, binding.action, description), []).append(key)
    rows = [HelpRow(tuple(keys), description, where) for (where, _, description), keys in grouped.items()]
    order = {"everywhere": 2, "reader": 1, "library": 1}
    return sorted(rows, key=lambda row: order.get(row.where, 0))


class HelpTable(RowTable):
    """The rows, fitted to the dialog: the description column takes the
    width the keys and places leave and wraps within it, so nothing is cut
    and nothing scrolls sideways."""

    # Below this the descriptions would wrap word by word: the table scrolls instead.
    MIN_DESCRIPTION_WIDTH = 16

    def __init__(self, rows: Iterable[HelpRow], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._cells = [
            (" ".join(describe_key(key) for key in row.keys), row.description, _where_shown(row.where))
            for row in rows
        ]
        self._fitted_to = 0

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width and width != self._fitted_to:
            self._fitted_to = width
            self._fill(width)

    def _fill(self, width: int) -> None:
        headers = (_("Keys"), _("What it does"), _("Where"))
        keys_width, _description, where_width = (
            max(cell_len(cell) for cell in column) for column in zip(headers, *self._cells, strict=True)
        )
        padding = 2 * self.cell_padding * len(headers)
        description_width = max(self.MIN_DESCRIPTION_WIDTH, width - keys_width - where_width - padding)
        cursor = self.cursor_row
        self.clear(columns=True)
        for header, column_width in zip(headers, (keys_width, description_width, where_width), strict=True):
            self.add_column(header, width=column_width)
        for keys, description, where in self._cells:
            self.add_row(Text(keys, style="bold"), Text(description), Text(where), height=None)
        self.move_cursor(row=cursor)


class HelpScreen(ModalScreen[None]):
    """Lists (keys, description, where) rows; ``Esc``, ``q`` or ``?`` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", _("Close help"), id="help.close"),
    ]

    def __init__(self, rows: Iterable[HelpRow]) -> None:
        super().__init__()
        self._rows = list(rows)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(_("Randnotiz — keys that work here"), id="help-title")
            yield HelpTable(self._rows, id="help-table")
            yield Static(_("Esc closes · Tab moves to the panes, ? there lists their keys"), id="help-hint")

    def on_mount(self) -> None:
        self.query_one(HelpTable).focus()
