"""Helpers for the UI tests: an app on a recorded analysis, and what is on screen."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tui.analysis.model import Analysis
from tui.analysis_service import Analyser
from tui.app import RandnotizApp
from tui.screens.reader import ReaderScreen
from tui.sources import Document
from tui.widgets.article_view import GUTTER, ArticleView

from .fake_service import FakeAnalysisService
from .recorded import recorded

SAMPLE = "xiaomi-usa.de"


def document(text: str) -> Document:
    return Document(text, source="article.txt", title="article.txt")


def make_app(
    sample: str = SAMPLE,
    *,
    analysis: Analysis | None = None,
    text: str | None = None,
    service: Analyser | None = None,
    animations: bool = False,
    **options: Any,
) -> RandnotizApp:
    """The reader on ``sample``'s recorded analysis (or on ``analysis``, or on
    ``text`` with ``service``). Without ``animations`` scrolling jumps at
    once: Pilot waits for every animation after every key."""
    if text is None:
        analysis = analysis or recorded(sample)
        text = analysis.text
    if service is None:
        service = FakeAnalysisService([analysis] if analysis is not None else [])
    app = RandnotizApp(document(text), service=service, **options)
    app.animation_level = "full" if animations else "none"
    return app


async def analysed(pilot: Pilot[Any]) -> ReaderScreen:
    """Wait until the analysis worker is done and the reader shows its result
    (the panes are mounted just after the first paint)."""
    screen = reader(pilot)
    await screen.panes_mounted.wait()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen


def reader(pilot: Pilot[Any]) -> ReaderScreen:
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def screen_lines(pilot: Pilot[Any]) -> list[str]:
    """The terminal's lines as the app last painted them: Textual's own
    compositor output, so a widget that was not repainted shows stale lines
    here just as it would on a real terminal."""
    return [strip.text for strip in pilot.app.screen._compositor.render_strips()]


def article_on_screen(pilot: Pilot[Any], view: ArticleView) -> list[str]:
    """The article's text rows as last painted on the terminal."""
    region = view.scrollable_content_region
    lines = screen_lines(pilot)
    return [lines[y][region.x : region.right].rstrip() for y in range(region.y, region.bottom)]


def article_lines(view: ArticleView) -> list[str]:
    """The article's text rows as the view would draw them now."""
    return [view.render_line(y).text.rstrip() for y in range(view.scrollable_content_region.height)]


def visible_text(view: ArticleView) -> str:
    """The text on screen, without the gutter of annotation marks."""
    lines = (view.render_line(y).text for y in range(view.scrollable_content_region.height))
    return "\n".join(line[GUTTER:] for line in lines)


def gutter(view: ArticleView) -> str:
    """The annotation marks beside the visible lines, one character per line."""
    return "".join(view.render_line(y).text[:GUTTER] for y in range(view.scrollable_content_region.height))


def selected_text(screen: ReaderScreen) -> str:
    assert screen.selection is not None
    start, end = screen.selection
    return screen.document.text[start:end]
