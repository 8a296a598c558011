"""A folder of articles as a reading library: every readable article in it
and below it, one entry at a time, so a screen can list them as they come.

Entries carry what a reader sorts and filters by (title, language, date,
word count) and the document id, by which the store knows how many
annotations an article has and when it was last opened.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tui.analysis.text import detect_language
from tui.sources.errors import InputError
from tui.sources.opening import HTML_SUFFIXES, MARKDOWN_SUFFIXES, open_source

ARTICLE_SUFFIXES = frozenset({".txt", ".text", *HTML_SUFFIXES, *MARKDOWN_SUFFIXES})


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One article of a folder; ``problem`` says why it cannot be opened.
    ``date`` is the article's own (from its metadata), ``modified`` the day
    the file last changed: not the same thing, and shown as different."""

    path: str
    title: str
    lang: str | None = None
    words: int = 0
    date: str | None = None
    modified: str | None = None
    document_id: str | None = None
    problem: str | None = None


def article_paths(folder: Path) -> Iterator[Path]:
    """Article files in ``folder`` and below, in name order, hidden ones left out."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if not name.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES:
                yield path


def scan(folder: Path) -> Iterator[LibraryEntry]:
    """Read each article of ``folder`` as it is found; unreadable ones are
    listed with the reason rather than left out, so nothing vanishes silently."""
    for path in article_paths(folder):
        yield entry_for(path)


def entry_for(path: Path) -> LibraryEntry:
    try:
        document = open_source(str(path))
    except InputError as error:
        return LibraryEntry(str(path), path.name, problem=str(error))
    return LibraryEntry(
        path=str(path),
        title=document.title,
        lang=detect_language(document.text),
        words=len(document.text.split()),
        date=document.metadata.get("date"),
        modified=_modified(path),
        document_id=document.id,
    )


def _modified(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%d")
