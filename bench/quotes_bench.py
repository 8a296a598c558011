"""Quote, report and speaker finding stays linear in the length of the text.

    python bench/quotes_bench.py

The seed article is repeated to 10k, 50k and 100k words; its sentences and
entities (from the rules-only pipeline, analysed once) are shifted along, so
only :func:`tui.analysis.quotes.find_quotes` and ``find_sources`` are timed.
The sizes are timed in turns, five rounds, best of each (the machine is
shared: interleaving keeps a busy moment from landing on one size). Prints
seconds per size and the time per word as a ratio of the 10k run (about 1.0
when linear).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

from tui.analysis import analyze
from tui.analysis.model import Entity, Span
from tui.analysis.quotes import find_quotes, find_sources

SEED = Path(__file__).resolve().parent.parent / "seeds" / "xiaomi-usa.de.txt"
SIZES = (10_000, 50_000, 100_000)
ROUNDS = 5


@dataclass
class Case:
    text: str
    sentences: list[Span]
    entities: list[Entity]
    best: float = float("inf")
    quotes: int = 0

    @property
    def words(self) -> int:
        return len(self.text.split())


def repeated(article: str, words: int) -> Case:
    seed = analyze(article, "de", model="rules")
    copies = -(-words // len(article.split()))
    width = len(article)
    return Case(
        article * copies,
        [
            replace(s, start=s.start + i * width, end=s.end + i * width)
            for i in range(copies)
            for s in seed.sentences
        ],
        [
            replace(e, start=e.start + i * width, end=e.end + i * width)
            for i in range(copies)
            for e in seed.entities
        ],
    )


def main() -> None:
    article = SEED.read_text("utf-8").strip() + "\n"
    cases = [repeated(article, words) for words in SIZES]
    find_quotes(cases[0].text, "de", cases[0].sentences, cases[0].entities)  # load the word lists once
    for _ in range(ROUNDS):
        for case in cases:
            started = time.perf_counter()
            case.quotes = len(find_quotes(case.text, "de", case.sentences, case.entities))
            find_sources(case.text, "de", case.entities)
            case.best = min(case.best, time.perf_counter() - started)
    reference = cases[0].best / cases[0].words
    for case in cases:
        print(
            f"{case.words:>7} words: {case.best:6.3f} s, {case.quotes} quotes, "
            f"time per word x{case.best / case.words / reference:.2f} of the 10k run"
        )


if __name__ == "__main__":
    main()
