"""German subjunctive (Konjunktiv I and II) verb forms, the mark of reported speech.

The forms are derived from spaCy's German lemma table by rules (see
``training/subjunctive.py``, which also measures this detector on the
``Mood=Sub`` features of UD German): every verb's Konjunktiv I third person
singular ("plane", "liefere", "verhandle") and its umlauted Konjunktiv II
("gäbe", "hätten", "würde").
"""

from __future__ import annotations

from functools import cache

from tui.analysis.bundled import data_lines

# The irregular present of "sein", which the rules cannot derive.
_IRREGULAR = frozenset({"sei", "seien", "seiest", "seiet"})
# Sentence-initial auxiliaries ("Sei es drum", "Hätte er…"); other capitalised
# words are nouns ("Plane", "Folge").
_CAPITALISED = frozenset(
    word.capitalize()
    for word in [
        "sei",
        "seien",
        "habe",
        "hätte",
        "hätten",
        "wäre",
        "wären",
        "würde",
        "würden",
        "werde",
        "könne",
        "könnte",
        "müsse",
        "solle",
        "dürfe",
        "gebe",
        "gäbe",
    ]
)


@cache
def subjunctive_forms() -> frozenset[str]:
    listing = data_lines("subjunctive.de.txt")
    return frozenset(word for line in listing for word in line.split()) | _IRREGULAR | _CAPITALISED


def is_subjunctive(word: str) -> bool:
    """True for a German Konjunktiv I or II verb form ("sei", "plane", "gäbe")."""
    return word in subjunctive_forms()
