"""A folder as a library: every article in it and below, read as it is
found, and the unreadable ones listed with their reason."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui.sources.library import LibraryEntry, scan

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PAGES = Path(__file__).parent / "data" / "pages"


def test_a_story_folder_lists_text_html_and_markdown(tmp_path: Path) -> None:
    shutil.copy(SEEDS / "xiaomi-usa.de.txt", tmp_path / "a-xiaomi.txt")
    (tmp_path / "quellen").mkdir()
    shutil.copy(PAGES / "harbour.html", tmp_path / "quellen" / "harbour.html")
    shutil.copy(PAGES / "notes.md", tmp_path / "quellen" / "notizen.md")
    (tmp_path / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # not an article: not listed
    (tmp_path / ".versteckt.txt").write_text("Entwurf")  # hidden: not listed
    (tmp_path / "leer.txt").write_text("")
    entries = list(scan(tmp_path))
    assert [Path(entry.path).name for entry in entries] == [
        "a-xiaomi.txt",
        "leer.txt",
        "harbour.html",
        "notizen.md",
    ]
    xiaomi, empty, harbour, notes = entries
    assert xiaomi.lang == "de" and xiaomi.words > 200 and xiaomi.document_id and xiaomi.problem is None
    # A text file has no date of its own: the day it last changed is kept apart, not passed off as one.
    assert xiaomi.date is None and xiaomi.modified is not None and len(xiaomi.modified) == 10
    assert empty == LibraryEntry(
        str(tmp_path / "leer.txt"), "leer.txt", problem=f"{tmp_path / 'leer.txt'} is empty"
    )
    assert (harbour.title, harbour.lang, harbour.date) == (
        "Harbour bridge repairs to cost $120 million",
        "en",
        "2024-07-15",
    )
    assert (notes.title, notes.date) == ("Recherche: Windpark Borkum", "2025-10-04")
