"""Train floret static vectors on unlabelled text and convert them for spaCy.

    python -m training.vectors [--lang de|en] [--shared DIR] [--model skipgram] [--dim 100] [--bucket 100000]
                               [--epoch 5] [--min-count 5]

Input text (tokenised with spaCy's German tokenizer, case kept):
  * unlabelled-de/bundestag_wp19_wp20.txt.xz  (Bundestag plenary protocols, public domain, ~26M tokens)
  * GermEval 2014 train tokens (training/corpus/text_germeval.txt, CC BY 4.0) -- never the dev set
  * --with-speeches adds unlabelled-de/political_speeches.txt.xz (CC BY-SA 4.0, 0.5M tokens);
    off by default so the shipped vectors carry no share-alike obligation.
Output: training/vectors/de_floret/ (spaCy vectors dir for [initialize] vectors).
The shipped table is bucket x dim = 100000 x 100, stored as float16 in the package (20 MB).
Skipgram takes about 40 min on one thread (cbow about 10 min on two), and clearly helps NER.

English (``--lang en``, output training/vectors/en_floret/): the running text of the English
training sentences (training/corpus/en/text_en.txt from ``training.convert --lang en``: WikiANN-en
train+val and the UNER-EWT dev training part, ~0.3M tokens; never UNER-EWT test).
"""

from __future__ import annotations

import argparse
import lzma
import subprocess
import sys
import time

import spacy

from .common import CORPUS_DIR, VECTORS_DIR, shared_data_dir


def build_text(shared, out_path, with_speeches=False, limit_lines=0):
    nlp = spacy.blank("de")
    root = shared_data_dir(shared) / "unlabelled-de"
    sources = [root / "bundestag_wp19_wp20.txt.xz"]
    if with_speeches:
        sources.append(root / "political_speeches.txt.xz")
    n_tok = 0
    t0 = time.time()
    with open(out_path, "w", encoding="utf-8") as out:
        for src in sources:
            with lzma.open(src, "rt", encoding="utf-8") as fh:
                lines = (line.strip() for i, line in enumerate(fh) if not limit_lines or i < limit_lines)
                for doc in nlp.tokenizer.pipe((line for line in lines if line), batch_size=2000):
                    toks = [t.text for t in doc if not t.is_space]
                    n_tok += len(toks)
                    out.write(" ".join(toks) + "\n")
            print(f"  {src.name}: {n_tok} tokens so far ({time.time() - t0:.0f}s)", flush=True)
        germeval_text = CORPUS_DIR / "text_germeval.txt"
        if germeval_text.exists():
            with open(germeval_text, encoding="utf-8") as fh:
                for line in fh:
                    n_tok += len(line.split())
                    out.write(line)
    print(f"floret input: {n_tok} tokens -> {out_path}")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared")
    p.add_argument("--dim", type=int, default=100)
    p.add_argument("--bucket", type=int, default=100000)
    p.add_argument("--epoch", type=int, default=5)
    p.add_argument("--minn", type=int, default=4)
    p.add_argument("--maxn", type=int, default=5)
    p.add_argument("--model", default="skipgram", choices=["cbow", "skipgram"])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--with-speeches", action="store_true")
    p.add_argument("--lang", default="de", choices=["de", "en"])
    p.add_argument("--min-count", type=int, default=5)
    p.add_argument("--name", help="default {lang}_floret")
    p.add_argument("--reuse-text", action="store_true", help="reuse an existing floret_input.txt")
    args = p.parse_args(argv)

    import floret

    VECTORS_DIR.mkdir(parents=True, exist_ok=True)
    name = args.name or f"{args.lang}_floret"
    if args.lang == "en":
        text = CORPUS_DIR / "en" / "text_en.txt"  # already tokenised by the corpus
    else:
        text = VECTORS_DIR / "floret_input.txt"
        if not (args.reuse_text and text.exists()):
            build_text(args.shared, text, args.with_speeches)
    t0 = time.time()
    model = floret.train_unsupervised(
        str(text),
        model=args.model,
        mode="floret",
        hashCount=2,
        bucket=args.bucket,
        minn=args.minn,
        maxn=args.maxn,
        dim=args.dim,
        epoch=args.epoch,
        minCount=args.min_count,
        neg=10,
        thread=args.threads,
        verbose=1,
    )
    print(f"floret trained in {time.time() - t0:.0f}s")
    vec_file = VECTORS_DIR / f"{name}.floret"
    model.save_floret_vectors(str(vec_file))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "init",
            "vectors",
            args.lang,
            str(vec_file),
            str(VECTORS_DIR / name),
            "--mode",
            "floret",
        ],
        check=True,
    )


if __name__ == "__main__":
    main()
