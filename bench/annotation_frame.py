"""Adding an annotation in the reader (a benchmark, not a test): the time
from the key that saves it to the screen showing it (store commit, text
layer, margin marks, pane), with 0 and with 2,000 annotations already on
the article, against a 60 Hz frame (16.7 ms).

    python bench/annotation_frame.py [--runs 20]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FRAME_MS = 1000 / 60


async def measure(existing: int, runs: int, folder: Path) -> list[tuple[float, float]]:
    sys.path.insert(0, str(ROOT))
    from tests.fake_service import FakeAnalysisService
    from tests.recorded import recorded
    from tui.app import RandnotizApp
    from tui.screens.reader import ReaderScreen
    from tui.sources import Document
    from tui.store import AnnotationSession, SQLiteStore
    from tui.store.model import Annotation

    analysis = recorded("xiaomi-usa.de")
    document = Document(analysis.text, source=str(folder / "article.txt"), title="article")
    store = SQLiteStore(folder / f"store-{existing}.sqlite3")
    session = AnnotationSession.open(store, document)
    rng = random.Random(8)
    for index in range(existing):
        start = rng.randrange(len(document.text) - 20)
        session.add(start, start + rng.randint(1, 20), note=f"Notiz {index}", tags=["prüfen"])
    app = RandnotizApp(document, service=FakeAnalysisService([analysis]), store=store)
    times = []
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.session is not None
        session = screen.session
        for index in range(runs):
            start = rng.randrange(len(document.text) - 20)

            def add(s: AnnotationSession, at: int = start, number: int = index) -> Annotation:
                return s.add(at, at + 10, note=f"neu {number}")

            started = time.perf_counter()
            screen._save(add)
            shown = time.perf_counter()
            await pilot.pause()  # the pane follows in the next frame
            times.append(((shown - started) * 1000, (time.perf_counter() - shown) * 1000))
            assert session.annotations
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        for existing in (0, 2000):
            times = asyncio.run(measure(existing, args.runs, Path(name)))
            text = statistics.median(t for t, _ in times)
            pane = statistics.median(p for _, p in times)
            print(
                f"{existing:>5} annotations: the text shows a new one after {text:.1f} ms "
                f"(a frame is {FRAME_MS:.1f} ms), the pane {pane:.0f} ms later (medians of {args.runs})"
            )


if __name__ == "__main__":
    main()
