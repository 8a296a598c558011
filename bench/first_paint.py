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


async def main(path: str | None) -> None:
    t0 = float(os.environ["RANDNOTIZ_BENCH_T0"])
    from tui.app import RandnotizApp
    from tui.cli import load_document

    app = RandnotizApp(load_document(path))
    async with app.run_test(size=(140, 40)) as pilot:
        first_paint = time.time() - t0
        await app.workers.wait_for_complete()
        await pilot.pause()
        complete = time.time() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"first_paint_s": first_paint, "analysis_complete_s": complete, "peak_rss_mb": peak_mb}))


asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else None))
