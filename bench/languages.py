"""English against German analysis speed, measured in the same run.

    PYTHONPATH=$PWD python bench/languages.py [--tokens 20000] [--rounds 3]

``analyze_batch`` (what ``randnotiz analyze --jsonl`` runs) over the sample
articles' paragraphs of each language, with the default pipelines, after they
are loaded. The languages take turns for ``--rounds`` rounds, so a busy
machine slows both alike; the best round of each is printed, and the ratio.
"""

from __future__ import annotations

import argparse
import time

from bench import paragraphs  # bench/bench.py: this script's folder comes first on sys.path
from tui.analysis import analyze_batch
from tui.analysis.pipeline import get_pipeline, pipeline_info

LANGUAGES = ("de", "en")


def workload(lang: str, target_tokens: int) -> tuple[list[str], int]:
    base = paragraphs(lang)
    tokenizer = get_pipeline(lang).tokenizer
    tokens_per_round = sum(len(doc) for doc in tokenizer.pipe(base))  # type: ignore[union-attr, misc]
    copies = max(1, target_tokens // tokens_per_round)
    return base * copies, tokens_per_round * copies


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tokens", type=int, default=20_000, help="tokens per language and round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    loads = {lang: workload(lang, args.tokens) for lang in LANGUAGES}
    for lang, (texts, _) in loads.items():
        analyze_batch(texts[:10], lang)  # warm caches
    best = dict.fromkeys(LANGUAGES, 0.0)
    for _ in range(args.rounds):
        for lang, (texts, tokens) in loads.items():
            start = time.perf_counter()
            analyze_batch(texts, lang)
            best[lang] = max(best[lang], tokens / (time.perf_counter() - start))
    for lang in LANGUAGES:
        print(f"{lang}: {best[lang]:8,.0f} tokens/s  ({pipeline_info(lang).summary})")
    print(f"en / de: {best['en'] / best['de']:.2f}")


if __name__ == "__main__":
    main()
