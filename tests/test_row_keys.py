"""Home/g and End/G go to the first and last row of every pane, and the
glossary opens at its first entries while the article is at its top."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from tui.store import AnnotationSession, SQLiteStore
from tui.widgets.panes import GlossaryPane

from .recorded import recorded
from .ui import analysed, document, make_app

SIZE = (140, 40)


async def test_the_glossary_starts_at_its_first_entries() -> None:
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        pane = screen.query_one(GlossaryPane)
        assert pane.scroll_y == 0 and pane.cursor_row == 0
        assert pane.shown[0].name == "Xiaomi"
        # Scrolled down, the glossary follows the reader to the entry in view.
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        top = screen.article.visible_range[0]
        assert top > 0 and pane.cursor_row > 0
        assert min(m.start for m in pane.shown[pane.cursor_row].mentions if m.start >= top) >= top
        await pilot.press("g")  # back to the top of the article: the glossary to its top
        await pilot.pause()
        assert pane.cursor_row == 0 and pane.scroll_y == 0


@pytest.mark.parametrize("pane_id", ["quotes", "numbers", "glossary-table", "annotations-table"])
async def test_home_and_end_go_to_the_first_and_last_row(pane_id: str, tmp_path: Path) -> None:
    text = recorded("xiaomi-usa.de").text
    store = SQLiteStore(tmp_path / "annotations.sqlite3")
    session = AnnotationSession.open(store, document(text))
    for word in ("Xiaomi", "Huawei", "Samsung"):
        start = text.index(word)
        session.add(start, start + len(word), tags=("prüfen",))
    async with make_app(store=store).run_test(size=SIZE) as pilot:
        screen = await analysed(pilot)
        table = screen.query_one(f"#{pane_id}", DataTable)
        table.focus()
        last = table.row_count - 1
        assert last > 1
        await pilot.press("end")
        assert table.cursor_row == last
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("G")
        assert table.cursor_row == last
        await pilot.press("g")
        assert table.cursor_row == 0
