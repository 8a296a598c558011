"""The reading library on a big folder (a benchmark, not a test): time until
the first rows show and until the whole list is there.

    python bench/library.py [--articles 2000]

Writes that many small articles (a title line and two paragraphs) into a
temporary folder and opens it as ``randnotiz DIR`` would, headless.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PARAGRAPH = (
    "Der Windpark vor Borkum liefert seit Freitag Strom. Die 83 Turbinen kommen auf 913 Megawatt, "
    "sagte Bauamtsleiterin Petra Sommer bei der Eröffnung.\n"
)


async def measure(folder: Path) -> tuple[float, float, int]:
    from tui.app import RandnotizApp
    from tui.screens.library import LibraryScreen
    from tui.sources.library import scan
    from tui.store import SQLiteStore

    store = SQLiteStore(folder / ".annotations.sqlite3")
    library = LibraryScreen(str(folder), lambda: scan(folder), store=lambda: store)

    class NoAnalysis:  # the library analyses nothing
        def analyze(self, text: str, progress: object = None) -> object:
            raise NotImplementedError

        def start(self) -> None:
            pass

        def stop(self) -> None:
            pass

    app = RandnotizApp(None, library=library, service=NoAnalysis(), store=store)  # type: ignore[arg-type]
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        while not library.rows:
            await pilot.pause(0.005)
        first = time.perf_counter() - started
        while library.scanning:
            await pilot.pause(0.02)
        return first, time.perf_counter() - started, len(library.rows)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="randnotiz-library-") as name:
        folder = Path(name)
        for number in range(args.articles):
            (folder / f"meldung-{number:05}.txt").write_text(f"Meldung {number}\n" + PARAGRAPH * 2, "utf-8")
        first, full, rows = asyncio.run(measure(folder))
    print(f"{rows:,} articles: first rows after {first:.2f} s, the whole list after {full:.2f} s")


if __name__ == "__main__":
    main()
