"""Quote, report and speaker finding stays linear in the length of the text.

    python bench/quotes_bench.py

The seed article is repeated to 10k, 50k and 100k words; its sentences and
entities (from the rules-only pipeline, analysed once) are shifted along, so
only :func:`tui.analysis.quotes.find_quotes` and ``find_sources`` are timed.
Prints seconds per size and the ratio of time per word against the 10k run
(about 1.0 when linear; the machine is shared, so compare ratios, not seconds).
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from tui.analysis import analyze
from tui.analysis.quotes import find_quotes, find_sources

SEED = Path(__file__).resolve().parent.parent / "seeds" / "xiaomi-usa.de.txt"


def main() -> None:
    article = SEED.read_text("utf-8").strip() + "\n"
    seed = analyze(article, "de", model="rules")
    words_per_copy = len(article.split())
    per_word: dict[int, float] = {}
    for words in (10_000, 50_000, 100_000):
        copies = -(-words // words_per_copy)
        text = article * copies
        sentences = [
            replace(s, start=s.start + i * len(article), end=s.end + i * len(article))
            for i in range(copies)
            for s in seed.sentences
        ]
        entities = [
            replace(e, start=e.start + i * len(article), end=e.end + i * len(article))
            for i in range(copies)
            for e in seed.entities
        ]
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            found = find_quotes(text, "de", sentences, entities)
            find_sources(text, "de", entities)
            best = min(best, time.perf_counter() - started)
        per_word[words] = best / len(text.split())
        print(
            f"{len(text.split()):>7} words: {best:6.3f} s, {len(found)} quotes, "
            f"time per word x{per_word[words] / per_word[10_000]:.2f} of the 10k run"
        )


if __name__ == "__main__":
    main()
