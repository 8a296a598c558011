"""Convert the NER corpora into spaCy DocBins under training/corpus/ (German) or
training/corpus/en/ (English, ``--lang en``).

    python -m training.convert [--lang de|en] [--shared DIR] [--heldout 1000] [--extras] [--drop-minor]
                               [--uner-repeat 2] [--output DIR]

Writes
  train.spacy         GermEval 2014 train minus the held-out tail; *deriv/*part keep labels
                      of their own (LOCderiv "deutsche"), which are never scored or shown
  heldout.spacy       last N train sentences (checkpoint selection during training), same labels
  heldout.conll       the same sentences as token/tag CoNLL, *deriv/*part -> O (training.rule_layer)
  germeval_dev.spacy  GermEval 2014 dev (outer layer) -- only used for final evaluation
  extra_*.spacy       optional extra corpora (--extras: MobIE train, LER dev)
  text_germeval.txt   whitespace-joined train tokens (input for the floret vectors)

English (``--lang en``) writes to training/corpus/en/
  train.spacy         WikiANN-en train + val sentences with at least ``--min-context`` lowercase words
                      outside names (silver, PER/LOC/ORG) + 3 of every 4 UNER English-EWT dev documents,
                      repeated ``--uner-repeat`` times (gold, and the test set's domain)
  heldout.spacy       every 4th UNER-EWT dev document (checkpoint selection during training)
  text_en.txt         the running text of all WikiANN train+val sentences (unfiltered) and the UNER
                      training part, once (input for the floret vectors)
UNER-EWT test is never written here: it is the final test set (training.evaluate --lang en).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from .common import (
    CORPUS_DIR,
    bio_to_spans,
    germeval_dev_path,
    germeval_train_path,
    normalise_tag,
    read_conll,
    read_documents,
    sentences_to_docs,
    shared_data_dir,
    uner_en_path,
    wikiann_en_path,
)

HELDOUT_EVERY = 4  # every 4th UNER-EWT dev document is held out (all genres, no document split)


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


def context_words(sentence) -> int:
    """Lowercase words outside any name: 0 for WikiANN's bare title fragments."""
    return sum(
        tag == "O" and token.isalpha() and token.islower() for token, tag in zip(*sentence, strict=True)
    )


def strip_titles(sentence):
    """WikiANN often puts a title into a person's name and tags "President Bush" ORG; UNER and
    Randnotiz leave the title out ("President [Bush PER]"). Same rule as the reader's
    tui.analysis.rules.title_length."""
    from tui.analysis.rules import title_length

    tokens, tags = sentence
    tags = list(tags)
    for start, end, label in bio_to_spans(tags):
        titled = title_length(tokens[start:end]) if label in ("PER", "ORG") else 0
        if titled:
            tags[start:end] = ["O"] * titled + ["B-PER"] + ["I-PER"] * (end - start - titled - 1)
    return tokens, tags


def convert_english(shared, out, uner_repeat: int, min_context: int, titles: bool) -> None:
    nlp = spacy.blank("en")
    # Most WikiANN "sentences" are bare titles, all one name ("List of years in Brazil" as ORG,
    # "Flatnose xenocongrid eel" as LOC): they teach "capitalised = name", which web and news
    # text contradicts. Only fragments with some running text around the names are kept.
    wikiann_all = [s for split in ("train", "val") for s in read_conll(wikiann_en_path(split, shared))]
    wikiann = [strip_titles(s) if titles else s for s in wikiann_all if context_words(s) >= min_context]
    documents = read_documents(uner_en_path("dev", shared))
    uner_train = [s for i, doc in enumerate(documents) if i % HELDOUT_EVERY != HELDOUT_EVERY - 1 for s in doc]
    uner_heldout = [
        s for i, doc in enumerate(documents) if i % HELDOUT_EVERY == HELDOUT_EVERY - 1 for s in doc
    ]
    print(
        f"WikiANN-en train+val: {len(wikiann)} sentences with >= {min_context} context words; UNER-EWT dev: {len(uner_train)} train "
        f"(x{uner_repeat}) / {len(uner_heldout)} held-out sentences"
    )
    _write(sentences_to_docs(nlp.vocab, wikiann + uner_train * uner_repeat), out / "train.spacy")
    _write(sentences_to_docs(nlp.vocab, uner_heldout), out / "heldout.spacy")
    with open(out / "text_en.txt", "w", encoding="utf-8") as fh:
        # All of WikiANN: the vectors need every word of running text there is, titles too.
        fh.writelines(" ".join(toks) + "\n" for toks, _ in wikiann_all + uner_train)


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
    p.add_argument("--lang", default="de", choices=["de", "en"])
    p.add_argument("--uner-repeat", type=int, default=3, help="English: copies of the UNER-EWT training part")
    p.add_argument(
        "--min-context", type=int, default=2, help="English: lowercase words a WikiANN sentence needs"
    )
    p.add_argument(
        "--strip-titles",
        action="store_true",
        help="English: cut titles off WikiANN's names ('President Bush' ORG -> 'Bush' PER); not in the "
        "shipped run (r4/r5 tried it); the reader's rule layer cuts them off model entities anyway",
    )
    p.add_argument("--output", help="default training/corpus (de), training/corpus/en (en)")
    args = p.parse_args(argv)

    out = Path(args.output or (CORPUS_DIR / "en" if args.lang == "en" else CORPUS_DIR))
    out.mkdir(parents=True, exist_ok=True)
    if args.lang == "en":
        convert_english(args.shared, out, args.uner_repeat, args.min_context, args.strip_titles)
        return
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
