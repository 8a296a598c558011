"""The help screen: the keys that work where the reader is, with what they do.

The rows come from the bindings Textual has active on the screen the help
was opened from, so the list cannot drift from what the keys do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from tui.i18n import _

_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "escape": "Esc",
    "space": "Space",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "enter": "Enter",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
}


def describe_key(key: str) -> str:
    """``ctrl+p`` as Ctrl+P, ``question_mark`` as ?, ``pagedown`` as PgDn."""
    if key in _KEY_NAMES:
        return _KEY_NAMES[key]
    *modifiers, name = key.split("+")
    return "+".join(
        [*(m.capitalize() for m in modifiers), _KEY_NAMES.get(name, name.upper() if modifiers else name)]
    )


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
}


def _where(node: DOMNode) -> str:
    if isinstance(node, App):
        return "everywhere"
    if isinstance(node, Screen):
        return "reader"
    return node.id or type(node).__name__


def _where_shown(where: str) -> str:
    """``where`` in the interface's language: the app, the reader or a pane."""
    names = {
        "everywhere": _("everywhere"),
        "reader": _("reader"),
        "quotes": _("quotes"),
        "numbers": _("numbers"),
        "glossary": _("glossary"),
        "annotations": _("annotations"),
        "article": _("article"),
        "search": _("search"),
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
    order = {"everywhere": 2, "reader": 1}
    return sorted(rows, key=lambda row: order.get(row.where, 0))


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
            yield DataTable[Text](id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static(_("Esc closes · Tab moves to the panes, ? there lists their keys"), id="help-hint")

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        table.add_columns(_("Keys"), _("What it does"), _("Where"))
        for row in self._rows:
            keys = " ".join(describe_key(key) for key in row.keys)
            table.add_row(Text(keys, style="bold"), Text(row.description), Text(_where_shown(row.where)))
        table.focus()
