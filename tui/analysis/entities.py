"""Entities from a spaCy ``Doc``, in Randnotiz's label set, made consistent
across the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tui.analysis.gazetteer import RULES_ID, currency_codes, known_labels
from tui.analysis.model import Entity
from tui.analysis.spans import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Official English pipelines use OntoNotes labels; readers see four kinds.
_LABEL_MAP = {
    "PERSON": "PER",
    "PER": "PER",
    "ORG": "ORG",
    "NORP": "MISC",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
    "MISC": "MISC",
    "OTH": "MISC",
}
# Absent on purpose: numeric OntoNotes labels (DATE, MONEY, CARDINAL, …), which
# are the numbers pane's business, and the bundled model's training-only labels
# for derived words and compounds (LOCderiv "deutsche", ORGpart "EU-Kommission").


def entities_from_doc(doc: Doc, offset: int = 0) -> list[Entity]:
    """The doc's entities mapped to PER/LOC/ORG/MISC, shifted by ``offset``.

    Where the model's span is exactly a curated name ("Xiaomi", "Indien"),
    the gazetteer's label wins: the lists are small and checked by hand,
    the model guesses from context.
    """
    known = known_labels(doc.lang_)
    currencies = currency_codes(doc.lang_)
    entities = []
    for ent in doc.ents:
        label = _LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        origin = "rules" if ent.ent_id_ == RULES_ID else "model"
        label = known.get(ent.text, label)
        if ent.text in currencies:
            continue  # "Euro" is a unit here, and the numbers pane shows it
        entities.append(Entity(ent.start_char + offset, ent.end_char + offset, ent.text, label, origin))
    return entities


def with_aliases(text: str, entities: Iterable[Entity]) -> list[Entity]:
    """Add the mentions the NER missed: repeats of a name found elsewhere in
    the article and surnames of persons named in full ("Barra" after "Hugo
    Barra"). A reader expects a name that lights up once to light up always.
    """
    entities = sorted(entities, key=lambda entity: entity.start)
    known: dict[str, str] = {}
    for entity in entities:
        if _is_alias_candidate(entity.text):
            known.setdefault(entity.text, entity.label)
        if entity.label == "PER" and " " in entity.text:
            surname = entity.text.rsplit(" ", 1)[1]
            if _is_alias_candidate(surname):
                known[surname] = "PER"
    surnames = {name for name, label in known.items() if label == "PER"}
    entities = [
        # "Barra said": a surname of a person named in full is that person,
        # whatever the model guessed from an unusual context.
        Entity(e.start, e.end, e.text, "PER", e.origin) if e.text in surnames and e.label != "PER" else e
        for e in entities
    ]
    if not known:
        return entities
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(name) for name in sorted(known, key=len, reverse=True))
        + r")(?![\w-])"
    )
    taken = SpanIndex(entities)
    added = [
        Entity(match.start(), match.end(), match.group(), known[match.group()], "alias")
        for match in pattern.finditer(text)
        if not taken.overlapping(match.start(), match.end())
    ]
    return sorted(entities + added, key=lambda entity: entity.start)


def _is_alias_candidate(name: str) -> bool:
    return len(name) >= 3 and name[0].isupper() and any(char.isalpha() for char in name)
