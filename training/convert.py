"""Convert the NER corpora into spaCy DocBins under training/corpus/.

    python -m training.convert [--shared DIR] [--heldout 1000] [--extras] [--drop-minor] [--output DIR]

Writes
  train.spacy         GermEval 2014 train minus the held-out tail; *deriv/*part keep labels
                      of their own (LOCderiv "deutsche"), which are never scored or shown
  heldout.spacy       last N train sentences (checkpoint selection during training), same labels
  heldout.conll       the same sentences as token/tag CoNLL, *deriv/*part -> O (training.rule_layer)
  germeval_dev.spacy  GermEval 2014 dev (outer layer) -- only used for final evaluation
  extra_*.spacy       optional extra corpora (--extras: MobIE train, LER dev)
  text_germeval.txt   whitespace-joined train tokens (input for the floret vectors)
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from .common import (
    CORPUS_DIR,
    germeval_dev_path,
    germeval_train_path,
    normalise_tag,
    read_conll,
    sentences_to_docs,
    shared_data_dir,
)


def _write(docs, path):
    db = DocBin(store_user_data=False)
    n = 0
    labels = Counter()
    for doc in docs:
        db.add(doc)
        n += 1
        labels.update(e.label_ for e in doc.ents)
    db.to_disk(path)
    print(f"  {path.name}: {n} docs, ents {dict(labels)}")


def convert_extras(nlp, shared, out):
    root = shared_data_dir(shared)
    mobie = root / "mobie" / "train.conll2003"
    if mobie.exists():
        _write(sentences_to_docs(nlp.vocab, read_conll(mobie)), out / "extra_mobie.spacy")
    ler = root / "ler" / "ler_dev.conll"
    if ler.exists():
        _write(sentences_to_docs(nlp.vocab, read_conll(ler)), out / "extra_ler.spacy")
    # SmartData v1 has only char-offset mentions with fine lower-case types and no
    # tokens; not converted (see README).


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", help="shared data dir (default $RANDNOTIZ_SHARED or ../shared/data)")
    p.add_argument("--heldout", type=int, default=1000)
    p.add_argument(
        "--extras", action="store_true", help="also convert MobIE/LER (label-mapped, see common.LABEL_MAP)"
    )
    p.add_argument(
        "--drop-minor",
        action="store_true",
        help="*deriv/*part -> O in train/held-out too (by default they are labels of "
        "their own there, e.g. LOCderiv; dev always has them as O)",
    )
    p.add_argument("--output", default=str(CORPUS_DIR))
    args = p.parse_args(argv)

    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("de")
    train = list(read_conll(germeval_train_path(args.shared), keep_minor=not args.drop_minor))
    cut = len(train) - args.heldout
    print(f"GermEval train: {len(train)} sentences -> {cut} train / {args.heldout} held-out")
    _write(sentences_to_docs(nlp.vocab, train[:cut]), out / "train.spacy")
    _write(sentences_to_docs(nlp.vocab, train[cut:]), out / "heldout.spacy")
    _write(
        sentences_to_docs(nlp.vocab, read_conll(germeval_dev_path(args.shared))), out / "germeval_dev.spacy"
    )
    # The held-out part as CoNLL (*deriv/*part -> O) for `training.rule_layer FILES`.
    with open(out / "heldout.conll", "w", encoding="utf-8") as fh:
        fh.writelines(
            "".join(f"{token}\t{normalise_tag(tag)}\n" for token, tag in zip(tokens, tags, strict=True))
            + "\n"
            for tokens, tags in train[cut:]
        )
    with open(out / "text_germeval.txt", "w", encoding="utf-8") as fh:
        fh.writelines(" ".join(toks) + "\n" for toks, _ in train)
    if args.extras:
        convert_extras(nlp, args.shared, out)


if __name__ == "__main__":
    main()
