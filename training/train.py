"""Retrain a bundled NER model (German by default, ``--lang en`` for English) and package it.

    python -m training.train [--lang de|en] [--shared DIR] [--no-vectors] [--max-steps N] [--output DIR]

Steps: convert (training.convert) -> floret vectors (training.vectors) -> spacy train
training/config.cfg (English: with the overrides in LANGUAGES) -> package model-best into
tui/models/{lang}_randnotiz (pruned strings, no training paths, provenance-filled meta.json incl.
the scores on the language's final test set: GermEval 2014 dev / UNER English-EWT test).
Existing corpus/vector outputs are reused; pass --force to rebuild them.

    python -m training.train [--lang en] --package-only --run training/output/<run>   # package a run

Continue a packaged model for the rest of its schedule (convert only, no vectors):

    python -m training.train --continue-from tui/models/de_randnotiz --start-step 2500 \
        [--max-steps N] --output training/output/<run> --dest DIR

Every component is sourced from the model (``[components.*] source``), the vectors too
(``[paths.vectors]``, read through the model's own ``[nlp.vectors]``); the word-feature
component is frozen. It trains ``max_steps - start_step`` steps (max_steps from the config or
--max-steps, counted from the original start): the learning rate starts from what the config's
schedule has at ``start_step`` and decays linearly to 0 after a 50-step warmup (Adam's moments
and the parameter averages start afresh), batches keep the size the config's batcher has at
``start_step``. Evaluation, patience and model-best (by held-out F) are as in the config.
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
from typing import TYPE_CHECKING, Any, cast

import tui.analysis.word_classes  # noqa: F401  (the German model's feature component, for spacy.load)

from .common import (
    CORPUS_DIR,
    OUTPUT_DIR,
    REPO_ROOT,
    TRAINING_DIR,
    VECTORS_DIR,
    bundled_model_path,
    final_test_path,
)
from .features import TABLES_PATH

if TYPE_CHECKING:
    from spacy.pipeline import EntityRecognizer

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


EN_VECTORS_INFO = {
    "type": "floret (mode floret), trained by training/vectors.py --lang en",
    "training_text": "the running text of the English training sentences (WikiANN-en train+val, UNER "
    "English-EWT dev minus its held-out documents); UNER-EWT test excluded",
    "params": {
        "model": "skipgram",
        "dim": 100,
        "bucket": 50000,
        "minn": 4,
        "maxn": 5,
        "hashCount": 2,
        "epoch": 10,
        "minCount": 3,
        "neg": 10,
    },
}
EN_SOURCES = [
    {
        "name": "WikiANN English (Pan et al. 2017; split of Rahimi, Li and Cohn 2019), train and val, "
        "as distributed in the Babelscape/wikineural repository",
        "license": "ODC-BY 1.0 (annotations); text from Wikipedia, CC BY-SA",
        "author": "X. Pan, B. Zhang, J. May, J. Nothman, K. Knight, H. Ji: Cross-lingual Name Tagging and "
        "Linking for 282 Languages. ACL 2017; A. Rahimi, Y. Li, T. Cohn: Massively Multilingual Transfer "
        "for NER. ACL 2019",
        "use": "NER training (silver PER/LOC/ORG)",
    },
    {
        "name": "Universal NER, English Web Treebank (UNER English-EWT), dev and test",
        "url": "https://github.com/UniversalNER/UNER_English-EWT",
        "license": "CC BY-SA 4.0",
        "author": "S. Mayhew et al.: Universal NER: A Gold-Standard Multilingual Named Entity Recognition "
        "Benchmark. NAACL 2024",
        "use": "dev: NER training (3 of 4 documents) and checkpoint selection (every 4th document); "
        "test: the reported scores only",
    },
]
# What differs between the languages; everything else is one recipe.
LANGUAGES: dict[str, dict[str, Any]] = {
    "de": {
        "config": TRAINING_DIR / "config.cfg",
        # Loads the word-feature component and its embedding layer (training/spacy_code.py).
        "code": TRAINING_DIR / "spacy_code.py",
        "corpus": CORPUS_DIR,
        "config_overrides": [],
        "vectors_args": [],
        "vectors_name": "de_floret",
        "vectors_info": VECTORS_INFO,
        "sources": SOURCES,
        "description": "Randnotiz bundled German NER (PER, LOC, ORG, MISC), trained on GermEval 2014",
        "license": "CC BY 4.0 (derived from GermEval 2014, CC BY 4.0)",
        "evaluation": "GermEval 2014 dev (NER-de-dev.tsv, 2,200 sentences, outer layer), strict span match; "
        "not used for training or checkpoint selection (python -m training.evaluate)",
        "deriv_part_decision": DERIV_PART_DECISION,
    },
    "en": {
        # The English model has no word-feature component: the recipe as it was trained.
        "config": TRAINING_DIR / "config_en.cfg",
        "code": None,
        "corpus": CORPUS_DIR / "en",
        "config_overrides": [
            "--nlp.lang",
            "en",
            "--paths.train",
            "training/corpus/en/train.spacy",
            "--paths.dev",
            "training/corpus/en/heldout.spacy",
            # Smaller than German's 128/6: as good on held-out here (11.6k sentences), twice as fast.
            "--components.tok2vec.model.encode.width",
            "96",
            "--components.tok2vec.model.encode.depth",
            "4",
            # Held-out F peaks at 1,400-1,600 steps; the learning rate decays to 0 at max_steps.
            "--training.max_steps",
            "3000",
        ],
        # ~0.3M tokens: fewer buckets, more epochs and a lower count threshold than German's 31M
        "vectors_args": [
            "--lang",
            "en",
            "--bucket",
            "50000",
            "--epoch",
            "10",
            "--min-count",
            "3",
            "--threads",
            "1",
        ],
        "vectors_name": "en_floret",
        "vectors_info": EN_VECTORS_INFO,
        "sources": EN_SOURCES,
        "description": "Randnotiz bundled English NER (PER, LOC, ORG), trained on WikiANN-en and UNER "
        "English-EWT dev",
        "license": "CC BY-SA 4.0 (derived from UNER English-EWT, CC BY-SA 4.0, and WikiANN, ODC-BY 1.0 "
        "over Wikipedia text, CC BY-SA)",
        "evaluation": "UNER English-EWT test (en_ewt-ud-test.iob2, 2,077 sentences, PER/LOC/ORG), strict "
        "span match; not used for training or checkpoint selection (python -m training.evaluate --lang en)",
        "deriv_part_decision": None,
    },
}


# Adam restarts with zero moments: a short warmup keeps its first steps from jolting the weights.
CONTINUE_WARMUP_STEPS = 50


def _schedule_value(section: Any, step: int) -> float:
    """The value a config schedule (a thinc generator, or a plain number) has at ``step``."""
    from itertools import islice

    from spacy.util import registry

    schedule = registry.resolve({"schedule": section})["schedule"]
    if isinstance(schedule, int | float):
        return float(schedule)
    return float(next(islice(schedule, step, None)))


def continue_config(
    config: Path, model_dir: Path, start_step: int, max_steps: int | None, dest: Path
) -> Path:
    """Write the config that continues ``model_dir`` from ``start_step`` (see the module docstring)."""
    from spacy.util import load_config

    cfg = load_config(config, interpolate=False)
    resolved = load_config(config, interpolate=True)
    training = cfg["training"]
    end = max_steps or int(resolved["training"]["max_steps"])
    if end <= start_step:
        raise SystemExit(f"max_steps {end} is not after --start-step {start_step}")
    learn_rate = _schedule_value(resolved["training"]["optimizer"]["learn_rate"], start_step)
    batch_size = round(_schedule_value(resolved["training"]["batcher"]["size"], start_step))
    source = str(model_dir.resolve())
    for name in cfg["nlp"]["pipeline"]:
        cfg["components"][name] = {"source": source}
    # The packaged table may be stored at half precision; load it the way the model does.
    cfg["nlp"]["vectors"] = load_config(model_dir / "config.cfg", interpolate=False)["nlp"]["vectors"]
    cfg["paths"]["vectors"] = source
    # A lookup component without weights: it only annotates the training documents.
    training["frozen_components"] = [name for name in cfg["nlp"]["pipeline"] if name == "word_features"]
    training["max_steps"] = end - start_step
    training["optimizer"]["learn_rate"] = {
        "@schedules": "warmup_linear.v1",
        "warmup_steps": CONTINUE_WARMUP_STEPS,
        "total_steps": end - start_step,
        "initial_rate": learn_rate,
    }
    training["batcher"]["size"] = batch_size
    dest.parent.mkdir(parents=True, exist_ok=True)
    cfg.to_disk(dest)
    print(
        f"continue {model_dir} at step {start_step}: {end - start_step} steps, learn rate {learn_rate:.6g} -> 0, "
        f"batches of {batch_size} words; config {dest}"
    )
    return dest


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
    ner: Any = nlp.get_pipe("ner")
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
    run_dir: Path, dest: Path, lang: str = "de", shared=None, train_seconds=None, provenance=None
) -> dict:
    import spacy

    from .common import read_conll, sentences_to_docs
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
    settings = LANGUAGES[lang]
    docs = list(sentences_to_docs(nlp.vocab, read_conll(final_test_path(lang, shared))))
    res = evaluate(nlp, docs)
    raw_tps = raw_text_speed(nlp, [d.text for d in docs])
    size = sum(f.stat().st_size for f in dest.rglob("*") if f.is_file())

    meta = json.loads((dest / "meta.json").read_text())
    vec = meta.get("vectors", {})
    meta.update(
        {
            "lang": lang,
            "name": "randnotiz",
            "version": VERSION,
            "description": (
                settings["description"]
                + ": spaCy CNN tok2vec + transition-based NER"
                + (" with floret static vectors" if vec.get("vectors") else "")
                + (", Clark word classes and name lists" if "word_features" in nlp.pipe_names else "")
                + ". Offline, CPU."
            ),
            "author": "Randnotiz project",
            "license": settings["license"],
            # The German vectors have a source of their own; the English ones are the training text.
            "sources": settings["sources"] if vec.get("vectors") or lang != "de" else SOURCES[:1],
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
                "evaluation": settings["evaluation"],
                "deriv_part_decision": settings["deriv_part_decision"],
                "config": _config_summary(dest),
                "vectors": dict(vec, **settings["vectors_info"]) if vec.get("vectors") else None,
                "train_run": os.path.relpath(Path(run_dir).resolve(), REPO_ROOT),
                "train_seconds": train_seconds,
                "size_bytes": size,
                "load_seconds": round(load_s, 3),
                "tokens_per_s_pretokenised": round(res["tokens_per_s"]),
                "tokens_per_s_raw_text": round(raw_tps),
                "retrain_command": "python -m training.train" + (f" --lang {lang}" if lang != "de" else ""),
                **(provenance or {}),
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
    p.add_argument("--lang", default="de", choices=sorted(LANGUAGES))
    p.add_argument("--shared")
    p.add_argument("--force", action="store_true", help="rebuild corpus and vectors")
    p.add_argument("--no-vectors", action="store_true")
    p.add_argument("--config", help="default training/config.cfg (de), training/config_en.cfg (en)")
    p.add_argument("--output", help="default training/output/final (de), training/output/en_final (en)")
    p.add_argument("--max-steps", type=int, help="override [training] max_steps")
    p.add_argument("--package-only", action="store_true")
    p.add_argument("--run", help="run dir to package (with --package-only)")
    p.add_argument("--dest", help="default tui/models/{lang}_randnotiz")
    p.add_argument("--train-seconds", type=int, help="recorded in meta.json (with --package-only)")
    p.add_argument("--continue-from", help="packaged model to continue (see above); needs --start-step")
    p.add_argument("--start-step", type=int, help="the step of the config's schedule the model stopped at")
    args = p.parse_args(argv)
    if (args.continue_from is None) != (args.start_step is None):
        p.error("--continue-from and --start-step go together")
    settings = LANGUAGES[args.lang]
    shared = ["--shared", args.shared] if args.shared else []
    output = args.output or str(OUTPUT_DIR / ("final" if args.lang == "de" else f"{args.lang}_final"))
    dest = Path(args.dest or bundled_model_path(args.lang))

    provenance = _continue_provenance(args) if args.continue_from else None
    if args.package_only:
        package(
            Path(args.run or output).resolve(), dest, args.lang, args.shared, args.train_seconds, provenance
        )
        return

    if args.force or not (settings["corpus"] / "train.spacy").exists():
        run([sys.executable, "-m", "training.convert", "--lang", args.lang, *shared])
    config = args.config or str(settings["config"])
    overrides = list(settings["config_overrides"])
    if args.continue_from:
        # Features, vectors and weights all come from the model; the schedule is in the config.
        continued = Path(output) / "continue.cfg"
        continue_config(Path(config), Path(args.continue_from), args.start_step, args.max_steps, continued)
        config = str(continued)
    else:
        if settings["code"] is not None and (args.force or not TABLES_PATH.exists()):
            run([sys.executable, "-m", "training.features", *shared])
        vec_dir = VECTORS_DIR / settings["vectors_name"]
        if not args.no_vectors and (args.force or not vec_dir.exists()):
            run([sys.executable, "-m", "training.vectors", *settings["vectors_args"], *shared])
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
    code = ["--code", str(settings["code"])] if settings["code"] is not None else []
    run([sys.executable, "-m", "spacy", "train", config, "--output", output, *code, *overrides], env=env)
    train_s = round(time.time() - t0)
    package(
        Path(output).resolve(), dest, args.lang, args.shared, train_seconds=train_s, provenance=provenance
    )


def _continue_provenance(args: argparse.Namespace) -> dict:
    """What meta.json says about a continued run: where it started and how to repeat it."""
    source_meta = json.loads((Path(args.continue_from) / "meta.json").read_text())
    steps = f" --max-steps {args.max_steps}" if args.max_steps else ""
    return {
        "continued_from": {
            "model": f"{source_meta.get('lang')}_{source_meta.get('name')} {source_meta.get('version')}",
            "its_train_run": source_meta.get("randnotiz", {}).get("train_run"),
            "start_step": args.start_step,
        },
        "retrain_command": f"python -m training.train --continue-from {args.continue_from} "
        f"--start-step {args.start_step}{steps}",
    }


if __name__ == "__main__":
    main()
