"""Measure what the rule layer adds: the bundled model alone, the model with
Randnotiz's rule layer (curated names, CLDR places, patterns) as the reader
runs it, and the rule layer alone — strict span P/R/F1 on the language's final test
set (GermEval 2014 dev for German, UNER English-EWT test for English).

    python -m training.rule_layer [--lang de|en] [--model PATH] [--shared DIR] [FILES...]
"""

from __future__ import annotations

import argparse

import spacy

from tui.analysis.pipeline import RULES_ONLY, get_pipeline

from .common import bundled_model_path, final_test_path, read_conll, sentences_to_docs
from .evaluate import evaluate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*")
    parser.add_argument("--lang", default="de", choices=["de", "en"])
    parser.add_argument("--model", help="default tui/models/{lang}_randnotiz")
    parser.add_argument("--shared", help="shared data dir (default $RANDNOTIZ_SHARED or ../shared/data)")
    args = parser.parse_args(argv)
    model = args.model or str(bundled_model_path(args.lang))
    setups = {
        "model alone": spacy.load(model),
        "model + rule layer": get_pipeline(args.lang, model),
        "rule layer alone": get_pipeline(args.lang, RULES_ONLY),
    }
    for path in args.files or [str(final_test_path(args.lang, args.shared))]:
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
