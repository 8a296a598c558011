"""Retrain the bundled German NER model from scratch and package it.

    python -m training.train [--shared DIR] [--no-vectors] [--max-steps N] [--output DIR]

Steps: convert (training.convert) -> floret vectors (training.vectors) -> spacy train
training/config.cfg -> package model-best into tui/models/de_randnotiz (pruned strings,
no training paths, provenance-filled meta.json incl. GermEval dev scores).
Existing corpus/vector outputs are reused; pass --force to rebuild them.

    python -m training.train --package-only --run training/output/<run>   # package an existing run
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from spacy.pipeline import EntityRecognizer

import tui.analysis.word_classes  # noqa: F401  (the model's feature component, for spacy.load)

from .common import CORPUS_DIR, DEFAULT_MODEL, OUTPUT_DIR, REPO_ROOT, TRAINING_DIR, VECTORS_DIR
from .features import TABLES_PATH

VERSION = "1.0.0"
VECTORS_INFO = {
    "type": "floret (mode floret), trained by training/vectors.py",
    "training_text": "Bundestag plenary protocols WP19+WP20 (~26M tokens, public domain) + GermEval 2014 "
    "train tokens (CC BY 4.0); GermEval dev excluded",
    "params": {
        "model": "skipgram",
        "dim": 100,
        "bucket": 100000,
        "minn": 4,
        "maxn": 5,
        "hashCount": 2,
        "epoch": 5,
        "minCount": 5,
        "neg": 10,
    },
}
VECTORS_NAME = "de_floret"

DERIV_PART_DECISION = (
    "GermEval *deriv and *part tags (e.g. LOCderiv 'deutsche', ORGpart 'EU-Kommission', "
    "PERpart 'Merkel-Regierung') are adjectives/compounds, not names: they are O in evaluation "
    "and never shown to readers. In training they are labels of their own (LOCderiv, ORGpart, ...), "
    "so the model need not learn 'deutsche' as O next to 'Deutschland' as LOC; Randnotiz drops "
    "them. OTH is renamed MISC. Only the outer GermEval layer is used."
)

SOURCES = [
    {
        "name": "GermEval 2014 NER (NoSta-D), train split (outer layer, BIOES conversion from "
        "github.com/pascalhuszar/NER-benchmark) and dev split (original TSV)",
        "url": "https://sites.google.com/site/germeval2014ner/",
        "license": "CC BY 4.0",
        "author": "D. Benikova, C. Biemann, M. Reznicek: NoSta-D Named Entity Annotation for German: "
        "Guidelines and Dataset. LREC 2014",
        "use": "NER training (train split minus the last 1,000 sentences, which were held out for "
        "checkpoint selection); dev split for the reported scores only",
    },
    {
        "name": "Bundestag plenary protocols, 19th and 20th Wahlperiode (2017-2025), via "
        "github.com/mathias-goebel/plenarsitzungsprotokolle",
        "url": "https://www.bundestag.de/protokolle",
        "license": "Public domain (amtliches Werk, Section 5 UrhG); no explicit licence file in the source repo",
        "author": "Deutscher Bundestag",
        "use": "unlabelled text (~26M tokens) for the floret static vectors",
    },
    {
        "name": "GermaNER word classes and name lists (clark_clusters.tsv: 395 Clark classes over "
        "257,809 word types of German news; first_names.tsv, surnames.txt, locations.tsv)",
        "url": "https://github.com/tudarmstadt-lt/GermaNER",
        "license": "Apache 2.0",
        "author": "D. Benikova, S. M. Yimam, P. Santhanam, C. Biemann: GermaNER: Free Open German Named "
        "Entity Recognition Tool. GSCL 2015",
        "use": "token features (word class, name-list membership), shipped in word_features/tables.json.gz",
    },
    {
        "name": "Unicode CLDR territory and time-zone city names (German), via Babel",
        "url": "https://cldr.unicode.org/",
        "license": "Unicode License v3",
        "author": "Unicode, Inc.",
        "use": "place-name feature (shipped in word_features/tables.json.gz)",
    },
]


def run(cmd, **kw):
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run(list(map(str, cmd)), check=True, cwd=REPO_ROOT, **kw)


def _prune_strings(model_dir: Path):
    """Ship only the strings the pipeline needs (labels etc.); the training-data
    lexeme strings are re-added at runtime from the text anyway."""
    import spacy

    nlp = spacy.load(model_dir)
    keep = set()
    for _name, proc in nlp.pipeline:
        for lab in getattr(proc, "labels", ()):
            keep.add(lab)
    # transition names of the NER moves, e.g. "B-PER"
    ner = cast("EntityRecognizer", nlp.get_pipe("ner"))
    for i in range(ner.moves.n_moves):
        keep.add(ner.moves.get_class_name(i))
    strings_path = model_dir / "vocab" / "strings.json"
    old = json.loads(strings_path.read_text(encoding="utf-8"))
    new = [s for s in old if s in keep]
    strings_path.write_text(json.dumps(new, ensure_ascii=False), encoding="utf-8")
    print(f"strings.json: {len(old)} -> {len(new)} strings")


def _clean_config(model_dir: Path):
    from spacy.util import load_config

    cfg = load_config(model_dir / "config.cfg", interpolate=False)
    for key in list(cfg["paths"].keys()):
        cfg["paths"][key] = None
    cfg.to_disk(model_dir / "config.cfg")


def _halve_vectors(model_dir: Path):
    """Store the vector table as float16 (tui.analysis.half_vectors widens it on load):
    half the package size; the packaged model is what gets evaluated below."""
    import numpy
    from spacy.util import load_config

    table = model_dir / "vocab" / "vectors"
    if not table.exists():
        return
    data = numpy.load(table)
    with open(table, "wb") as fh:
        numpy.save(fh, data.astype(numpy.float16))
    cfg = load_config(model_dir / "config.cfg", interpolate=False)
    cfg["nlp"]["vectors"] = {"@vectors": "randnotiz.HalfVectors.v1"}
    cfg.to_disk(model_dir / "config.cfg")


def _config_summary(model_dir: Path) -> dict:
    from spacy.util import load_config

    cfg = load_config(model_dir / "config.cfg", interpolate=True)
    t2v = cfg["components"]["tok2vec"]["model"]
    tr = cfg["training"]
    return {
        "pipeline": cfg["nlp"]["pipeline"],
        "embed": {
            k: t2v["embed"][k]
            for k in ("attrs", "rows", "feature_rows", "include_static_vectors")
            if k in t2v["embed"]
        },
        "encode": {k: t2v["encode"][k] for k in ("width", "depth", "window_size", "maxout_pieces")},
        "ner_hidden_width": cfg["components"]["ner"]["model"]["hidden_width"],
        "dropout": tr["dropout"],
        "max_steps": tr["max_steps"],
        "patience": tr["patience"],
        "learn_rate": tr["optimizer"]["learn_rate"],
    }


def package(
    run_dir: Path, dest: Path = DEFAULT_MODEL, shared=None, train_seconds=None, vectors_info=None
) -> dict:
    import spacy

    from .common import germeval_dev_path, read_conll, sentences_to_docs
    from .evaluate import evaluate, raw_text_speed

    src = Path(run_dir) / "model-best"
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest)
    _clean_config(dest)
    _prune_strings(dest)
    _halve_vectors(dest)

    t0 = time.perf_counter()
    nlp = spacy.load(dest)
    load_s = time.perf_counter() - t0
    docs = list(sentences_to_docs(nlp.vocab, read_conll(germeval_dev_path(shared))))
    res = evaluate(nlp, docs)
    raw_tps = raw_text_speed(nlp, [d.text for d in docs])
    size = sum(f.stat().st_size for f in dest.rglob("*") if f.is_file())

    meta = json.loads((dest / "meta.json").read_text())
    vec = meta.get("vectors", {})
    meta.update(
        {
            "lang": "de",
            "name": "randnotiz",
            "version": VERSION,
            "description": (
                "Randnotiz bundled German NER (PER, LOC, ORG, MISC): spaCy CNN tok2vec + "
                "transition-based NER"
                + (" with floret static vectors" if vec.get("vectors") else "")
                + (", Clark word classes and name lists" if "word_features" in nlp.pipe_names else "")
                + ", trained on GermEval 2014. Offline, CPU."
            ),
            "author": "Randnotiz project",
            "license": "CC BY 4.0 (derived from GermEval 2014, CC BY 4.0)",
            "sources": SOURCES if vec.get("vectors") else SOURCES[:1],
            "labels": {"ner": sorted(cast("EntityRecognizer", nlp.get_pipe("ner")).labels)},
            "performance": {
                "ents_p": res["micro"]["p"],
                "ents_r": res["micro"]["r"],
                "ents_f": res["micro"]["f"],
                "ents_per_type": {
                    label: {"p": s["p"], "r": s["r"], "f": s["f"]} for label, s in res["per_label"].items()
                },
            },
            "randnotiz": {
                "evaluation": "GermEval 2014 dev (NER-de-dev.tsv, 2,200 sentences, outer layer), strict span "
                "match; not used for training or checkpoint selection (python -m training.evaluate)",
                "deriv_part_decision": DERIV_PART_DECISION,
                "config": _config_summary(dest),
                "vectors": dict(vec, **(vectors_info or VECTORS_INFO)) if vec.get("vectors") else None,
                "train_run": os.path.relpath(Path(run_dir).resolve(), REPO_ROOT),
                "train_seconds": train_seconds,
                "size_bytes": size,
                "load_seconds": round(load_s, 3),
                "tokens_per_s_pretokenised": round(res["tokens_per_s"]),
                "tokens_per_s_raw_text": round(raw_tps),
                "retrain_command": "python -m training.train",
            },
        }
    )
    (dest / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    from .evaluate import format_report

    res["raw_tokens_per_s"] = raw_tps
    print(format_report(res, f"== packaged {dest} ({size / 1e6:.1f} MB, load {load_s:.2f}s)"))
    return res


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared")
    p.add_argument("--force", action="store_true", help="rebuild corpus and vectors")
    p.add_argument("--no-vectors", action="store_true")
    p.add_argument("--config", default=str(TRAINING_DIR / "config.cfg"))
    p.add_argument("--output", default=str(OUTPUT_DIR / "final"))
    p.add_argument("--max-steps", type=int, help="override [training] max_steps")
    p.add_argument("--package-only", action="store_true")
    p.add_argument("--run", help="run dir to package (with --package-only)")
    p.add_argument("--dest", default=str(DEFAULT_MODEL))
    p.add_argument("--train-seconds", type=int, help="recorded in meta.json (with --package-only)")
    args = p.parse_args(argv)
    shared = ["--shared", args.shared] if args.shared else []

    if args.package_only:
        package(
            Path(args.run or args.output).resolve(),
            Path(args.dest),
            args.shared,
            train_seconds=args.train_seconds,
        )
        return

    if args.force or not (CORPUS_DIR / "train.spacy").exists():
        run([sys.executable, "-m", "training.convert", *shared])
    if args.force or not TABLES_PATH.exists():
        run([sys.executable, "-m", "training.features", *shared])
    vec_dir = VECTORS_DIR / VECTORS_NAME
    if not args.no_vectors and (args.force or not vec_dir.exists()):
        run([sys.executable, "-m", "training.vectors", *shared])

    overrides = []
    if args.no_vectors:
        overrides += [
            "--paths.vectors",
            "null",
            "--components.tok2vec.model.embed.include_static_vectors",
            "false",
        ]
    else:
        overrides += ["--paths.vectors", str(vec_dir.relative_to(REPO_ROOT))]
    if args.max_steps:
        overrides += ["--training.max_steps", str(args.max_steps)]
    env = dict(os.environ, OMP_NUM_THREADS="1")
    t0 = time.time()
    code = ["--code", str(TRAINING_DIR / "spacy_code.py")]
    run(
        [sys.executable, "-m", "spacy", "train", args.config, "--output", args.output, *code, *overrides],
        env=env,
    )
    train_s = round(time.time() - t0)
    package(Path(args.output).resolve(), Path(args.dest), args.shared, train_seconds=train_s)


if __name__ == "__main__":
    main()
