"""Where the reader keeps its files: the user data directory, or the folder
named by ``RANDNOTIZ_DATA_DIR`` (tests point it elsewhere). Apart from the
SQLite store, so that the reader can ask whether it has history, and where
its state file is, without loading SQLite before its first paint."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

STORE_FILE = "annotations.sqlite3"
DATA_DIR_VARIABLE = "RANDNOTIZ_DATA_DIR"


def data_dir() -> Path:
    """``$RANDNOTIZ_DATA_DIR`` if set, else the platform's user data directory."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    return Path(override) if override else user_data_path("randnotiz", appauthor=False)


def default_store_path() -> Path:
    return data_dir() / STORE_FILE
