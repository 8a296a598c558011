"""What building the glossary adds to the analysis of a 10,000-word article.

    python bench/glossary.py [--runs 3] [--words 10000]
    python bench/glossary.py --quality


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

SOURCES = [
    *sorted((ROOT / "seeds").glob("*.de.txt")),
    *sorted((ROOT / "tests/data/glossary").glob("*.de.txt")),
]


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


def quality() -> dict[str, object]:
    """Against tests/data/glossary/*.json: descriptions (precision and
    recall over every description of every reference entity), and how many
    reference entities, abbreviations, country facts and key terms hold."""
    from tui.analysis import analyze

    right = found = expected = 0
    held: dict[str, list[int]] = {
        "entities": [0, 0],
        "abbreviations": [0, 0],
        "facts": [0, 0],
        "key_terms": [0, 0],
    }
    for path in sorted((ROOT / "tests/data/glossary").glob("*.json")):
        reference = json.loads(path.read_text("utf-8"))
        analysis = analyze((ROOT / reference["article"]).read_text("utf-8"), reference["lang"])
        by_alias = {alias: entry for entry in analysis.glossary for alias in (entry.name, *entry.aliases)}
        for entity in reference["entities"]:
            entry = by_alias.get(entity["name"])
            cards = {
                id(by_alias[a]) for a in entity["aliases"] if a in by_alias and by_alias[a].kind == "entity"
            }
            held["entities"][0] += entry is not None and len(cards) == 1 and entry.name == entity["name"]
            held["entities"][1] += 1
            descriptions = [span.text for span in entry.descriptions] if entry else []
            wanted = reference["descriptions"].get(entity["name"], [])
            right += len(set(descriptions) & set(wanted))
            found += len(descriptions)
            expected += len(wanted)
        for short, long in reference["abbreviations"].items():
            held["abbreviations"][0] += short in by_alias and by_alias[short].expansion == long
            held["abbreviations"][1] += 1
        for name, facts in reference["facts"].items():
            got = dict(by_alias[name].facts) if name in by_alias else {}
            held["facts"][0] += all(got.get(key) == value for key, value in facts.items())
            held["facts"][1] += 1
        top = {entry.name for entry in analysis.glossary if entry.kind == "term"}
        held["key_terms"][0] += len(top & set(reference["key_terms"]))
        held["key_terms"][1] += len(reference["key_terms"])
    return {
        "description_precision": round(right / found, 3) if found else None,
        "description_recall": round(right / expected, 3) if expected else None,
        **{key: f"{done}/{total}" for key, (done, total) in held.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--quality", action="store_true", help="check the glossary references instead")
    args = parser.parse_args()
    if args.quality:
        print(json.dumps(quality()))
        return

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
