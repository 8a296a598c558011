"""Where the package's data folders are.

An installed wheel carries ``styles/`` and ``seeds/`` inside the package; a
source checkout (or editable install) has them at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def data_folder(name: str) -> Path:
    for folder in (PACKAGE / name, PACKAGE.parent / name):
        if folder.is_dir():
            return folder
    return PACKAGE / name


STYLES = data_folder("styles")
SEEDS = data_folder("seeds")
