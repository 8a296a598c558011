"""Score quote and reported-speech detection and speaker attribution on SpkAtt-2023.

    python -m training.evaluate_quotes [--shared DIR] [--model NAME] [--no-cache] [--json] [--errors N]

Reads ``spkatt2023-news/train.jsonl`` under the shared data folder (CC BY-NC-SA:
read for evaluation only, never copied into the repository). Scored as issue 9
specifies, so the figures compare across branches:

* each document's tokens are rejoined as natural text: sentences joined by one
  space, no space after an opening or before a closing quotation mark, none
  before ``,.;:!?)``;
* the quotes come from the same functions :func:`tui.analysis.analyze` calls,
  over entities and sentences of the same pipeline (its docs are cached as a
  DocBin in the temporary folder, so a rerun only repeats the quote logic);
* a prediction matches a gold annotation when their token sets, quotation-mark
  tokens left out on both sides, have a Jaccard index >= 0.5; pairs are assigned
  best first, same kind before other kind;
* direct = Form ``Direct``; indirect = ``Indirect``, ``IndirectFreeIndirect``,
  ``FreeIndirect``; ``Reported`` is neutral (a prediction matched to it counts
  neither way, and it is never missed). Nested annotations count like the others;
* speaker accuracy is over matched pairs whose gold annotation has a Source: right
  when the predicted speaker span overlaps a gold Source token or has its text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .common import shared_data_dir

QUOTE_MARKS = frozenset({"„", "“", "”", '"', "''", "``", "«", "»", "‚", "‘", "’", "'", "‹", "›", "<<", ">>"})
# Marks that only ever open (German low marks); the others open when no quote is open.
ALWAYS_OPENING = frozenset({"„", "‚", "``"})
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")"})
KINDS = {
    "Direct": "direct",
    "Indirect": "indirect",
    "IndirectFreeIndirect": "indirect",
    "FreeIndirect": "indirect",
    "Reported": "reported",
}
SCORED = ("direct", "indirect")
MIN_JACCARD = 0.5

TokenId = tuple[int, int]  # (sentence id, token id)


@dataclass
class Document:
    name: str
    text: str
    # Character range of every token in ``text``.
    offsets: dict[TokenId, tuple[int, int]]
    quote_tokens: frozenset[TokenId]
    gold: list[GoldAnnotation] = field(default_factory=list)


@dataclass(frozen=True)
class GoldAnnotation:
    kind: str
    form: str
    tokens: frozenset[TokenId]
    source: frozenset[TokenId]
    source_text: str


@dataclass(frozen=True)
class Prediction:
    kind: str
    tokens: frozenset[TokenId]
    speaker: tuple[int, int, str] | None
    text: str


def corpus_path(shared: str | None) -> Path:
    return shared_data_dir(shared) / "spkatt2023-news" / "train.jsonl"


def rejoin(sentences: Sequence[dict[str, Any]]) -> tuple[str, dict[TokenId, tuple[int, int]], set[TokenId]]:
    """The natural text of a tokenised document and each token's characters."""
    parts: list[str] = []
    offsets: dict[TokenId, tuple[int, int]] = {}
    quote_tokens: set[TokenId] = set()
    length = 0
    open_quotes = 0
    glue_next = True  # no space before the very first token
    for sentence in sentences:
        for index, raw in enumerate(sentence["Tokens"]):
            token = unicodedata.normalize("NFC", raw)
            token_id = (sentence["SentenceId"], index)
            opening = closing = False
            if token in QUOTE_MARKS:
                quote_tokens.add(token_id)
                if token in ALWAYS_OPENING or open_quotes == 0:
                    opening, open_quotes = True, open_quotes + 1
                else:
                    closing, open_quotes = True, open_quotes - 1
            if not glue_next and not closing and token not in NO_SPACE_BEFORE:
                parts.append(" ")
                length += 1
            offsets[token_id] = (length, length + len(token))
            parts.append(token)
            length += len(token)
            glue_next = opening
    return "".join(parts), offsets, quote_tokens


