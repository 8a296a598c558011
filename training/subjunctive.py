"""Derive the German Konjunktiv forms the quote detector reads, and measure the detector.

    python -m training.subjunctive derive    # spaCy's de lemma table -> tui/analysis/data/subjunctive.de.txt
    python -m training.subjunctive measure   # against Mood=Sub in ../shared/data/ud-german/*.conllu

The lemma table comes from ``spacy-lookups-data`` (a training extra: 98 MB, so
it is read here once and never at run time). The rules, for every verb lemma
(an infinitive in -en/-eln/-ern with indicative forms in the table):

* Konjunktiv I, 3rd person singular: the infinitive less its -n ("planen" ->
  "plane", "liefern" -> "liefere", "handeln" -> "handele", "handle");
* Konjunktiv II: a form of the verb with an umlaut whose umlaut-free stem is its
  past tense ("gäbe" / "gab", "hätten" / "hatten", "würde" / "wurde").

Forms that are also a non-verb word ("eine", "große") are left out.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from .common import REPO_ROOT, shared_data_dir

FORMS_PATH = REPO_ROOT / "tui" / "analysis" / "data" / "subjunctive.de.txt"
_UMLAUT_FREE = str.maketrans("äöü", "aou")
# Konjunktiv I forms that are far more often another word.
_OTHER_WORDS = frozenset(
    [
        "eine",
        "meine",
        "seine",
        "deine",
        "keine",
        "ihre",
        "unsere",
        "eure",
        "alle",
        "ende",
        "weise",
        "lasse",
        "reihe",
        "ferne",
        "nähe",
        "stelle",
        "folge",
        "weile",
        "ebene",
        "rede",
        "runde",
    ]
)


def lemma_table() -> dict[str, str]:
    import spacy_lookups_data  # type: ignore[import-untyped]

    path = Path(spacy_lookups_data.__file__).parent / "data" / "de_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as table:
        data: dict[str, str] = json.load(table)
    return data


def derive(table: dict[str, str]) -> list[str]:
    forms_of: dict[str, set[str]] = defaultdict(set)
    for form, lemma in table.items():
        forms_of[lemma].add(form)
    non_verbs = {form for form, lemma in table.items() if not _is_verb_lemma(lemma, forms_of)}
    found: set[str] = set()
    for lemma, forms in forms_of.items():
        if not _is_verb_lemma(lemma, forms_of):
            continue
        found.update(_konjunktiv_one(lemma))
        found.update(_konjunktiv_two(forms))
    return sorted(found - non_verbs - _OTHER_WORDS)


def _is_verb_lemma(lemma: str, forms_of: dict[str, set[str]]) -> bool:
    if not (lemma.islower() and lemma.isalpha() and lemma.endswith("n") and len(lemma) > 3):
        return False
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    # An indicative 3rd person singular present or past: "plant", "plante".
    return bool({stem + "t", stem + "et", stem + "te", stem + "ete"} & forms_of.get(lemma, set()))


def _konjunktiv_one(lemma: str) -> Iterator[str]:
    if lemma.endswith(("eln", "ern")):
        yield lemma[:-1] + "e"  # "liefere", "handele"
        if lemma.endswith("eln"):
            yield lemma[:-3] + "le"  # "handle"
    elif lemma.endswith("en"):
        yield lemma[:-1]


def _konjunktiv_two(forms: set[str]) -> Iterator[str]:
    for form in forms:
        if not any(vowel in form for vowel in "äöü"):
            continue
        for ending in ("en", "e"):
            if form.endswith(ending):
                stem = form[: -len(ending)].translate(_UMLAUT_FREE)
                if stem in forms or stem + ending in forms:
                    yield form
                    yield form.replace("ß", "ss")  # the table keeps the old spelling "müßte"
                break


# --------------------------------------------------------------------------- measuring


def ud_tokens(root: Path) -> Iterator[tuple[str, str, bool]]:
    """(form, UPOS, has Mood=Sub) for every syntactic word of the treebanks."""
    for path in sorted(root.glob("*/*.conllu")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                columns = line.rstrip("\n").split("\t")
                if len(columns) != 10 or not columns[0].isdigit():
                    continue
                yield columns[1], columns[3], "Mood=Sub" in columns[5]


def measure(root: Path) -> dict[str, float]:
    from tui.analysis.subjunctive import is_subjunctive

    true_positives = predicted = gold = 0
    for form, _, subjunctive in ud_tokens(root):
        found = is_subjunctive(form)
        true_positives += found and subjunctive
        predicted += found
        gold += subjunctive
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1, "tp": true_positives, "predicted": predicted, "gold": gold}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["derive", "measure"])
    parser.add_argument("--shared", help="the shared data folder (default: ../shared/data)")
    args = parser.parse_args(argv)
    if args.command == "derive":
        forms = derive(lemma_table())
        FORMS_PATH.write_text("\n".join(forms) + "\n", encoding="utf-8")
        print(f"{len(forms)} forms -> {FORMS_PATH.relative_to(REPO_ROOT)}")
    else:
        root = shared_data_dir(args.shared) / "ud-german"
        if not root.is_dir():
            parser.error(f"{root} not found")
        scores = measure(root)
        print(
            f"Mood=Sub on UD German GSD dev+test, PUD test: P {scores['p']:.3f}  R {scores['r']:.3f}  "
            f"F1 {scores['f1']:.3f}  ({scores['tp']} / {scores['predicted']} / {scores['gold']})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
