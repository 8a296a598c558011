"""The only files the analysis reads: data and models shipped in the package.

Everything else in :mod:`tui.analysis` is pure: it reads no user file and no
stream and writes nothing (a test checks it). A pipeline named with
``--model`` is loaded by spaCy from where the user says.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
BUNDLED_MODELS = {"de": MODELS_DIR / "de_randnotiz", "en": MODELS_DIR / "en_randnotiz"}


def data_lines(name: str) -> list[str]:
    """The non-empty, non-comment lines of ``tui/analysis/data/NAME``."""
    text = resources.files("tui.analysis.data").joinpath(name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def bundled_model(lang: str) -> Path | None:
    """The folder of the model shipped for ``lang``, if there is one."""
    folder = BUNDLED_MODELS.get(lang)
    return folder if folder is not None and (folder / "meta.json").is_file() else None
