"""Measure what the rule layer adds: the bundled model alone, the model with
Randnotiz's rule layer (curated names, CLDR places, patterns) as the reader
runs it, and the rule layer alone — strict span P/R/F1 on the language's final test
set (GermEval 2014 dev for German, UNER English-EWT test for English).

    python -m training.rule_layer [--lang de|en] [--model PATH] [--shared DIR] [--first-names] [FILES...]

``--first-names`` adds two setups whose person patterns also take the 15,511 first names of
GermaNER's list (germaner-lists/first_names.tsv, Apache 2.0), which Randnotiz does not ship.
"""

from __future__ import annotations

import argparse
from typing import Any

import spacy
from spacy.language import Language

import tui.analysis.word_classes  # noqa: F401  (the German model's feature component)
from tui.analysis.pipeline import RULES_ONLY, _build, get_pipeline
from tui.analysis.rules import person_patterns

from .common import bundled_model_path, final_test_path, read_conll, sentences_to_docs, shared_data_dir
from .evaluate import evaluate


def first_names(shared: str | None) -> list[str]:
    path = shared_data_dir(shared) / "germaner-lists" / "first_names.tsv"
    names = {line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()}
    return sorted(name for name in names if len(name) > 2 and name.isalpha() and name[0].isupper())


def with_first_names(nlp: Language, names: list[str]) -> Language:
    """Person patterns for ``names`` after the rule layer (the pipeline is changed in place)."""
    ruler: Any = nlp.add_pipe(
        "entity_ruler", name="first_names", after="randnotiz_rules", config={"overwrite_ents": False}
    )
    ruler.add_patterns(person_patterns(names))
    return nlp


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*")
    parser.add_argument("--lang", default="de", choices=["de", "en"])
    parser.add_argument("--model", help="default tui/models/{lang}_randnotiz")
    parser.add_argument("--shared", help="shared data dir (default $RANDNOTIZ_SHARED or ../shared/data)")
    parser.add_argument("--first-names", action="store_true", help="also with GermaNER's first names")
    args = parser.parse_args(argv)
    model = args.model or str(bundled_model_path(args.lang))
    setups = {
        "model alone": spacy.load(model),
        "model + rule layer": get_pipeline(args.lang, model),
        "rule layer alone": get_pipeline(args.lang, RULES_ONLY),
    }
    if args.first_names:
        # Uncached copies: the GermaNER names must not leak into the setups above.
        names = first_names(args.shared)
        setups["model + rules + first names"] = with_first_names(_fresh(args.lang, model), names)
        setups["rules + first names"] = with_first_names(_fresh(args.lang, RULES_ONLY), names)
    for path in args.files or [str(final_test_path(args.lang, args.shared))]:
        print(f"== {path}")
        print(f"{'setup':<28}{'P':>7}{'R':>7}{'F1':>7}   per label F1")
        for name, nlp in setups.items():
            docs = list(sentences_to_docs(nlp.vocab, read_conll(path)))
            result = evaluate(nlp, docs)
            micro = result["micro"]
            labels = "  ".join(
                f"{label} {score['f'] * 100:.1f}" for label, score in result["per_label"].items()
            )
            print(
                f"{name:<28}{micro['p'] * 100:7.2f}{micro['r'] * 100:7.2f}{micro['f'] * 100:7.2f}   {labels}"
            )


def _fresh(lang: str, model: str) -> Language:
    return _build.__wrapped__(lang, model)


if __name__ == "__main__":
    main()
