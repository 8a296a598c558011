"""What English word a lower-case word can be, without a tagger: WordNet's
verbs, adjectives and adverbs that are never nouns, and its nouns in -ing or
-ed (lists derived by training/english_word_classes.py)."""

from __future__ import annotations

from functools import cache

from tui.analysis.bundled import data_lines


@cache
def _word_classes() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(data_lines("not_nouns.en.txt")), frozenset(data_lines("ing_ed_nouns.en.txt"))


def may_be_noun(word: str) -> bool:
    """False for "approve", "badly", "welcomed", "linking"; True for "tram",
    "crossing", "containers" and for words WordNet does not know (function
    words too: the callers know those)."""
    word = word.lower()
    not_nouns, ing_ed_nouns = _word_classes()
    if word.endswith(("ing", "ed")):
        return word in ing_ed_nouns
    if word.endswith("s"):
        singulars = (word, word[:-1], word[:-2]) if word.endswith("es") else (word, word[:-1])
        return not any(form in not_nouns for form in singulars)
    return word not in not_nouns
