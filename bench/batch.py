"""Batch analysis throughput (a benchmark, not a test): ``randnotiz analyze
--jsonl`` with one worker, two workers and a local Dask cluster, and spaCy's
bare tokenizer as the floor, all on the same input in one run.

    python bench/batch.py [--paragraphs 2000] [--lang de|en|both] [--rounds 1]

Input: news-like paragraphs, German from the political speeches in
``../shared/data/unlabelled-de`` and English sentences from
``../shared/data/uner-en-ewt`` when present, else the sample articles in
``seeds/`` repeated. Every figure is tokens per second end to end (start-up
and model loading included) of a fresh ``randnotiz`` process; the ratios
are what to compare, since the machine is shared and its speed varies.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RANDNOTIZ_SHARED", ROOT.parent / "shared")) / "data"


def paragraphs(lang: str, count: int) -> list[str]:
    found: list[str] = []
    if lang == "de" and (path := SHARED / "unlabelled-de" / "political_speeches.txt.xz").exists():
        with lzma.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                words = line.split()
                if 20 <= len(words) <= 300:  # a news paragraph, not a heading or a whole speech
                    found.append(line.strip())
                if len(found) == count:
                    break
    elif lang == "en" and (path := SHARED / "uner-en-ewt" / "en_ewt-ud-test.iob2").exists():
        sentences = [
            line.removeprefix("# text = ").strip()
            for line in path.read_text("utf-8").splitlines()
            if line.startswith("# text = ")
        ]
        # Three sentences make a paragraph of about news length.
        found = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences) - 2, 3)][:count]
    if not found:
        for text_path in sorted((ROOT / "seeds").glob(f"*.{lang}.txt")):
            found += [p for p in text_path.read_text("utf-8").split("\n") if p.strip()]
    return [found[i % len(found)] for i in range(count)]


def tokens_in(texts: list[str], lang: str) -> tuple[int, float]:
    """Token count and seconds of spaCy's blank tokenizer: the floor."""
    import spacy

    nlp = spacy.blank(lang)
    start = time.perf_counter()
    count = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))  # type: ignore[union-attr, misc]
    return count, time.perf_counter() - start


def run_cli(input_path: Path, lang: str, options: list[str]) -> tuple[float, float]:
    """Seconds end to end, and the peak resident memory of one worker in MB
    (of the process itself with one worker)."""
    import psutil

    start = time.perf_counter()
    peak = 0
    with input_path.open("rb") as stdin:
        process = subprocess.Popen(
            [sys.executable, "-m", "tui", "analyze", "--jsonl", "--lang", lang, *options],
            stdin=stdin,
            stdout=subprocess.DEVNULL,
            cwd=ROOT,
        )
        parent = psutil.Process(process.pid)
        while process.poll() is None:
            try:
                workers = parent.children(recursive=True) or [parent]
                peak = max(peak, *(worker.memory_info().rss for worker in workers))
            except psutil.Error:  # a worker ended between listing and reading
                pass
            time.sleep(0.2)
    if process.returncode != 0:
        raise SystemExit(f"randnotiz analyze {' '.join(options)} failed with {process.returncode}")
    return time.perf_counter() - start, peak / 1e6


SETUPS = {
    "--workers 1": ["--workers", "1"],
    "--workers 2": ["--workers", "2"],
    "--scheduler local": ["--scheduler", "local"],
}


def bench(lang: str, count: int, rounds: int) -> None:
    texts = paragraphs(lang, count)
    tokens, blank_seconds = tokens_in(texts, lang)
    with tempfile.TemporaryDirectory() as folder:
        input_path = Path(folder) / "input.jsonl"
        input_path.write_text(
            "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)),
            "utf-8",
        )
        # Alternate the setups round by round, so a slow spell of the shared
        # machine hits all of them alike.
        seconds: dict[str, list[float]] = {name: [] for name in SETUPS}
        memory: dict[str, float] = dict.fromkeys(SETUPS, 0.0)
        for _ in range(rounds):
            for name, options in SETUPS.items():
                elapsed, peak = run_cli(input_path, lang, options)
                seconds[name].append(elapsed)
                memory[name] = max(memory[name], peak)
    print(f"{lang}: {len(texts):,} paragraphs, {tokens:,} tokens (median of {rounds} round(s))")
    print(f"  {'spacy.blank tokenizer':<22} {tokens / blank_seconds:>10,.0f} tokens/s  (the floor)")
    one = tokens / statistics.median(seconds["--workers 1"])
    for name, times in seconds.items():
        rate = tokens / statistics.median(times)
        print(
            f"  {name:<22} {rate:>10,.0f} tokens/s  {rate / one:.2f}x --workers 1"
            f"  (peak {memory[name]:,.0f} MB per worker)"
        )
    print(f"  --workers 1 is 1/{tokens / blank_seconds / one:.0f} of the bare tokenizer")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--lang", choices=("de", "en", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for lang in ("de", "en") if args.lang == "both" else (args.lang,):
        bench(lang, args.paragraphs, args.rounds)


if __name__ == "__main__":
    main()
