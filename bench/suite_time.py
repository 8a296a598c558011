"""Wall time of the test suite at two commits, run in alternation so that
both see the same machine (shared machines are noisy).

    python bench/suite_time.py 7db3cff HEAD --rounds 2

Each commit is exported with ``git archive`` into a temporary folder and its
suite run there with ``python -m pytest`` (that tree's own settings), with
that folder first on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def export(commit: str, folder: Path) -> None:
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)


def run_suite(folder: Path) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": str(folder), "RANDNOTIZ_SHARED": str(ROOT.parent / "shared")}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    summary = re.findall(r"^=*\s*(\d+ (?:passed|failed).*?) in [\d.]+s", result.stdout, re.MULTILINE)
    return seconds, summary[-1] if summary else "no summary"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("commits", nargs=2, metavar="COMMIT")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="randnotiz-suite-") as temp:
        folders = {commit: Path(temp) / f"{index}" for index, commit in enumerate(args.commits)}
        for commit, folder in folders.items():
            folder.mkdir()
            export(commit, folder)
        times: dict[str, list[float]] = {commit: [] for commit in args.commits}
        for round_number in range(1, args.rounds + 1):
            for commit, folder in folders.items():
                seconds, summary = run_suite(folder)
                times[commit].append(seconds)
                load = os.getloadavg()[0]
                print(
                    f"round {round_number} {commit}: {seconds:.0f} s ({summary}; load {load:.1f})", flush=True
                )
        first, second = args.commits
        ratios = [b / a for a, b in zip(times[first], times[second], strict=True)]
        print(f"{second} / {first}: " + ", ".join(f"{ratio:.2f}" for ratio in ratios))


if __name__ == "__main__":
    main()
