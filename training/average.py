"""Average the weights of pipelines with one architecture (checkpoint or seed averaging).

    python -m training.average MODEL_A MODEL_B [...] --output DIR

Every parameter of every trainable component (tok2vec, ner) becomes the mean over the models;
everything else (vocab, vectors, word-feature tables, labels) is the first model's. Averaging only
makes sense for models from one training trajectory or one initialisation, e.g. a model and its
continuation (training.train --continue-from). Score the result on held-out sentences before
anything else: ``python -m training.evaluate --model DIR training/corpus/heldout.conll``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, cast

import tui.analysis.word_classes  # noqa: F401  (the German model's feature component, for spacy.load)

if TYPE_CHECKING:
    from spacy.pipeline import TrainablePipe


def average(models: list[Path], output: Path) -> None:
    import spacy
    from thinc.api import Model

    pipelines = [spacy.load(model) for model in models]
    base = pipelines[0]
    for name, component in base.pipeline:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        others = [cast("TrainablePipe", pipeline.get_pipe(name)).model for pipeline in pipelines[1:]]
        for nodes in zip(model.walk(), *(other.walk() for other in others), strict=True):
            for param in nodes[0].param_names:
                if not all(node.has_param(param) for node in nodes):
                    continue
                values = [node.get_param(param) for node in nodes]
                nodes[0].set_param(param, sum(values[1:], values[0].copy()) / len(values))
        print(f"{name}: averaged over {len(pipelines)} models")
    base.to_disk(output)
    print(f"-> {output}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("models", nargs="+", type=Path)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    if len(args.models) < 2:
        parser.error("give at least two models")
    average(args.models, args.output)


if __name__ == "__main__":
    main()
