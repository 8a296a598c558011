"""Derive the English word classes the key-term finder reads.

    python -m training.english_word_classes   # spaCy's en lemma index -> tui/analysis/data/*.en.txt

The English pipeline has no tagger, and English does not capitalise nouns, so
"approve", "badly" or "welcomed" looked like domain terms. The lemma index of
``spacy-lookups-data`` (a training extra: WordNet 3.0's base forms by part of
speech, WordNet licence) gives two short lists, written once and shipped:

* ``not_nouns.en.txt``: verbs, adjectives and adverbs that are never nouns
  ("approve", "enthusiastic", "badly");
* ``ing_ed_nouns.en.txt``: the nouns ending in -ing or -ed ("crossing",
  "funding", "bed"), because every other -ing or -ed word is a verb form.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from .common import REPO_ROOT

DATA = REPO_ROOT / "tui" / "analysis" / "data"
NOT_NOUNS_PATH = DATA / "not_nouns.en.txt"
ING_ED_NOUNS_PATH = DATA / "ing_ed_nouns.en.txt"


def lemma_index() -> dict[str, set[str]]:
    import spacy_lookups_data  # type: ignore[import-untyped]

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_index.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as table:
        index = json.load(table)
    # Single lower-case words only: multi-word entries ("give_up") and names are not candidates.
    return {
        pos: {word for word in words if word.isalpha() and word.islower()} for pos, words in index.items()
    }


def derive(index: dict[str, set[str]]) -> tuple[list[str], list[str]]:
    nouns = index["noun"]
    not_nouns = (index["verb"] | index["adj"] | index["adv"]) - nouns
    ing_ed_nouns = {noun for noun in nouns if noun.endswith(("ing", "ed"))}
    return sorted(not_nouns), sorted(ing_ed_nouns)


def _write(path: Path, words: list[str], what: str) -> None:
    header = (
        f"# {what}\n# Derived by training/english_word_classes.py from WordNet 3.0 (spacy-lookups-data).\n"
    )
    path.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {path.relative_to(REPO_ROOT)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.parse_args(argv)
    not_nouns, ing_ed_nouns = derive(lemma_index())
    _write(NOT_NOUNS_PATH, not_nouns, "English verbs, adjectives and adverbs that are never nouns.")
    _write(ING_ED_NOUNS_PATH, ing_ed_nouns, "English nouns ending in -ing or -ed.")


if __name__ == "__main__":
    main()