def read_corpus(path: Path) -> list[Document]:
    documents = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text, offsets, quote_tokens = rejoin(record["Sentences"])
            document = Document(record["file"], text, offsets, frozenset(quote_tokens))
            for annotation in record.get("Annotations", []):
                tokens = frozenset(_token_ids(annotation["Message"])) - document.quote_tokens
                if not tokens:
                    continue
                source = frozenset(_token_ids(annotation["Source"]))
                document.gold.append(
                    GoldAnnotation(
                        KINDS[annotation["Form"]],
                        annotation["Form"],
                        tokens,
                        source,
                        _span_text(document, source),
                    )
                )
            documents.append(document)
    return documents


def _token_ids(references: Iterable[str]) -> Iterator[TokenId]:
    for reference in references:
        sentence, token = reference.split(":")
        yield int(sentence), int(token)


def _span_text(document: Document, tokens: frozenset[TokenId]) -> str:
    if not tokens:
        return ""
    ordered = sorted(tokens)
    return " ".join(document.text[slice(*document.offsets[token])] for token in ordered)


# --------------------------------------------------------------------------- analysis


def analysed(documents: Sequence[Document], model: str | None, use_cache: bool) -> list[tuple[Any, Any]]:
    """(quotes, sources) per document, from cached spaCy docs."""
    from spacy.tokens import DocBin

    from tui.analysis.chunks import CHUNK_CHARS
    from tui.analysis.entities import entities_from_doc, with_aliases
    from tui.analysis.model import Span
    from tui.analysis.pipeline import default_model, get_pipeline, model_label
    from tui.analysis.quotes import find_quotes, find_sources

    model = model or default_model("de")
    nlp = get_pipeline("de", model)
    texts = [document.text for document in documents]
    if max(map(len, texts)) > CHUNK_CHARS:
        raise SystemExit("a document is longer than one analysis chunk: cache the chunks instead")
    key = hashlib.sha1("\0".join([model_label(model), str(nlp.meta.get("version")), *texts]).encode())
    cache = Path(tempfile.gettempdir()) / f"randnotiz-spkatt-{key.hexdigest()[:16]}.spacy"
    if use_cache and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        print(f"running the pipeline over {len(texts)} documents (cached in {cache})", file=sys.stderr)
        docs = list(nlp.pipe(texts, batch_size=16))
        DocBin(docs=docs, store_user_data=False).to_disk(cache)
    results = []
    for text, doc in zip(texts, docs, strict=True):
        entities = with_aliases(text, entities_from_doc(doc))
        sentences = [Span(s.start_char, s.end_char, s.text) for s in doc.sents if s.text.strip()]
        results.append((find_quotes(text, "de", sentences, entities), find_sources(text, "de", entities)))
    return results


def predictions(document: Document, quotes: Iterable[Any]) -> list[Prediction]:
    starts = sorted((start, end, token) for token, (start, end) in document.offsets.items())
    found = []
    for quote in quotes:
        if quote.kind not in SCORED:
            continue
        tokens = frozenset(
            token
            for start, end, token in starts
            if start < quote.end and end > quote.start and token not in document.quote_tokens
        )
        speaker = (quote.speaker.start, quote.speaker.end, quote.speaker.text) if quote.speaker else None
        found.append(Prediction(quote.kind, tokens, speaker, quote.text))
    return found


# --------------------------------------------------------------------------- scoring


@dataclass
class Score:
    true_positives: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    speaker_right: int = 0
    speaker_total: int = 0
    errors: list[str] = field(default_factory=list)

    def prf(self, kind: str) -> dict[str, float]:
        tp, predicted, gold = self.true_positives[kind], self.predicted[kind], self.gold[kind]
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"p": precision, "r": recall, "f1": f1, "tp": tp, "predicted": predicted, "gold": gold}

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            **{kind: self.prf(kind) for kind in SCORED},
            "speaker_accuracy": self.speaker_accuracy,
            "speaker_pairs": self.speaker_total,
        }


