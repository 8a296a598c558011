"""Re-anchoring in edited articles: how many annotations find their words again.

    python bench/reanchoring.py [--seeds 5]

Runs the simulation of tests/test_anchoring.py (the seed articles, 25
annotations each on random whole words, one edit at a time: insertions and
deletions before and inside annotated text, reflowed whitespace, a changed
word inside an annotation, a deleted paragraph) with several random seeds and
prints where each annotation ended up.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.test_anchoring import run_trials


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    total: Counter[str] = Counter()
    for seed in range(1, args.seeds + 1):
        total += run_trials(seed=seed)
    placeable = total["right"] + total["orphan"] + total["WRONG"]
    gone = total["gone, orphan"] + total["gone, placed: WRONG"]
    print(f"{placeable} re-anchorings whose words survived the edit:")
    print(f"  on the right words  {total['right']:6}  ({total['right'] / placeable:.2%})")
    print(f"  orphan              {total['orphan']:6}  ({total['orphan'] / placeable:.2%})")
    print(f"  on other words      {total['WRONG']:6}")
    print(
        f"{gone} whose words were deleted: {total['gone, orphan']} orphans, {total['gone, placed: WRONG']} placed"
    )
    for key in sorted(k for k in total if k.startswith("missed in ")):
        print(f"  orphans {key.removeprefix('missed ')}: {total[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
