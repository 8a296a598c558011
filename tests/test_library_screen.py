"""The reading library: a folder listed as it is read, filtered as you
type, sorted, an article opened with Enter and left with Esc."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from tui.app import RandnotizApp
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.sources.library import scan
from tui.store import SQLiteStore

from .fake_service import FakeAnalysisService
from .recorded import recorded

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PAGES = Path(__file__).parent / "data" / "pages"
SIZE = (120, 30)


def story_folder(tmp_path: Path, extra: int = 0) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    shutil.copy(SEEDS / "xiaomi-usa.de.txt", folder / "xiaomi.txt")
    (folder / "notes.md").write_text("# Offene Fragen zum Windpark\n\nWer zahlt die Netzentgelte?\n")
    for number in range(extra):
        (folder / f"meldung-{number:04}.txt").write_text(f"Meldung {number}\nKurzer Text Nummer {number}.\n")
    return folder


def library_app(folder: Path, tmp_path: Path) -> RandnotizApp:
    store = SQLiteStore(tmp_path / "annotations.sqlite3")
    library = LibraryScreen(str(folder), lambda: scan(folder), store=lambda: store)
    service = FakeAnalysisService([recorded("xiaomi-usa.de")])
    return RandnotizApp(None, library=library, service=service, store=store)


async def test_a_folder_is_listed_filtered_sorted_and_opened(tmp_path: Path) -> None:
    app = library_app(story_folder(tmp_path), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        assert sorted(row.entry.title for row in library.rows) == ["Offene Fragen zum Windpark", "xiaomi.txt"]
        await pilot.press("slash", *"windpark", "enter")
        assert library.query_one(DataTable).row_count == 1
        await pilot.press("escape")  # the filter cleared
        assert library.query_one(DataTable).row_count == 2
        await pilot.press("s")  # by date: the newest first
        assert library.sort == "date"
        await pilot.press("s", "s", "s")
        assert library.sort == "title"
        await pilot.press("down")  # "xiaomi.txt" sorts after "Offene …"
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.document.source.endswith("xiaomi.txt")
        await pilot.press("escape")  # nothing selected: back to the library
        await pilot.pause()
        assert app.screen is library and isinstance(library, LibraryScreen)
        opened = [row for row in library.rows if row.entry.path.endswith("xiaomi.txt")]
        assert opened[0].opened  # it knows the article was just opened


async def test_the_list_can_be_used_while_a_big_folder_is_read(tmp_path: Path) -> None:
    app = library_app(story_folder(tmp_path, extra=600), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        library = app.screen
        assert isinstance(library, LibraryScreen)
        while not library.rows:  # the first batch arrives
            await pilot.pause(0.01)
        await pilot.press("down", "down")  # the list answers keys while it fills
        assert library.query_one(DataTable).cursor_row == 2
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert len(library.rows) == 602 and not library.scanning


async def test_a_big_folder_fills_the_table_as_the_list_doubles_not_per_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 61 batches of 10: rebuilding the sorted table for each made 3,000 articles take 10 s.
    monkeypatch.setattr("tui.screens.library.BATCH_ROWS", 10)
    fills = 0
    refill = LibraryScreen._refill

    def counted(screen: LibraryScreen) -> None:
        nonlocal fills
        fills += 1
        refill(screen)

    monkeypatch.setattr(LibraryScreen, "_refill", counted)
    app = library_app(story_folder(tmp_path, extra=600), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        library = await loaded(app, pilot)
        assert library.query_one(DataTable).row_count == 602
        assert fills <= 11  # 1, 2, 4, … 512 rows and once when the folder is read


async def loaded(app: RandnotizApp, pilot: Pilot[Any]) -> LibraryScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    library = app.screen
    assert isinstance(library, LibraryScreen)
    return library


def status(library: LibraryScreen) -> str:
    return str(library.query_one("#library-status", Static).render())


def headers(library: LibraryScreen) -> list[str]:
    return [column.label.plain for column in library.query_one(DataTable).ordered_columns]


async def test_an_empty_folder_says_it_has_no_articles(tmp_path: Path) -> None:
    folder = tmp_path / "leer"
    folder.mkdir()
    (folder / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    app = library_app(folder, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        library = await loaded(app, pilot)
        assert status(library) == (
            "No articles here: the folder has no .htm, .html, .markdown, .md, .text, .txt, .xhtml files"
        )


async def test_the_date_column_says_when_it_shows_the_file_modification_day(tmp_path: Path) -> None:
    folder = story_folder(tmp_path)  # plain text and markdown without a date
    app = library_app(folder, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        library = await loaded(app, pilot)
        assert headers(library)[2] == "Modified"
    shutil.copy(PAGES / "harbour.html", folder / "harbour.html")  # dated 2024-07-15 in its metadata
    app = library_app(folder, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        library = await loaded(app, pilot)
        assert headers(library)[2] == "Date / modified"
        await pilot.press("slash", *"harbour", "enter")
        assert headers(library)[2] == "Date"
        assert library.query_one(DataTable).get_row_at(0)[2].plain == "Jul 15, 2024"


async def test_home_end_g_and_shift_g_go_to_the_first_and_last_article(tmp_path: Path) -> None:
    app = library_app(story_folder(tmp_path, extra=5), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        library = await loaded(app, pilot)
        table = library.query_one(DataTable)
        await pilot.press("end")
        assert table.cursor_row == 6
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("G")
        assert table.cursor_row == 6
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.document.source.endswith("xiaomi.txt")
        await pilot.press("escape", "g")
        assert app.screen is library and table.cursor_row == 0
