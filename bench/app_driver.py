"""Crash-safety driver for the real reader: annotate the article given as the
last argument with real key presses (Textual's Pilot, headless), and print
``confirmed <id>`` once the reader shows each new annotation.

    python bench/crash_safety.py --app        # 50 SIGKILLs of this driver

Each round: move the caret a word on, ``a``, type a note, ``Ctrl+S``; the
annotation is confirmed when it is in the reader's annotations pane.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


async def annotate(article: str) -> None:
    from tui.analysis_service import start_service
    from tui.app import RandnotizApp
    from tui.screens.reader import ReaderScreen
    from tui.sources import open_source
    from tui.widgets.annotations_pane import AnnotationsPane

    document = open_source(article)
    app = RandnotizApp(document, service=start_service(document, None, None))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        while screen.session is None:  # the store opens after the first paint
            await pilot.pause(0.01)
        confirmed: set[str] = set()
        for index in range(1_000_000):
            await pilot.press("w", "a", *f"Notiz {index}", "ctrl+s")
            await pilot.pause()
            # Confirmed once the reader shows it in the pane (a frame after the text).
            for annotation in screen.query_one(AnnotationsPane).shown:
                if annotation.id not in confirmed:
                    confirmed.add(annotation.id)
                    print(f"confirmed {annotation.id}", flush=True)


if __name__ == "__main__":
    asyncio.run(annotate(sys.argv[-1]))
