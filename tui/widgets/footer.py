"""The key line at the bottom of a screen: Textual's footer, with the keys a
new reader needs most first and no key cut in half."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """Help and Quit come first, then the screen's keys in their order. Below
    :attr:`COMPACT_BELOW` columns the keys sit closer together; the keys that
    would not fit beside the palette key are left out (the help lists them all)."""

    FIRST: ClassVar[tuple[str, ...]] = ("help", "quit")  # actions
    COMPACT_BELOW = 100

    def __init__(self) -> None:
        super().__init__()
        self._composed_for = 0  # the width the keys were chosen for

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey) and not w.has_class("-command-palette")]
        fixed = [w for w in widgets if w not in keys]  # the palette key, docked right
        keys.sort(
            key=lambda key: self.FIRST.index(key.action) if key.action in self.FIRST else len(self.FIRST)
        )
        self._composed_for = width = self.size.width
        self.compact = 0 < width < self.COMPACT_BELOW
        if width:
            room = width - sum(self._width(widget) for widget in fixed)
            shown = 0
            while shown < len(keys) and room >= self._width(keys[shown]):
                room -= self._width(keys[shown])
                shown += 1
            keys = keys[:shown]
        yield from keys
        yield from fixed

    def _width(self, widget: Widget) -> int:
        """The columns ``widget`` takes: the key, the description and the
        spaces that Footer's stylesheet puts around them."""
        if not isinstance(widget, FooterKey):
            return widget.outer_size.width
        spacing = 2 if self.compact else 3
        if widget.has_class("-command-palette"):
            spacing += 1  # its border
        return cell_len(widget.key_display) + cell_len(widget.description) + spacing

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and event.size.width != self._composed_for:
            self.call_after_refresh(self.recompose)
