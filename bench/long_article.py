"""A long article in the reader (a benchmark, not a test): when the first
highlights can show, and when all of them are there, through the analysis
process as the reader uses it.

    python bench/long_article.py [--megabytes 1]

The article is the German sample repeated to the size asked. "first chunk"
is when the reader gets the highlights of the chunk it shows (the article's
start), "complete" when the whole analysis arrives; both from the moment
the analysis process is started, model loading included. 0.1 showed
nothing until "complete".
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from tui.analysis.chunks import ChunkAnalysis
from tui.analysis_service import AnalysisService

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    seed = (ROOT / "seeds" / "xiaomi-usa.de.txt").read_text("utf-8")
    text = seed * max(1, int(args.megabytes * 1_000_000 / len(seed.encode())))
    started = time.perf_counter()
    service = AnalysisService("de")
    first: list[float] = []

    def chunk_done(chunk: ChunkAnalysis) -> None:
        if not first:
            first.append(time.perf_counter() - started)

    try:
        analysis = service.analyze(text, each_chunk=chunk_done)
    finally:
        service.stop()
    complete = time.perf_counter() - started
    print(f"{len(text.encode()) / 1e6:.1f} MB, {len(analysis.entities):,} entities")
    print(f"  first chunk's highlights after {first[0]:.2f} s")
    print(f"  complete analysis after        {complete:.2f} s ({complete / first[0]:.0f}x later)")


if __name__ == "__main__":
    main()
