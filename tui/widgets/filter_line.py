"""The filter line above a pane's rows: the reader types, the rows follow;
Enter goes back to the rows, Esc clears the line and goes back too (and is
not the reader's Esc, which would leave the article)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

from tui.i18n import _


class FilterLine(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", _("Clear the filter"), show=False, id="filter.clear"),
    ]

    @dataclass
    class Closed(Message):
        """The reader cleared the line with Esc."""

    def action_close(self) -> None:
        self.value = ""
        self.post_message(self.Closed())
