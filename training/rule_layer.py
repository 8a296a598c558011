"""Measure what the rule layer adds: the bundled model alone, the model with
Randnotiz's rule layer (curated names, CLDR places, patterns) as the reader
runs it, and the rule layer alone — strict span P/R/F1 on GermEval dev.

    python -m training.rule_layer [--model PATH] [--shared DIR] [FILES...]
"""

from __future__ import annotations

import argparse

import spacy

import tui.analysis.word_classes  # noqa: F401  (the German model's feature component)
from tui.analysis.pipeline import RULES_ONLY, get_pipeline

from .common import DEFAULT_MODEL, germeval_dev_path, read_conll, sentences_to_docs
from .evaluate import evaluate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*")
    parser.add_argument("--model", default=str(DEFAULT_MODEL))
    parser.add_argument("--shared", help="shared data dir (default $RANDNOTIZ_SHARED or ../shared/data)")
    args = parser.parse_args(argv)
    setups = {
        "model alone": spacy.load(args.model),
        "model + rule layer": get_pipeline("de", args.model),
        "rule layer alone": get_pipeline("de", RULES_ONLY),
    }
    for path in args.files or [str(germeval_dev_path(args.shared))]:
        print(f"== {path}")
        print(f"{'setup':<20}{'P':>7}{'R':>7}{'F1':>7}   per label F1")
        for name, nlp in setups.items():
            docs = list(sentences_to_docs(nlp.vocab, read_conll(path)))
            result = evaluate(nlp, docs)
            micro = result["micro"]
            labels = "  ".join(
                f"{label} {score['f'] * 100:.1f}" for label, score in result["per_label"].items()
            )
            print(
                f"{name:<20}{micro['p'] * 100:7.2f}{micro['r'] * 100:7.2f}{micro['f'] * 100:7.2f}   {labels}"
            )


if __name__ == "__main__":
    main()
