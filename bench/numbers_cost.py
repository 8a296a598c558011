"""What the numbers layer costs the analysis (not a test): the same texts
analysed with the layer, without it (a reference measured in the same run)
and with the 0.1 layer taken from git, as ratios. The cost ratio is
(analysis without numbers + the layer alone) / analysis without numbers.

    python bench/numbers_cost.py [--runs 5] [--long-chars 200000]

The seed article and a long text (the sample articles and the numbers test
articles repeated) are analysed with the default German pipeline.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tui.analysis import analyzer
from tui.analysis.numbers import find_numbers

ROOT = Path(__file__).resolve().parents[1]

# The last commit with the 0.1 numbers layer (Babel digits only).
OLD_LAYER_COMMIT = "7db3cff"

FindNumbers = Callable[[str, str], list]


def old_layer() -> FindNumbers | None:
    try:
        source = subprocess.run(
            ["git", "show", f"{OLD_LAYER_COMMIT}:tui/analysis/numbers.py"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp()) / "numbers_0_1.py"
    path.write_text(source, "utf-8")
    spec = importlib.util.spec_from_file_location("numbers_0_1", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.find_numbers


def timed(text: str, layers: dict[str, FindNumbers], runs: int) -> dict[str, float]:
    """Median analysis time per layer; the layers take turns in every run, so
    the machine's load falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in layers}
    for _ in range(runs):
        for name, layer in layers.items():
            analyzer.find_numbers = layer  # type: ignore[attr-defined, assignment]
            started = time.perf_counter()
            analyzer.analyze(text, "de")
            times[name].append(time.perf_counter() - started)
    analyzer.find_numbers = find_numbers  # type: ignore[attr-defined]
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--long-chars", type=int, default=200_000)
    args = parser.parse_args()
    seed = (ROOT / "seeds" / "xiaomi-usa.de.txt").read_text("utf-8")
    pieces = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.de.txt"))]
    pieces += [(ROOT / "tests" / "data" / "numbers.de.txt").read_text("utf-8")]
    long_text = "\n".join(pieces)
    long_text = "\n".join([long_text] * (args.long_chars // len(long_text) + 1))[: args.long_chars]
    long_text = long_text[: long_text.rfind("\n")]
    analyzer.analyze(seed, "de")  # load the pipeline outside the timings
    layers: dict[str, FindNumbers] = {"none": lambda text, lang: [], "new": find_numbers}
    if (old := old_layer()) is not None:
        layers["0.1"] = old
    for name, text, runs in (("seed", seed, args.runs), ("long", long_text, max(1, args.runs // 2))):
        times = timed(text, layers, runs)
        # The layer alone, fastest of several runs: the machine is shared, and the
        # end-to-end medians above move by more than the layer costs.
        alone = {
            layer: min(timeit(function, text) for _ in range(max(3, runs)))
            for layer, function in layers.items()
        }
        line = f"{name} ({len(text):,} chars, {len(find_numbers(text, 'de'))} figures): "
        line += f"analysis without numbers {times['none']:.3f} s, with {times['new']:.3f} s "
        line += f"(end to end {times['new'] / times['none']:.2f}); numbers layer alone {alone['new']:.4f} s, "
        line += f"cost ratio {(times['none'] + alone['new']) / times['none']:.3f}"
        if "0.1" in times:
            line += f"; 0.1 layer alone {alone['0.1']:.4f} s (new/0.1 {alone['new'] / alone['0.1']:.1f})"
        print(line)


def timeit(function: FindNumbers, text: str) -> float:
    started = time.perf_counter()
    function(text, "de")
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
