"""What the reader's own glossary costs when an article is opened.

    python bench/personal_glossary.py [--words 10000] [--entries 200] [--repeat 11]

Times, in alternation and as medians, on an article of WORDS words (the
seed articles' paragraphs, repeated): one search of the reader (``/Xiaomi``:
the reference, measured in the same run), finding ENTRIES terms of the
reader's own glossary in it (a tenth of them occur in the text, the rest
do not: terms from other articles), and recording the article's sightings
and reading where else each found term was seen (two store calls, the
first a committed write).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import paragraphs  # bench/bench.py: this script's folder comes first on sys.path
from tui.reading import Reading
from tui.store.personal_glossary import counts, find_mentions, new_entry
from tui.store.sqlite_store import SQLiteStore


def article(words: int) -> str:
    chosen: list[str] = []
    source = paragraphs("de")
    while sum(len(paragraph.split()) for paragraph in chosen) < words:
        chosen.append(source[len(chosen) % len(source)])
    return "\n".join(chosen)


def entries_for(text: str, count: int) -> list[str]:
    """A tenth of the terms from the text (its capitalised words), the rest made up."""
    words = dict.fromkeys(w.strip(".,;:!?„“()") for w in text.split() if w[:1].isupper() and len(w) > 4)
    found = [w for w in words if w.isalpha()][: count // 10]
    return [*found, *(f"Fachbegriff{index} Zusatz" for index in range(count - len(found)))]


def timed(run: Callable[[], object], repeat: int, times: dict[str, list[float]], name: str) -> None:
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.setdefault(name, []).append((time.perf_counter() - start) * 1000)


def main() -> int:
    parser = argparse.ArgumentParser(
        description="What the reader's own glossary costs when an article is opened."
    )
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()
    text = article(args.words)
    entries = [new_entry(term) for term in entries_for(text, args.entries)]
    reading = Reading(text)
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        store = SQLiteStore(Path(folder) / "annotations.sqlite3")
        for entry in entries:
            store.save_personal_entry(entry)
        store.remember_document("other", "Ein anderer Artikel", None)
        store.record_sightings("other", {entry.id: 1 for entry in entries})
        store.remember_document("this", "Dieser Artikel", None)
        mentions = find_mentions(text, entries)
        found = counts(mentions)

        def record() -> None:
            store.record_sightings("this", found)
            store.sightings(found)

        for _ in range(args.repeat):  # in alternation: the machine's load hits all alike
            timed(lambda: reading.find("Xiaomi"), 1, times, "search")
            timed(lambda: find_mentions(text, entries), 1, times, "find")
            timed(record, 1, times, "store")
        store.close()
    search, find, store_ms = (statistics.median(times[name]) for name in ("search", "find", "store"))
    print(
        f"{len(text.split()):,} words, {len(entries)} entries ({len(found)} found, {len(mentions)} mentions)"
    )
    print(f"search /Xiaomi (reference): {search:.2f} ms")
    print(f"finding the entries: {find:.1f} ms = {find / search:.0f} x the search")
    print(f"recording sightings + reading them: {store_ms:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
