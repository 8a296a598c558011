"""The Textual application: wiring, themes, help and the command palette."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tui.analysis_service import Analyser, start_service
from tui.paths import STYLES
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.sources import Document
from tui.widgets.article_view import ArticleView
from tui.widgets.panes import ItemPane

THEMES = ("textual-dark", "textual-light")


class RandnotizApp(App[None]):
    TITLE = "Randnotiz"
    CSS_PATH = STYLES / "randnotiz.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("t", "toggle_theme", "Light/dark"),
    ]

    def __init__(
        self,
        document: Document,
        *,
        theme: str = "textual-dark",
        service: Analyser | None = None,
    ) -> None:
        """``service`` analyses the text, in the language and with the model it
        was started with; one with the defaults is started when none is given
        (the CLI starts it before importing Textual, to gain time)."""
        super().__init__()
        self.document = document
        self.theme = theme
        self.analysis_service = service or start_service(document, None, None)

    def get_default_screen(self) -> Screen:
        return ReaderScreen(self.document, self.analysis_service)

    def on_unmount(self) -> None:
        self.analysis_service.stop()

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.binding_sections()))

    def binding_sections(self) -> list[tuple[str, Iterable[Binding]]]:
        """Every binding the reader offers, grouped by where it works."""
        palette = Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")
        focus = [
            Binding("tab", "focus_next", "Next pane"),
            Binding("shift+tab", "focus_previous", "Previous pane"),
        ]
        return [
            ("everywhere", [*self.BINDINGS, palette, *focus]),
            ("reader", ReaderScreen.BINDINGS),
            ("article", ArticleView.BINDINGS),
            (
                "panes",
                [
                    *ItemPane.BINDINGS,
                    Binding("up,down", "", "Move through the list"),
                    Binding("enter", "", "Show the item in the text"),
                ],
            ),
        ]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, ReaderScreen):
            return
        for binding in ReaderScreen.BINDINGS:
            yield SystemCommand(
                binding.description, f"Key: {binding.key}", partial(screen.run_action, binding.action)
            )
        if screen.analysis is not None:
            for entry in screen.analysis.glossary:
                first = entry.mentions[0]
                yield SystemCommand(
                    f"Go to {entry.name}",
                    f"{entry.label}, {len(entry.mentions)} mention{'s' if len(entry.mentions) > 1 else ''}",
                    partial(screen.select_span, first.start, first.end),
                )
