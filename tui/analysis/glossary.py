"""One glossary entry per distinct entity, with all its mentions.

Mentions merge when they name the same thing: the same surface, a surname
after the full name ("Barra" → "Hugo Barra"), or a German genitive ("Chinas"
→ "China") when the base form occurs too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from tui.analysis.gazetteer import place_names
from tui.analysis.model import Entity, GlossaryEntry, Span


def build_glossary(entities: Sequence[Entity], lang: str) -> list[GlossaryEntry]:
    surfaces = {entity.text for entity in entities}
    full_names = _full_names_by_surname(entities)
    groups: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        groups[_canonical(entity, surfaces, full_names, lang)].append(entity)
    entries = []
    for name, mentions in groups.items():
        label = Counter(mention.label for mention in mentions).most_common(1)[0][0]
        entries.append(GlossaryEntry(name, label, tuple(Span(m.start, m.end, m.text) for m in mentions)))
    return sorted(entries, key=lambda entry: entry.start)


def _full_names_by_surname(entities: Sequence[Entity]) -> dict[str, str]:
    names: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity.label == "PER" and " " in entity.text:
            names[entity.text.rsplit(" ", 1)[1]].add(entity.text)
    # A surname shared by two full names ("Merkel" for two people) stays apart.
    return {surname: full.pop() for surname, full in names.items() if len(full) == 1}


def _canonical(entity: Entity, surfaces: set[str], full_names: dict[str, str], lang: str) -> str:
    text = " ".join(entity.text.split())
    if entity.label == "PER" and text in full_names:
        return full_names[text]
    if (
        lang == "de"
        and text.endswith("s")
        and (text[:-1] in surfaces or (entity.label == "LOC" and text[:-1] in place_names(lang)))
    ):
        return text[:-1]
    return text
