"""The help screen: every key binding of the reader with its description."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


def describe_key(key: str) -> str:
    names = {
        "question_mark": "?",
        "slash": "/",
        "escape": "Esc",
        "space": "Space",
        "pageup": "PgUp",
        "pagedown": "PgDn",
        "ctrl+p": "Ctrl+P",
        "tab": "Tab",
        "shift+tab": "Shift+Tab",
    }
    return " ".join(names.get(part, part) for part in key.split(","))


class HelpScreen(ModalScreen[None]):
    """Lists (where, key, description) rows; ``Esc``, ``q`` or ``?`` closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    def __init__(self, sections: Iterable[tuple[str, Iterable[Binding]]]) -> None:
        super().__init__()
        self._sections = [(where, list(bindings)) for where, bindings in sections]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static("Randnotiz — keys", id="help-title")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static("Esc closes · Mouse: click text, panes and footer keys", id="help-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Keys", "What it does", "Where")
        for where, bindings in self._sections:
            for binding in bindings:
                table.add_row(
                    Text(describe_key(binding.key), style="bold"), Text(binding.description), Text(where)
                )
        table.focus()
