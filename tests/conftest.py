from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = Path(__import__("os").environ.get("RANDNOTIZ_SHARED", ROOT.parent / "shared"))


def seed_text(name: str = "xiaomi-usa.de.txt") -> str:
    return (SEEDS / name).read_text("utf-8")


def references() -> list[Path]:
    return sorted(SEEDS.glob("*.json"))


def load_reference(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not found: the shared corpora are not part of a plain clone")
    return SHARED
