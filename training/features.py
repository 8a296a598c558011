"""Build the word-class and name-list tables of the ``randnotiz_word_features`` component.

    python -m training.features [--shared DIR] [--output training/corpus/word_features.json.gz]

Sources (all under ``../shared/data/germaner-lists``, Apache 2.0, GermaNER, Benikova et al. 2015):
  clark_clusters.tsv  word TAB Clark class (395 classes over 257,809 types of German news)
  first_names.tsv     first names;  surnames.txt: surnames
  locations.tsv       Wikipedia places (Wiki.city, Wiki.location) and organisations (Wiki.org)
plus CLDR's German names of countries, regions and time-zone cities (Babel).
The table ships inside the model package (tui.analysis.word_classes), compressed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import srsly

from tui.analysis.gazetteer import cldr_place_names

from .common import CORPUS_DIR, shared_data_dir

TABLES_PATH = CORPUS_DIR / "word_features.json.gz"


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip()]


def build_tables(shared: str | None = None) -> dict[str, Any]:
    root = shared_data_dir(shared) / "germaner-lists"
    classes: dict[str, list[str]] = {}
    for row in _rows(root / "clark_clusters.tsv"):
        if len(row) == 2:
            classes.setdefault(row[1], []).append(row[0])
    first_names = {row[0] for row in _rows(root / "first_names.tsv")}
    surnames = {row[0] for row in _rows(root / "surnames.txt")}
    wiki = _rows(root / "locations.tsv")
    places = {row[0] for row in wiki if len(row) > 1 and row[1] != "Wiki.org"}
    places.update(cldr_place_names("de"))
    organisations = {row[0] for row in wiki if len(row) > 1 and row[1] == "Wiki.org"} - places
    # Newline-joined strings: the layout tui.analysis.word_classes loads fastest.
    return {
        "sources": "GermaNER word classes and name lists (Apache 2.0, Benikova, Yimam, Santhanam, "
        "Biemann, GSCL 2015); CLDR place names via Babel (Unicode licence)",
        "word_classes": {class_id: "\n".join(words) for class_id, words in sorted(classes.items())},
        "first_names": "\n".join(sorted(first_names)),
        "surnames": "\n".join(sorted(surnames)),
        "places": "\n".join(sorted(places)),
        "orgs": "\n".join(sorted(organisations)),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", help="shared data dir (default $RANDNOTIZ_SHARED or ../shared/data)")
    parser.add_argument("--output", default=str(TABLES_PATH))
    args = parser.parse_args(argv)
    tables = build_tables(args.shared)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    srsly.write_gzip_json(out, tables)
    sizes = {
        key: len(value) if isinstance(value, dict) else value.count("\n") + 1 for key, value in tables.items()
    }
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB, {sizes}")


if __name__ == "__main__":
    main()
