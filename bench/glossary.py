"""What building the glossary adds to the analysis of a 10,000-word article.

    python bench/glossary.py [--runs 3] [--words 10000]

The article is the German seed articles and the glossary test articles,
paragraph by paragraph, repeated up to the word count. Each run times the
whole analysis (``analyze``, glossary included) and then the glossary alone
on that run's entities and sentences; the figure is the glossary's share
over the rest of the analysis, medians of the runs, both measured in the
same process on the same machine. The first glossary in a process also
loads the word-frequency lists (wordfreq) and CLDR data: timed separately.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SOURCES = [*sorted((ROOT / "seeds").glob("*.de.txt")), *sorted((ROOT / "tests/data/glossary").glob("*.de.txt"))]


def article(words: int) -> str:
    paragraphs = [p for path in SOURCES for p in path.read_text("utf-8").split("\n") if p.strip()]
    chosen: list[str] = []
    count = 0
    while count < words:
        paragraph = paragraphs[len(chosen) % len(paragraphs)]
        chosen.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(chosen)


def first_glossary() -> float:
    """Seconds of the first glossary in a fresh process (loads included)."""
    code = (
        "import time; from tui.analysis.glossary import build_glossary; "
        "t = time.perf_counter(); build_glossary('Die IEA warnt Norwegen vor Netzentgelten.', 'de', []); "
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--words", type=int, default=10_000)
    args = parser.parse_args()

    from tui.analysis import analyze
    from tui.analysis.glossary import build_glossary

    text = article(args.words)
    analyze(text[:2000], "de")  # load the pipeline and warm the caches
    totals, glossaries = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        analysis = analyze(text, "de")
        totals.append(time.perf_counter() - start)
        start = time.perf_counter()
        build_glossary(analysis.text, "de", analysis.entities, analysis.sentences)
        glossaries.append(time.perf_counter() - start)
    total, glossary = statistics.median(totals), statistics.median(glossaries)
    print(
        json.dumps(
            {
                "words": len(text.split()),
                "entries": len(analysis.glossary),
                "analysis_s": round(total, 3),
                "glossary_s": round(glossary, 3),
                "glossary_over_rest": round(glossary / (total - glossary), 3),
                "first_glossary_in_a_process_s": round(first_glossary(), 3),
            }
        )
    )


if __name__ == "__main__":
    main()
