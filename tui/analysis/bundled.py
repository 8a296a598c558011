"""The only files the analysis reads: data and models shipped in the package
(and the word lists of wordfreq, an installed dependency).

Everything else in :mod:`tui.analysis` is pure: it reads no user file and no
stream and writes nothing (a test checks it). A pipeline named with
``--model`` is loaded by spaCy from where the user says.
"""

from __future__ import annotations

import gzip
import importlib.util
from importlib import resources
from pathlib import Path
from typing import cast

import msgpack

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


def word_frequency_buckets(lang: str, wordlist: str) -> list[list[str]] | None:
    """wordfreq's ``wordlist`` for ``lang``: its words in frequency buckets
    (bucket i: frequency 10^(-i/100)), read from wordfreq's data file in its
    documented cBpack format (gzip'd msgpack, see ``wordfreq.read_cBpack``)
    without importing wordfreq, whose import compiles its tokenizer (0.1-0.2 s
    of the reader's first analysis). None where the file is not there or not
    in that format: then wordfreq itself is asked."""
    spec = importlib.util.find_spec("wordfreq")
    folders = spec.submodule_search_locations if spec is not None else None
    path = Path(next(iter(folders or ()), "")) / "data" / f"{wordlist}_{lang}.msgpack.gz"
    if not path.is_file():
        return None
    with gzip.open(path, "rb") as packed:
        header, *buckets = msgpack.unpack(packed, raw=False)
    return cast(list[list[str]], buckets) if header == {"format": "cB", "version": 1} else None
