"""``randnotiz analyze`` prints exactly the recorded JSON for the three sample
articles: refactoring changes no output. After an intended change of the
analysis, re-record with ``python -m tests.test_golden`` and say why in the commit."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from tui.cli import main

from .conftest import SEEDS

GOLDEN = Path(__file__).resolve().parent / "data" / "analyze"
ARTICLES = sorted(path.name for path in SEEDS.glob("*.txt"))


def analyze_output(name: str) -> str:
    """What ``randnotiz analyze NAME`` prints when run in the seeds folder
    (the id in the JSON is the path as given)."""
    output = io.StringIO()
    with redirect_stdout(output):
        assert main(["analyze", name]) == 0
    return output.getvalue()


def test_every_sample_article_has_a_recording() -> None:
    assert [f"{path.stem}.txt" for path in sorted(GOLDEN.glob("*.json"))] == ARTICLES
    assert len(ARTICLES) == 3


@pytest.mark.parametrize("name", ARTICLES)
def test_analyze_output_is_byte_identical(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SEEDS)
    expected = (GOLDEN / name).with_suffix(".json").read_text("utf-8")
    assert analyze_output(name) == expected


if __name__ == "__main__":
    import os

    os.chdir(SEEDS)
    for article in ARTICLES:
        (GOLDEN / article).with_suffix(".json").write_text(analyze_output(article), "utf-8")
        print(f"recorded {article}", file=sys.stderr)
