"""Train several configurations side by side, one single-threaded ``spacy train`` per core,
and score each on the held-out train sentences and on GermEval dev.

    python -m training.sweep --steps 2500 --deadline 480 --out DIR [--only NAME ...]

Each run gets ``--training.max_steps`` and is stopped at the deadline (seconds from the start)
if it is still running; ``model-best`` (chosen by held-out F, as always) is what gets scored.
The held-out score picks the winner; dev is reported, never used for choosing.
Writes DIR/results.json and prints a table. This is how the runs r17-r30 of
training/README.md were made (on a 16-core machine, see there).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .common import CORPUS_DIR, OUTPUT_DIR, REPO_ROOT, TRAINING_DIR

FEATURES = str(TRAINING_DIR / "config.cfg")
BASELINE = str(TRAINING_DIR / "config_r16.cfg")
WINDOW2 = ["--components.tok2vec.model.encode.window_size", "2"]
# name: (config, extra training DocBins, overrides)
RUNS: dict[str, tuple[str, list[str], list[str]]] = {
    "base": (BASELINE, [], []),
    "feat": (FEATURES, [], []),
    "feat_seed1": (FEATURES, [], ["--system.seed", "1"]),
    "feat_w2": (FEATURES, [], WINDOW2),
    "feat_norm20k": (FEATURES, [], ["--components.tok2vec.model.embed.rows", "[20000,5000,5000,2500]"]),
    "feat_wikiM": (FEATURES, ["wikiann_missing"], []),
    "feat_wikiP": (FEATURES, ["wikiann_pretag"], []),
    "feat_wikiP6k": (FEATURES, ["wikiann_pretag_6k"], []),
    "feat_smartM": (FEATURES, ["smartdata_missing"], []),
    "feat_smartP": (FEATURES, ["smartdata_pretag"], []),
    "feat_wikiP_smartP": (FEATURES, ["wikiann_pretag", "smartdata_pretag"], []),
    "feat_w2_wikiP6k_smartP": (FEATURES, ["wikiann_pretag_6k", "smartdata_pretag"], WINDOW2),
    "feat_w2_seed1": (FEATURES, [], [*WINDOW2, "--system.seed", "1"]),
    # r16's full schedule (6,000 steps) on a GPU, where one is present
    "feat_gpu": (FEATURES, [], []),
}


def subsample(name: str, size: int) -> None:
    """A smaller copy of a DocBin: the cheapest way to down-weight a corpus."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("de").vocab
    docs = list(DocBin().from_disk(CORPUS_DIR / f"{name}.spacy").get_docs(vocab))
    random.Random(0).shuffle(docs)
    DocBin(docs=docs[:size]).to_disk(CORPUS_DIR / f"{name}_{size // 1000}k.spacy")


def train_dir(name: str, extras: list[str]) -> Path:
    """spacy.Corpus reads every .spacy file of a folder: GermEval train plus the extras."""
    folder = CORPUS_DIR / f"mix_{name}"
    folder.mkdir(parents=True, exist_ok=True)
    for source in ["train", *extras]:
        target = folder / f"{source}.spacy"
        if not target.exists():
            target.symlink_to(CORPUS_DIR / f"{source}.spacy")
    return folder


def score(model_dir: Path) -> dict:
    import spacy
    from spacy.tokens import DocBin

    from .evaluate import evaluate

    nlp = spacy.load(model_dir)
    result = {}
    for part in ("heldout", "germeval_dev"):
        docs = list(DocBin().from_disk(CORPUS_DIR / f"{part}.spacy").get_docs(nlp.vocab))
        res = evaluate(nlp, docs)
        result[part] = {
            "micro": res["micro"],
            "per_label": {label: value["f"] for label, value in res["per_label"].items()},
            "tokens_per_s": res["tokens_per_s"],
        }
    meta = json.loads((model_dir / "meta.json").read_text())
    result["spacy_heldout_f"] = meta["performance"].get("ents_f")
    return result


def main(argv: list[str] | None = None) -> None:
    import tui.analysis.word_classes  # noqa: F401

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--steps", type=int, default=2500)
    parser.add_argument("--deadline", type=float, default=480.0)
    parser.add_argument("--eval-frequency", type=int, default=250)
    parser.add_argument("--out", default=str(OUTPUT_DIR / "sweep"))
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args(argv)
    start = time.time()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    names = args.only or [name for name in RUNS if name != "feat_gpu"]
    if any("6k" in RUNS[name][1][0] for name in names if RUNS[name][1]):
        subsample("wikiann_pretag", 6000)
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONUNBUFFERED="1")
    procs = {}
    for name in names:
        config, extras, overrides = RUNS[name]
        steps = args.steps
        if name == "feat_gpu":
            steps, overrides = 6000, ["--gpu-id", "0"]
        cmd = [
            sys.executable, "-m", "spacy", "train", config, "--code", str(TRAINING_DIR / "spacy_code.py"),
            "--output", str(OUTPUT_DIR / name), "--paths.train", str(train_dir(name, extras)),
            "--training.max_steps", str(steps), "--training.eval_frequency", str(args.eval_frequency),
            *overrides,
        ]  # fmt: skip
        log = open(out / f"{name}.log", "w")  # noqa: SIM115  (closed with the process)
        procs[name] = (
            subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT),
            log,
        )
    stopped = set()
    while any(proc.poll() is None for proc, _ in procs.values()):
        if time.time() - start > args.deadline:
            for name, (proc, _) in procs.items():
                if proc.poll() is None:
                    proc.terminate()
                    stopped.add(name)
            break
        time.sleep(5)
    for proc, log in procs.values():
        proc.wait()
        log.close()
    trained = [name for name in names if (OUTPUT_DIR / name / "model-best").exists()]
    results: dict[str, dict] = {name: {"error": "no model-best"} for name in names if name not in trained}
    with ProcessPoolExecutor(max_workers=max(1, len(trained))) as pool:
        scores = pool.map(score, [OUTPUT_DIR / name / "model-best" for name in trained])
        for name, result in zip(trained, scores, strict=True):
            results[name] = dict(result, stopped_at_deadline=name in stopped)
    (out / "results.json").write_text(json.dumps(results, indent=1))
    print(f"{'run':<26}{'spaCy HO':>9}{'HO F':>7}{'dev P':>7}{'dev R':>7}{'dev F':>7}  per label (dev)")
    for name, res in results.items():
        if "error" in res:
            print(f"{name:<26} {res['error']}")
            continue
        dev = res["germeval_dev"]
        labels = " ".join(f"{label} {f * 100:.1f}" for label, f in sorted(dev["per_label"].items()))
        print(
            f"{name:<26}{(res['spacy_heldout_f'] or 0) * 100:9.2f}{res['heldout']['micro']['f'] * 100:7.2f}"
            f"{dev['micro']['p'] * 100:7.2f}{dev['micro']['r'] * 100:7.2f}{dev['micro']['f'] * 100:7.2f}  {labels}"
        )


if __name__ == "__main__":
    main()
