"""Shared helpers: data paths, CoNLL/GermEval readers and tag normalisation.

Label scheme of the shipped model: PER, LOC, ORG, MISC.
  * GermEval ``OTH`` -> ``MISC``.
  * GermEval ``*deriv`` / ``*part`` (e.g. LOCderiv "deutsche", ORGpart "EU-Kommission")
    -> ``O`` in training AND evaluation.  A news reader must not highlight
    "deutsche" as a place; the derived/partial forms are not names.
Only the OUTER GermEval layer is used (the 2-column train file only has that one).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TRAINING_DIR = REPO_ROOT / "training"
CORPUS_DIR = TRAINING_DIR / "corpus"
VECTORS_DIR = TRAINING_DIR / "vectors"
OUTPUT_DIR = TRAINING_DIR / "output"
DEFAULT_MODEL = REPO_ROOT / "tui" / "models" / "de_randnotiz"
LABELS = ("PER", "LOC", "ORG", "MISC")

Sentence = tuple[list[str], list[str]]  # (tokens, BIO tags with normalised labels)


def shared_data_dir(override: str | None = None) -> Path:
    """Data root: CLI override > $RANDNOTIZ_SHARED > ../shared/data relative to the repo."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get("RANDNOTIZ_SHARED")
    if env:
        return Path(env).expanduser().resolve()
    return (REPO_ROOT.parent / "shared" / "data").resolve()


def germeval_dev_path(shared: str | None = None) -> Path:
    return shared_data_dir(shared) / "germeval2014" / "NER-de-dev.tsv"


def germeval_train_path(shared: str | None = None) -> Path:
    return shared_data_dir(shared) / "germeval2014" / "train_bioes.train"


def wikiann_en_path(split: str, shared: str | None = None) -> Path:
    """WikiANN English, ``split`` = train / val (test is never used)."""
    return shared_data_dir(shared) / "wikiann-en" / f"{split}.conllu"


def uner_en_path(split: str, shared: str | None = None) -> Path:
    """UNER English-EWT, ``split`` = dev (training material) / test (final evaluation only)."""
    return shared_data_dir(shared) / "uner-en-ewt" / f"en_ewt-ud-{split}.iob2"


def final_test_path(lang: str, shared: str | None = None) -> Path:
    """The set a language's shipped model is reported on, never trained or tuned on."""
    return germeval_dev_path(shared) if lang == "de" else uner_en_path("test", shared)


def bundled_model_path(lang: str) -> Path:
    return REPO_ROOT / "tui" / "models" / f"{lang}_randnotiz"


# --------------------------------------------------------------------------- tags

# fine-grained labels of other corpora -> our 4 labels (None = drop to O)
LABEL_MAP = {
    "PER": "PER",
    "PERSON": "PER",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "GPE": "LOC",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "OTH": "MISC",
    "MISC": "MISC",
    # LER (German legal entity recognition, fine labels)
    "PER_LER": "PER",
    "RR": "PER",
    "AN": "PER",  # person, judge, lawyer
    "LD": "LOC",
    "ST": "LOC",
    "STR": "LOC",
    "LDS": "LOC",  # country, city, street, landscape
    "ORG_LER": "ORG",
    "UN": "ORG",
    "INN": "ORG",
    "GRT": "ORG",
    "MRK": "MISC",  # company, institution, court, brand
    # MobIE (traffic/mobility news + tweets)
    "LOCATION-CITY": "LOC",
    "LOCATION-STREET": "LOC",
    "LOCATION-STOP": "LOC",
    "ORGANIZATION-COMPANY": "ORG",
    "GS": None,
    "VO": None,
    "EUN": None,
    "VS": None,
    "VT": None,
    "RS": None,
    "LIT": None,
}


def normalise_label(label: str, keep_minor: bool = False) -> str | None:
    """Our label for a corpus label, or None for O.  ``keep_minor`` keeps GermEval's
    *deriv / *part as labels of their own ("LOCderiv"), for training only: the model
    then no longer has to learn "deutsche" as O next to "Deutschland" as LOC.
    They are never scored and never shown (see ``LABELS``)."""
    up = label.upper()
    for suffix in ("DERIV", "PART"):
        if up.endswith(suffix):
            base = LABEL_MAP.get(up[: -len(suffix)])
            return base + suffix.lower() if keep_minor and base else None
    return LABEL_MAP.get(up)


def normalise_tag(tag: str, keep_minor: bool = False) -> str:
    """Any of O, B-X, I-X, E-X, S-X, L-X, U-X  ->  O / B-Y / I-Y (BIO, normalised label)."""
    tag = tag.strip()
    if not tag or tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    norm = normalise_label(label, keep_minor)
    if norm is None:
        return "O"
    prefix = prefix.upper()
    if prefix in ("B", "S", "U"):
        return "B-" + norm
    return "I-" + norm  # I, E, L


def bio_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags -> [(start, end_exclusive, label)]. An I- that does not continue
    a span of the same label starts a new span (conlleval-style leniency)."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label):
            if start is not None:
                spans.append((start, i, label))
                start, label = None, ""
            if tag != "O":
                start, label = i, tag[2:]
    return spans


# --------------------------------------------------------------------------- readers


def read_conll(path: os.PathLike | str, keep_minor: bool = False) -> Iterator[Sentence]:
    """Read a CoNLL-style file.  Detects:
      * a running token index in column 1 (GermEval 2014 TSV ``idx token outer inner``,
        UNER ``idx token tag - annotator``, WikiANN ``idx token tag``)
        -> token = column 2, tag = column 3 (GermEval's outer layer);
      * 2-column (or n-column) BIO/BIOES: token = first column, tag = last column.
    ``-DOCSTART-`` lines and ``#`` comment lines are skipped."""
    with open(path, encoding="utf-8") as fh:
        yield from _parse(fh, keep_minor)


def _parse(lines: Iterable[str], keep_minor: bool = False) -> Iterator[Sentence]:
    tokens: list[str] = []
    tags: list[str] = []
    germeval: bool | None = None
    for raw in lines:
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip():
            if tokens:
                yield tokens, tags
            tokens, tags = [], []
            continue
        if line.startswith(("#\t", "# ", "-DOCSTART-")):
            if line.startswith("#\t"):
                germeval = True
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        if germeval is None:
            # WikiANN counts from 0, GermEval and UNER from 1
            germeval = len(cols) >= 3 and cols[0] in ("0", "1")
        if germeval and len(cols) >= 3 and cols[0].isdigit():
            tok, tag = cols[1], cols[2]
        elif len(cols) >= 2:
            tok, tag = cols[0], cols[-1]
        else:
            continue
        tokens.append(tok)
        tags.append(normalise_tag(tag, keep_minor))
    if tokens:
        yield tokens, tags


def read_documents(path: os.PathLike | str) -> list[list[Sentence]]:
    """A UNER / CoNLL-U style file as documents (split at ``# newdoc`` comments) of sentences."""
    text = Path(path).read_text(encoding="utf-8")
    parts = re.split(r"^# newdoc.*$", text, flags=re.MULTILINE)
    return [doc for doc in (list(_parse(part.splitlines())) for part in parts) if doc]


def sentences_to_docs(vocab, sentences: Iterable[Sentence]):
    """Tokenization-free Doc construction: words + spaces from the corpus tokens."""
    from spacy.tokens import Doc, Span

    for tokens, tags in sentences:
        words = [t.replace(" ", "\u00a0") if t.strip() else "_" for t in tokens]
        spaces = [True] * len(words)
        spaces[-1] = False
        doc = Doc(vocab, words=words, spaces=spaces)
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in bio_to_spans(tags)]
        yield doc
