"""A table the reader moves through by rows, with the article's keys for
its ends: ``Home``/``g`` the first row, ``End``/``G`` the last (a plain
DataTable scrolls sideways on Home and End and leaves the cursor where it is)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from tui.i18n import _


class RowTable(DataTable[Text]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home,g", "scroll_top", _("First row"), show=False, id="rows.first"),
        Binding("end,G", "scroll_bottom", _("Last row"), show=False, id="rows.last"),
    ]