def jaccard(first: frozenset[TokenId], second: frozenset[TokenId]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def score_document(document: Document, found: Sequence[Prediction], score: Score) -> None:
    pairs = []
    for p_index, prediction in enumerate(found):
        for g_index, annotation in enumerate(document.gold):
            overlap = jaccard(prediction.tokens, annotation.tokens)
            if overlap >= MIN_JACCARD:
                pairs.append((prediction.kind != annotation.kind, -overlap, p_index, g_index))
    pairs.sort()
    matched_prediction: dict[int, int] = {}
    matched_gold: set[int] = set()
    for _, _, p_index, g_index in pairs:
        if p_index in matched_prediction or g_index in matched_gold:
            continue
        matched_prediction[p_index] = g_index
        matched_gold.add(g_index)
    for annotation in document.gold:
        if annotation.kind in SCORED:
            score.gold[annotation.kind] += 1
    for p_index, prediction in enumerate(found):
        matched = matched_prediction.get(p_index)
        gold = document.gold[matched] if matched is not None else None
        if gold is not None and gold.kind == "reported":
            pass  # neutral
        else:
            score.predicted[prediction.kind] += 1
            if gold is not None and gold.kind == prediction.kind:
                score.true_positives[prediction.kind] += 1
            else:
                score.errors.append(f"FP {prediction.kind}: {prediction.text[:160]!r}")
        if gold is not None and gold.source:
            score.speaker_total += 1
            if _speaker_right(document, prediction, gold):
                score.speaker_right += 1
            else:
                said = prediction.speaker[2] if prediction.speaker else None
                score.errors.append(f"SPEAKER {said!r} != {gold.source_text!r}: {prediction.text[:100]!r}")
    found_by_gold = {g: found[p].kind for p, g in matched_prediction.items()}
    for g_index, annotation in enumerate(document.gold):
        if annotation.kind in SCORED and found_by_gold.get(g_index) != annotation.kind:
            message = " ".join(
                document.text[slice(*document.offsets[token])] for token in sorted(annotation.tokens)
            )
            score.errors.append(f"FN {annotation.form}: {message[:160]!r} ({annotation.source_text!r})")


def _speaker_right(document: Document, prediction: Prediction, gold: GoldAnnotation) -> bool:
    if prediction.speaker is None:
        return False
    start, end, text = prediction.speaker
    if text == gold.source_text:
        return True
    return any(
        document.offsets[token][0] < end and document.offsets[token][1] > start for token in gold.source
    )


def evaluate(documents: Sequence[Document], results: Sequence[tuple[Any, Any]]) -> Score:
    score = Score()
    for document, (quotes, _) in zip(documents, results, strict=True):
        score_document(document, predictions(document, quotes), score)
    return score


def report(score: Score) -> str:
    lines = ["kind      P      R      F1     (tp / predicted / gold)"]
    for kind in SCORED:
        m = score.prf(kind)
        lines.append(
            f"{kind:<9} {m['p']:.3f}  {m['r']:.3f}  {m['f1']:.3f}  "
            f"({m['tp']} / {m['predicted']} / {m['gold']})"
        )
    lines.append(
        f"speaker accuracy {score.speaker_accuracy:.3f} ({score.speaker_right} / {score.speaker_total})"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--model", help="spaCy pipeline (default: the bundled German model)")
    parser.add_argument("--no-cache", action="store_true", help="run the pipeline again")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N errors (to stderr)")
    args = parser.parse_args(argv)
    path = corpus_path(args.shared)
    if not path.exists():
        parser.error(f"{path} not found (set --shared or $RANDNOTIZ_SHARED)")
    documents = read_corpus(path)
    score = evaluate(documents, analysed(documents, args.model, not args.no_cache))
    print(json.dumps(score.to_json(), indent=2) if args.json else report(score))
    for error in score.errors[: args.errors]:
        print(error, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
