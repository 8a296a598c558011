"""A long article in the reader (a benchmark, not a test): when the first
highlights can show, and when all of them are there, through the analysis
process as the reader uses it.

    python bench/long_article.py [--megabytes 1]

The article is the German sample repeated to the size asked. "first chunk"
is when the reader gets the highlights of the chunk it shows (the article's
start), "complete" when the whole analysis arrives; both from the moment
the analysis process is started, model loading included. Measured twice in
turn: as the reader runs it (a long article shared with a second process)
and in one process, as before (0.1 showed nothing until "complete").
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from tui.analysis.chunks import ChunkAnalysis
from tui.analysis_service import ONE_PROCESS_VARIABLE, AnalysisService

ROOT = Path(__file__).resolve().parents[1]


def measure(text: str, one_process: bool) -> tuple[float, float]:
    """Seconds to the first chunk's highlights and to the whole analysis."""
    if one_process:
        os.environ[ONE_PROCESS_VARIABLE] = "1"
    else:
        os.environ.pop(ONE_PROCESS_VARIABLE, None)
    started = time.perf_counter()
    service = AnalysisService("de", long_text=True)  # inherits the environment set above
    first: list[float] = []

    def chunk_done(chunk: ChunkAnalysis) -> None:
        if not first:
            first.append(time.perf_counter() - started)

    try:
        service.analyze(text, each_chunk=chunk_done)
    finally:
        service.stop()
    return first[0], time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    seed = (ROOT / "seeds" / "xiaomi-usa.de.txt").read_text("utf-8")
    text = seed * max(1, int(args.megabytes * 1_000_000 / len(seed.encode())))
    one_first, one_complete = measure(text, one_process=True)
    two_first, two_complete = measure(text, one_process=False)
    print(f"{len(text.encode()) / 1e6:.1f} MB German article")
    print(f"  one process:   first chunk {one_first:.2f} s, complete {one_complete:.2f} s")
    print(f"  two processes: first chunk {two_first:.2f} s, complete {two_complete:.2f} s")
    print(f"  all highlights {one_complete / two_complete:.2f}x sooner with the second process")


if __name__ == "__main__":
    main()
