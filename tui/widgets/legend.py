"""One line that says what each highlight means, in the words of the JSON
output (see :mod:`tui.labels`); in a narrow terminal, the samples alone."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.labels import LEGEND, PERSONAL, component_css, highlight_styles


class Legend(Widget):
    """Samples in the same component styles as the article view (both are
    styled from one table), so the legend follows the theme."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"legend--{component}" for component in highlight_styles()}
    DEFAULT_CSS = component_css("Legend", "legend")
    # Whether the article has terms of the reader's own glossary: only then
    # does their sample take room in the line.
    personal: reactive[bool] = reactive(False, layout=True)

    def render(self) -> Text:
        """Each sample with what it means; where that does not fit, the
        samples alone (their names are the labels of the panes and the JSON)."""
        full = self._line(with_meanings=True)
        return full if full.cell_len <= self.content_size.width else self._line(with_meanings=False)

    def _line(self, *, with_meanings: bool) -> Text:
        text = Text()
        for component, name, meaning in LEGEND:
            if component == PERSONAL.component and not self.personal:
                continue
            if text:
                text.append("  ")
            text.append(f" {name} ", self.get_component_rich_style(f"legend--{component}", partial=True))
            if meaning and with_meanings:
                text.append(f" {meaning}", "dim")
        return text

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()
