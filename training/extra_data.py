"""Extra German NER training data without a MISC layer: WikiANN-de and SmartData v1.

    python -m training.extra_data [--shared DIR] [--model tui/models/de_randnotiz] [--output DIR]

Both corpora tag PER/LOC/ORG only; works, events, products and nationalities are left
untagged, so reading their untagged words as ``O`` would teach the model that such names
are not names. Each source is written in two honest variants (DocBins in training/corpus/):

  <source>_missing.spacy  untagged capitalised tokens are *missing* (spaCy ``-``): no loss
  <source>_pretag.spacy   MISC (and *deriv/*part) predicted by the current model fill the
                          gap; the model's PER/LOC/ORG that the corpus does not have are
                          missing, the rest is ``O``

In both, a leading article is stripped from a name ("Die Zeit" -> "Zeit", as GermEval
annotates), and names are mapped with common.LABEL_MAP (SmartData's person/location*/
organization* types). WikiANN: train split only (20,000 fragments), without ``**`` list
fragments and "WEITERLEITUNG" (redirect) lines. SmartData: v1 train (1,244 documents),
split into sentences by spaCy's sentencizer.
"""

from __future__ import annotations

import argparse
import gzip
import json
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example, offsets_to_biluo_tags

from .common import CORPUS_DIR, DEFAULT_MODEL, LABELS, shared_data_dir

ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})
# A sentence, its gold PER/LOC/ORG spans as (start token, end token, label) and the
# tokens of mentions that do not align with the tokens (unknown, not O).
Sentence = tuple[list[str], list[tuple[int, int, str]], set[int]]


def strip_article(words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    return [
        (start + 1, end, label)
        if end - start > 1 and words[start].lower() in ARTICLES
        else (start, end, label)
        for start, end, label in spans
    ]


def read_wikiann(path: Path) -> Iterator[Sentence]:
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in [*fh, "\n"]:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3:
                words.append(cols[1])
                tags.append(cols[2])
                continue
            if words and "**" not in words and "WEITERLEITUNG" not in words:
                spans: list[tuple[int, int, str]] = []
                for i, tag in enumerate(tags):
                    if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][1] != i)):
                        spans.append((i, i + 1, tag[2:]))
                    elif tag.startswith("I-"):
                        spans[-1] = (spans[-1][0], i + 1, spans[-1][2])
                yield words, strip_article(words, spans), set()
            words, tags = [], []


SMARTDATA_LABELS = {"person": "PER", "organization": "ORG", "organization-company": "ORG"}


def read_smartdata(path: Path, nlp: Language) -> Iterator[Sentence]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw = fh.read()
    decoder = json.JSONDecoder()
    position = 0
    while True:
        while position < len(raw) and raw[position].isspace():
            position += 1
        if position >= len(raw):
            return
        document, position = decoder.raw_decode(raw, position)
        doc = nlp(document["text"]["string"])
        offsets = []
        for mention in document["conceptMentions"]["array"]:
            kind = mention["type"]
            label = "LOC" if kind.startswith("location") else SMARTDATA_LABELS.get(kind)
            if label:
                offsets.append((mention["span"]["start"], mention["span"]["end"], label))
        # Overlapping mentions: keep the longer one.
        kept: list[tuple[int, int, str]] = []
        for start, end, label in sorted(offsets, key=lambda item: (item[0], -item[1])):
            if not kept or start >= kept[-1][1]:
                kept.append((start, end, label))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # misaligned mentions become "-": unknown
            tags = offsets_to_biluo_tags(doc, kept)
        for sentence in doc.sents:
            words: list[str] = []
            spans: list[tuple[int, int, str]] = []
            unknown: set[int] = set()
            for token in sentence:
                if token.is_space:
                    continue
                tag = tags[token.i]
                if tag == "-":
                    unknown.add(len(words))
                if tag.startswith(("B-", "U-")) or (tag.startswith(("I-", "L-")) and not spans):
                    spans.append((len(words), len(words) + 1, tag[2:]))
                elif tag.startswith(("I-", "L-")):
                    spans[-1] = (spans[-1][0], len(words) + 1, spans[-1][2])
                words.append(token.text)
            if len(words) > 2:
                yield words, strip_article(words, spans), unknown


def _tagged_doc(vocab: spacy.vocab.Vocab, words: list[str], tags: list[str]) -> Doc:
    reference = Doc(vocab, words=words)
    return Example.from_dict(reference, {"words": words, "entities": tags}).reference


def _biluo(spans: list[tuple[int, int, str]], tags: list[str]) -> None:
    for start, end, label in spans:
        if end - start == 1:
            tags[start] = f"U-{label}"
        else:
            tags[start] = f"B-{label}"
            tags[start + 1 : end - 1] = [f"I-{label}"] * (end - start - 2)
            tags[end - 1] = f"L-{label}"


def variants(sentences: list[Sentence], model: Language) -> tuple[list[Doc], list[Doc]]:
    """(missing variant, pre-tagged variant) of each sentence."""
    missing_docs, pretag_docs = [], []
    predictions = model.pipe(Doc(model.vocab, words=words) for words, _, _ in sentences)
    for (words, spans, unknown), predicted in zip(sentences, predictions, strict=True):
        gold_tokens = {i for start, end, _ in spans for i in range(start, end)}
        tags = [
            "-" if i in unknown or (word[:1].isupper() and i not in gold_tokens) else "O"
            for i, word in enumerate(words)
        ]
        _biluo(spans, tags)
        missing_docs.append(_tagged_doc(model.vocab, words, tags))

        tags = ["-" if i in unknown else "O" for i in range(len(words))]
        extra = []
        for ent in predicted.ents:
            if gold_tokens.union(unknown).intersection(range(ent.start, ent.end)):
                continue
            if ent.label_ in LABELS and ent.label_ != "MISC":
                tags[ent.start : ent.end] = ["-"] * (ent.end - ent.start)
            else:
                extra.append((ent.start, ent.end, ent.label_))
        _biluo([*spans, *extra], tags)
        pretag_docs.append(_tagged_doc(model.vocab, words, tags))
    return missing_docs, pretag_docs


def _write(docs: list[Doc], path: Path) -> None:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    labels = Counter(ent.label_ for doc in docs for ent in doc.ents)
    n_missing = sum(1 for doc in docs for token in doc if token.ent_iob == 0)
    print(f"  {path.name}: {len(docs)} docs, ents {dict(labels)}, missing tokens {n_missing}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", help="shared data dir (default $RANDNOTIZ_SHARED or ../shared/data)")
    parser.add_argument("--model", default=str(DEFAULT_MODEL), help="model that pre-tags MISC")
    parser.add_argument("--output", default=str(CORPUS_DIR))
    args = parser.parse_args(argv)
    import tui.analysis.word_classes  # noqa: F401  (registers the model's feature component)

    root = shared_data_dir(args.shared)
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    model = spacy.load(args.model)
    splitter = spacy.blank("de")
    splitter.add_pipe("sentencizer")
    sources = {
        "wikiann": list(read_wikiann(root / "wikiann-de" / "train.conllu")),
        "smartdata": list(read_smartdata(root / "smartdata" / "v1_20180119_train.json.gz", splitter)),
    }
    for name, sentences in sources.items():
        missing_docs, pretag_docs = variants(sentences, model)
        _write(missing_docs, out / f"{name}_missing.spacy")
        _write(pretag_docs, out / f"{name}_pretag.spacy")


if __name__ == "__main__":
    main()
