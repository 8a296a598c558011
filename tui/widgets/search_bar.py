"""The search input: opens on ``/``, reports the query, closes on Esc."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from tui.i18n import _


class SearchBar(Widget):
    """Hidden until :meth:`open`; posts :class:`Submitted` or :class:`Closed`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", _("Close the search"), show=False, id="search.close")
    ]

    @dataclass
    class Submitted(Message):
        query: str

    @dataclass
    class Closed(Message):
        """The reader left the search without a query."""

    async def open(self) -> None:
        self.display = True
        if not self.children:  # made on first use: the reader's first paint does without it
            await self.mount(Input(placeholder=_("Search the text (Enter to find, Esc to cancel)")))
        self.query_one(Input).focus()

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.display = False
        self.post_message(self.Submitted(event.value))
