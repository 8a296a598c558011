"""One line that shows what each highlight style means."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

_ENTRIES = (
    ("legend--per", "Person"),
    ("legend--org", "Organisation"),
    ("legend--loc", "Place"),
    ("legend--misc", "Other"),
    ("legend--quote", "Quote"),
    ("legend--number", "Number"),
)


class Legend(Widget):
    """Samples in the same component styles as the article view (both are
    styled by one rule in the stylesheet), so the legend follows the theme."""

    COMPONENT_CLASSES = {component for component, _ in _ENTRIES}

    def render(self) -> Text:
        text = Text()
        for component, name in _ENTRIES:
            if text:
                text.append("  ")
            text.append(f" {name} ", self.get_component_rich_style(component, partial=True))
        return text

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()
