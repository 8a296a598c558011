"""Evaluate an NER pipeline with strict span matching (same start, end and label).

    python -m training.evaluate [--lang de|en] [--model PATH_OR_NAME] [--shared DIR] [--json] [FILES...]

With no FILES the language's final test set is used: for German the GermEval 2014 dev set
(outer layer, *deriv/*part -> O, OTH -> MISC), for English UNER English-EWT test (PER/LOC/ORG).
The default model is the bundled one of the language (tui/models/{lang}_randnotiz).
FILES may be GermEval 4-column TSV or any CoNLL-style token/tag file (BIO or BIOES;
token = first column, tag = last column).  Prints per-label P/R/F1, the micro total
and throughput (tokens/s of nlp.pipe on pre-tokenised docs, and on raw text incl. tokenizer).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence

from .common import LABELS, bundled_model_path, final_test_path, read_conll, sentences_to_docs


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def score_spans(gold: Sequence[Iterable[tuple]], pred: Sequence[Iterable[tuple]]) -> dict:
    """gold/pred: per-document collections of (start, end, label). Strict match."""
    tp: Counter[str] = Counter()
    npred: Counter[str] = Counter()
    ngold: Counter[str] = Counter()
    for gold_spans, pred_spans in zip(gold, pred, strict=True):
        g, p = set(gold_spans), set(pred_spans)
        for s in g:
            ngold[s[2]] += 1
        for s in p:
            npred[s[2]] += 1
            if s in g:
                tp[s[2]] += 1
    labels = sorted(set(ngold) | set(npred))
    per_label = {label: prf(tp[label], npred[label], ngold[label]) for label in labels}
    micro = prf(sum(tp.values()), sum(npred.values()), sum(ngold.values()))
    return {"per_label": per_label, "micro": micro}


def evaluate(nlp, docs, batch_size: int = 256) -> dict:
    """Run ``nlp`` on the words of gold ``docs`` (no re-tokenisation) and score
    the predicted entities against ``doc.ents`` with strict span matching."""
    from spacy.tokens import Doc

    docs = list(docs)
    inputs = [
        Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in docs
    ]
    n_tok = sum(len(d) for d in docs)
    t0 = time.perf_counter()
    preds = list(nlp.pipe(inputs, batch_size=batch_size))
    dt = time.perf_counter() - t0
    # Training-only labels (LOCderiv, ...) are neither names nor scored.
    gold = [[(e.start, e.end, e.label_) for e in d.ents if e.label_ in LABELS] for d in docs]
    pred = [[(e.start, e.end, e.label_) for e in d.ents if e.label_ in LABELS] for d in preds]
    res = score_spans(gold, pred)
    res.update(
        {"n_docs": len(docs), "n_tokens": n_tok, "seconds": dt, "tokens_per_s": n_tok / dt if dt else 0.0}
    )
    return res


def raw_text_speed(nlp, texts: list[str], batch_size: int = 256) -> float:
    """tokens/s of nlp.pipe on raw strings (tokenizer included)."""
    t0 = time.perf_counter()
    n = sum(len(d) for d in nlp.pipe(texts, batch_size=batch_size))
    return n / (time.perf_counter() - t0)


def format_report(res: dict, title: str = "") -> str:
    lines = [title] if title else []
    lines.append(f"{'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}")
    for lab, s in res["per_label"].items():
        lines.append(
            f"{lab:<8}{s['p'] * 100:8.2f}{s['r'] * 100:8.2f}{s['f'] * 100:8.2f}{s['n_gold']:7d}{s['n_pred']:7d}"
        )
    m = res["micro"]
    lines.append(
        f"{'MICRO':<8}{m['p'] * 100:8.2f}{m['r'] * 100:8.2f}{m['f'] * 100:8.2f}{m['n_gold']:7d}{m['n_pred']:7d}"
    )
    lines.append(
        f"{res['n_tokens']} tokens, {res['n_docs']} docs, {res['tokens_per_s']:.0f} tokens/s (pre-tokenised)"
    )
    if "raw_tokens_per_s" in res:
        lines.append(f"raw-text nlp.pipe incl. tokenizer: {res['raw_tokens_per_s']:.0f} tokens/s")
    return "\n".join(lines)


def main(argv=None):
    import spacy

    import tui.analysis.word_classes  # noqa: F401  (the German model's feature component)

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="*")
    p.add_argument("--lang", default="de", choices=["de", "en"])
    p.add_argument("--model", help="default tui/models/{lang}_randnotiz")
    p.add_argument("--shared", help="shared data dir (default $RANDNOTIZ_SHARED or ../shared/data)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = p.parse_args(argv)

    t0 = time.perf_counter()
    model = args.model or str(bundled_model_path(args.lang))
    nlp = spacy.load(model)
    load_s = time.perf_counter() - t0
    files = args.files or [str(final_test_path(args.lang, args.shared))]
    out = {}
    for f in files:
        docs = list(sentences_to_docs(nlp.vocab, read_conll(f)))
        res = evaluate(nlp, docs)
        res["raw_tokens_per_s"] = raw_text_speed(nlp, [d.text for d in docs])
        res["load_seconds"] = load_s
        out[f] = res
        if not args.json:
            print(format_report(res, f"== {f}  (model {model}, loaded in {load_s:.2f}s)"))
            print()
    if args.json:
        print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
