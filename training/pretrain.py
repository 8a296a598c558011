"""Optional: spacy pretrain (character objective) of the tok2vec on unlabelled text.

    python -m training.pretrain [--shared DIR] [--lines 80000] [-- SPACY_OVERRIDES...]

Writes training/corpus/pretrain.jsonl (GermEval train sentences + a random sample of
Bundestag paragraphs; never dev) and runs `spacy pretrain training/config.cfg
training/pretrain/` (1 epoch, weights saved every 100 batches of 3000 words).
Use the result with  --paths.init_tok2vec training/pretrain/model-last.bin  (or modelN.bin).
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import random
import shutil
import subprocess
import sys

from .common import CORPUS_DIR, REPO_ROOT, TRAINING_DIR, shared_data_dir


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared")
    p.add_argument("--lines", type=int, default=80000, help="Bundestag paragraphs to sample")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("overrides", nargs="*", help="passed to spacy pretrain, e.g. --paths.vectors DIR")
    args = p.parse_args(argv)
    out = CORPUS_DIR / "pretrain.jsonl"
    src = shared_data_dir(args.shared) / "unlabelled-de" / "bundestag_wp19_wp20.txt.xz"
    with lzma.open(src, "rt", encoding="utf-8") as fh:
        lines = [line.strip() for line in fh if len(line.split()) >= 5]
    random.Random(args.seed).shuffle(lines)
    texts = lines[: args.lines]
    with open(CORPUS_DIR / "text_germeval.txt", encoding="utf-8") as fh:
        texts += [line.strip() for line in fh if line.strip()]
    random.Random(args.seed).shuffle(texts)
    with open(out, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    print(f"{out}: {len(texts)} texts")
    env = dict(os.environ, OMP_NUM_THREADS="1")
    shutil.rmtree(TRAINING_DIR / "pretrain", ignore_errors=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "pretrain",
            str(TRAINING_DIR / "config.cfg"),
            str(TRAINING_DIR / "pretrain"),
            *args.overrides,
        ],
        check=True,
        cwd=REPO_ROOT,
        env=env,
    )


if __name__ == "__main__":
    main()
