"""The rule layer: an ``entity_ruler`` with gazetteer and pattern matches.

It runs after any statistical NER and never overwrites its entities, so it
only fills gaps (a country the model missed) or, without a model, gives an
honest baseline. Matches carry the pattern id ``rules`` so their origin shows.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from tui.analysis.gazetteer import given_names, organisation_names, place_names

if TYPE_CHECKING:
    from spacy.language import Language

RULES_ID = "rules"
_LEGAL_FORMS = ["GmbH", "AG", "SE", "KG", "KGaA", "Inc.", "Inc", "Corp.", "Ltd.", "Ltd", "LLC", "e.V.", "plc", "Co."]
_NAME_PARTICLES = ["von", "van", "de", "der", "zu", "di", "da", "del", "bin", "al"]


@cache
def known_labels(lang: str) -> dict[str, str]:
    """Curated names and their labels: organisations and places."""
    labels = dict.fromkeys(organisation_names(), "ORG")
    labels.update(dict.fromkeys(place_names(lang), "LOC"))
    return labels


def rule_patterns(lang: str) -> list[dict]:
    places = place_names(lang)
    organisations = organisation_names() - places
    patterns: list[dict] = [
        {"label": "LOC", "pattern": name, "id": RULES_ID} for name in sorted(places)
    ]
    patterns += [{"label": "ORG", "pattern": name, "id": RULES_ID} for name in sorted(organisations)]
    first = {"ORTH": {"IN": sorted(given_names())}}
    surname = {"IS_TITLE": True, "IS_STOP": False, "LENGTH": {">": 1}}
    patterns += [
        {"label": "PER", "id": RULES_ID, "pattern": [first, surname]},
        {"label": "PER", "id": RULES_ID, "pattern": [first, first, surname]},
        {"label": "PER", "id": RULES_ID, "pattern": [first, {"ORTH": {"IN": _NAME_PARTICLES}}, surname]},
        {
            "label": "ORG",
            "id": RULES_ID,
            "pattern": [
                {"IS_TITLE": True, "IS_STOP": False, "OP": "{1,3}"},
                {"ORTH": {"IN": _LEGAL_FORMS}},
            ],
        },
    ]
    return patterns


def add_rule_layer(nlp: Language, lang: str) -> None:
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="randnotiz_rules",
        config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"},
    )
    ruler.add_patterns(rule_patterns(lang))
