"""Speed and load time of two German models in the same run, alternating, so that a busy
machine slows both alike: the ratio is the figure to report, not the absolute tokens/s.

    python -m training.compare_speed REFERENCE_MODEL [--model tui/models/de_randnotiz] [--rounds 5]

Each round loads both models in fresh processes (load time, `spacy.load`), then runs ``nlp.pipe``
over the GermEval dev sentences (pre-tokenised, as training.evaluate does) with each model in turn.
Prints the median tokens/s, the median load time and the ratio new / reference.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from .common import DEFAULT_MODEL, REPO_ROOT, germeval_dev_path, read_conll

_LOAD = "import time, spacy, tui.analysis.word_classes; t = time.perf_counter(); spacy.load({!r}); print(time.perf_counter() - t)"


def load_seconds(model: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _LOAD.format(model)], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    import spacy
    from spacy.tokens import Doc

    import tui.analysis.word_classes  # noqa: F401  (the German model's feature component)

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("reference")
    parser.add_argument("--model", default=str(DEFAULT_MODEL))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--shared", help="shared data dir (default $RANDNOTIZ_SHARED or ../shared/data)")
    args = parser.parse_args(argv)
    sentences = [words for words, _ in read_conll(germeval_dev_path(args.shared))]
    n_tokens = sum(len(words) for words in sentences)
    models = {"reference": args.reference, "new": args.model}
    pipelines = {name: spacy.load(path) for name, path in models.items()}
    speeds: dict[str, list[float]] = {name: [] for name in models}
    loads: dict[str, list[float]] = {name: [] for name in models}
    for _ in range(args.rounds):
        for name, nlp in pipelines.items():
            loads[name].append(load_seconds(models[name]))
            docs = [Doc(nlp.vocab, words=words) for words in sentences]
            start = time.perf_counter()
            for _doc in nlp.pipe(docs, batch_size=256):
                pass
            speeds[name].append(n_tokens / (time.perf_counter() - start))
    for name, path in models.items():
        print(
            f"{name:<10} {path}: {statistics.median(speeds[name]):.0f} tokens/s (median of {args.rounds}: "
            f"{', '.join(f'{s:.0f}' for s in speeds[name])}), load {statistics.median(loads[name]):.2f} s"
        )
    ratios = [new / ref for new, ref in zip(speeds["new"], speeds["reference"], strict=True)]
    print(
        f"new / reference: {statistics.median(ratios):.2f} (per round: {', '.join(f'{r:.2f}' for r in ratios)})"
    )


if __name__ == "__main__":
    main()
