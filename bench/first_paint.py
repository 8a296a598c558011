"""Child process of bench.py: start the reader headless on the seed article
and print when it first painted and when the analysis was complete.

Times count from RANDNOTIZ_BENCH_T0 (the parent's clock before it started
this interpreter), so interpreter start-up and imports are included.
"""

import asyncio
import json
import os
import resource
import sys
import time
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from tui.screens.reader import ReaderScreen


async def main(path: str | None) -> None:
    t0 = float(os.environ["RANDNOTIZ_BENCH_T0"])
    from tui.analysis_service import start_service
    from tui.cli import load_document

    document = load_document(path)
    service = start_service(document, None, None)  # as the CLI does: before Textual is imported
    from tui.app import RandnotizApp

    app = RandnotizApp(document, service=service)
    async with app.run_test(size=(140, 40)) as pilot:
        first_paint = time.time() - t0
        screen = cast("ReaderScreen", app.screen)
        while screen.analysis is None:  # set when the highlights are drawn
            await pilot.pause(0.005)
        complete = time.time() - t0
    # The UI process, and the analysis process (a child, measured after it ended).
    ui_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    analysis_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "first_paint_s": first_paint,
                "analysis_complete_s": complete,
                "ui_rss_mb": ui_mb,
                "analysis_rss_mb": analysis_mb,
            }
        )
    )


if __name__ == "__main__":  # the analysis process is spawned and imports this module
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else None))
