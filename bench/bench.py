"""Benchmarks that print figures (not tests): time to first paint, time to
analysis complete, model load time, analysis throughput and memory.

    python bench/bench.py [--runs 5] [--lang de|en]

Throughput is measured as ``randnotiz analyze --jsonl`` does it
(``analyze_batch`` over JSON lines of news paragraphs, batched by spaCy), in
tokens per second after the pipeline is loaded, and end to end through the
CLI including start-up.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def paragraphs(lang: str) -> list[str]:
    texts = []
    for path in sorted(SEEDS.glob(f"*.{lang}.txt")):
        texts += [p for p in path.read_text("utf-8").split("\n") if p.strip()]
    return texts


def first_paint(runs: int) -> dict[str, float]:
    results = []
    for _ in range(runs):
        env = {**os.environ, "RANDNOTIZ_BENCH_T0": repr(time.time())}
        out = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "first_paint.py")],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


@dataclass(frozen=True)
class Throughput:
    pipeline: str
    pipeline_load_s: float
    tokens: int
    tokens_per_s: float
    texts: int


def throughput(lang: str, target_tokens: int) -> Throughput:
    from tui.analysis import analyze_batch
    from tui.analysis.pipeline import default_model, get_pipeline, model_label

    start = time.perf_counter()
    nlp = get_pipeline(lang)
    load = time.perf_counter() - start
    base = paragraphs(lang)
    tokens_per_round = sum(len(nlp.make_doc(text)) for text in base)
    texts = base * max(1, target_tokens // tokens_per_round)
    tokens = tokens_per_round * (len(texts) // len(base))
    analyze_batch(texts[: len(base)], lang)  # warm caches
    start = time.perf_counter()
    analyze_batch(texts, lang)
    seconds = time.perf_counter() - start
    return Throughput(model_label(default_model(lang)), load, tokens, tokens / seconds, len(texts))


def cli_throughput(lang: str, target_tokens: int, tokens_per_text: float) -> dict[str, float]:
    base = paragraphs(lang)
    count = max(1, int(target_tokens / tokens_per_text))
    lines = "".join(json.dumps({"id": i, "text": base[i % len(base)]}) + "\n" for i in range(count))
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tui", "analyze", "--jsonl", "--lang", lang],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
    )
    return {"cli_wall_s": time.perf_counter() - start, "cli_texts": count}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="start-ups to take the median of")
    parser.add_argument("--lang", default="de")
    parser.add_argument("--tokens", type=int, default=100_000, help="tokens for the throughput run")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    paint = first_paint(args.runs)
    print(f"reader, seed article (headless 140x40, median of {args.runs} cold starts):")
    print(f"  time to first paint      {paint['first_paint_s']:.2f} s")
    print(f"  time to analysis complete {paint['analysis_complete_s']:.2f} s")
    print(
        f"  peak memory               {paint['ui_rss_mb']:.0f} MB UI + {paint['analysis_rss_mb']:.0f} MB analysis process"
    )
    batch = throughput(args.lang, args.tokens)
    print(f"analyze --jsonl ({args.lang}, pipeline {batch.pipeline}):")
    print(f"  pipeline load             {batch.pipeline_load_s:.2f} s")
    print(
        f"  throughput                {batch.tokens_per_s:,.0f} tokens/s ({batch.tokens:,} tokens, {batch.texts} texts)"
    )
    cli = cli_throughput(args.lang, args.tokens, batch.tokens / batch.texts)
    print(
        f"  end to end via the CLI    {cli['cli_wall_s']:.2f} s for {cli['cli_texts']} lines incl. start-up"
    )


if __name__ == "__main__":
    main()
