from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# The same examples on every run and machine: CI must not be a lottery.
settings.register_profile("randnotiz", derandomize=True, deadline=None, database=None)
settings.load_profile("randnotiz")

# Tests never read the user's settings nor write to the user's cache...
_SANDBOX = Path(tempfile.mkdtemp(prefix="randnotiz-tests-"))
os.environ["RANDNOTIZ_CONFIG"] = str(_SANDBOX / "no-config.toml")
os.environ["XDG_CACHE_HOME"] = str(_SANDBOX / "cache")
# ... nor touch the user's annotation store, reader state or screenshots (`data_dir` gives a fresh one).
os.environ["RANDNOTIZ_DATA_DIR"] = str(_SANDBOX / "data")
# ... and see the English interface whatever the machine's locale (the CLI
# chooses the interface's language from the environment).
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("RANDNOTIZ_SHARED", ROOT.parent / "shared"))


def seed_text(name: str = "xiaomi-usa.de.txt") -> str:
    return (SEEDS / name).read_text("utf-8")


def references() -> list[Path]:
    return sorted(SEEDS.glob("*.json"))


def load_reference(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts without remembered reader state (theme, hidden panes)."""
    monkeypatch.setenv("RANDNOTIZ_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not found: the shared corpora are not part of a plain clone")
    return SHARED


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user data directory (annotation store) for one test."""
    folder = tmp_path / "data"
    monkeypatch.setenv("RANDNOTIZ_DATA_DIR", str(folder))
    return folder


WRITERS = ("erster", "zweiter")


def run_writers_at_once(script: str, *args: str) -> None:
    """Run ``script`` in two processes at once, each with its name (from
    :data:`WRITERS`) as the last argument; both must succeed."""
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", script, *args, name],
            cwd=ROOT,
            env={"PYTHONPATH": str(ROOT), "PATH": ""},
        )
        for name in WRITERS
    ]
    assert [writer.wait(timeout=60) for writer in writers] == [0, 0]
