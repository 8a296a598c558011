"""The article's glossary: one card per real-world entity, the abbreviations
it uses, and its key terms.

Entity mentions merge when they name the same thing: the same name, a
surname after the full name ("Barra" → "Hugo Barra"), a German genitive
("Chinas" → "China"; "des Bundesamts" is named "Bundesamt" even alone), another name of the same country ("U.S." → "USA"), or
an abbreviation the article defines ("BA" → "Bundesagentur für Arbeit"). A
mention merges only into an entry of a compatible type, and the entry's name
comes from well-formed mentions: a role the model took into a person's span
("Ministerpräsident Woidke") or a place it ran into ("Alfred Döblin
Berlin") is not part of the name, and a role alone is no person at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tui.analysis.abbreviations import Definition, find_abbreviations, find_definitions, occurrences
from tui.analysis.descriptions import Describer, is_role
from tui.analysis.facts import Facts, currency_facts, facts_for, territory_code
from tui.analysis.gazetteer import place_names
from tui.analysis.key_terms import find_key_terms, zipf_frequencies
from tui.analysis.model import Entity, GlossaryEntry, Span
from tui.analysis.spans import SpanIndex

_MAX_DESCRIPTIONS = 3
_NAME_PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "zu", "di", "da", "du", "la", "le", "bin", "al"}
)


def build_glossary(
    text: str, lang: str, entities: Sequence[Entity], sentences: Sequence[Span] = ()
) -> list[GlossaryEntry]:
    """Entity cards and abbreviations in order of first mention, then the
    key terms, best first."""
    cards = _entity_cards(text, entities, lang)
    definitions = find_definitions(text)
    cards = _with_definitions(text, cards, definitions)
    cards += _undefined_abbreviations(text, lang, cards, definitions)
    describer = Describer(text, lang, [mention for card in cards for mention in card.mentions])
    entries = sorted((card.entry(describer, lang) for card in cards), key=lambda entry: entry.start)
    named = [mention for entry in entries for mention in entry.mentions]
    named += [definition.long for definition in definitions]
    return entries + find_key_terms(text, lang, sentences or _rough_sentences(text), named)


@dataclass
class _Card:
    """An entry while it is being built."""

    label: str
    mentions: list[Span]
    # Where the name stands in each mention: the mention without a role or
    # a run-on place; None for a genitive, which describes something else.
    names: list[Span | None]
    kind: str = "entity"
    name: str = ""
    expansion: str | None = None
    definition: Span | None = None
    facts: Facts = field(default_factory=tuple)

    def absorb(self, other: _Card) -> None:
        self.mentions += other.mentions
        self.names += other.names

    def surfaces(self) -> list[str]:
        ordered = sorted(self.mentions, key=lambda mention: mention.start)
        return list(dict.fromkeys(" ".join(mention.text.split()) for mention in ordered))

    def entry(self, describer: Describer, lang: str) -> GlossaryEntry:
        order = sorted(range(len(self.mentions)), key=lambda index: self.mentions[index].start)
        descriptions: dict[str, Span] = {}
        if self.definition is not None:
            descriptions[self.definition.text] = self.definition
        for index in order:
            name = self.names[index]
            if name is None or self.kind != "entity":
                continue
            mention = self.mentions[index]
            if name.start > mention.start:  # the role the model took into the span
                role = mention.text[: name.start - mention.start].rstrip()
                descriptions.setdefault(role, Span(mention.start, mention.start + len(role), role))
            for description in describer.describe(name):
                descriptions.setdefault(description.text, description)
        aliases = self.surfaces()
        facts = self.facts or facts_for([self.name, *aliases], self.label, lang)
        return GlossaryEntry(
            self.name,
            self.label,
            tuple(self.mentions[index] for index in order),
            aliases=tuple(aliases),
            descriptions=tuple(sorted(descriptions.values(), key=lambda span: span.start))[
                :_MAX_DESCRIPTIONS
            ],
            expansion=self.expansion,
            facts=facts,
            kind="abbreviation" if self.kind == "abbreviation" else "entity",
        )


def _entity_cards(text: str, entities: Sequence[Entity], lang: str) -> list[_Card]:
    places = place_names(lang)
    other_types = _majority_labels(entities)
    names = {id(entity): _name_span(entity, lang, places, other_types) for entity in entities}
    named = [entity for entity in entities if names[id(entity)] is not None]
    surfaces = {_text(names[id(entity)]) for entity in named}
    full_names = _full_names_by_surname(_text(names[id(e)]) for e in named if e.label == "PER")
    cards: dict[str, _Card] = {}
    votes: dict[str, Counter[str]] = {}
    for entity in named:
        name = names[id(entity)]
        assert name is not None
        key, genitive = _key(text, name, entity.label, surfaces, full_names, places, lang)
        card = cards.setdefault(key, _Card(entity.label, [], [], name=key))
        card.mentions.append(Span(entity.start, entity.end, entity.text))
        card.names.append(None if genitive else name)
        # Alias mentions only repeat a label found elsewhere.
        votes.setdefault(key, Counter())[entity.label] += 1 if entity.origin == "alias" else 2
    for key, card in cards.items():
        card.label = "PER" if key in full_names.values() else votes[key].most_common(1)[0][0]
    return _merge_territories(list(cards.values()), lang)


def _text(span: Span | None) -> str:
    return "" if span is None else " ".join(span.text.split())


def _majority_labels(entities: Sequence[Entity]) -> dict[str, str]:
    """The label each surface has most often, found by the model or the
    rules (alias mentions only repeat a label)."""
    votes: dict[str, Counter[str]] = {}
    for entity in entities:
        if entity.origin != "alias":
            votes.setdefault(" ".join(entity.text.split()), Counter())[entity.label] += 1
    return {text: counter.most_common(1)[0][0] for text, counter in votes.items()}


def _name_span(entity: Entity, lang: str, places: frozenset[str], labels: dict[str, str]) -> Span | None:
    """The well-formed name inside a mention, or None where the mention is
    no name at all (a role noun on its own)."""
    words = entity.text.split()
    if entity.label != "PER":
        return Span(entity.start, entity.end, entity.text)
    if len(words) == 1 and is_role(words[0], lang):
        return None
    first, last = 0, len(words)
    while last - first > 1 and is_role(words[first], lang):
        first += 1
    while last - first > 2 and (words[last - 1] in places or labels.get(words[last - 1], "PER") != "PER"):
        last -= 1
    if (first, last) == (0, len(words)):
        return Span(entity.start, entity.end, entity.text)
    start = entity.start + entity.text.index(words[first])
    end = entity.start + _word_end(entity.text, words, last)
    return Span(start, end, entity.text[start - entity.start : end - entity.start])


def _word_end(text: str, words: list[str], count: int) -> int:
    position = 0
    for word in words[:count]:
        position = text.index(word, position) + len(word)
    return position


def _full_names_by_surname(person_names: Iterable[str]) -> dict[str, str]:
    names: dict[str, set[str]] = {}
    for name in person_names:
        words = name.split()
        if len(words) >= 2 and all(w[0].isupper() or w in _NAME_PARTICLES for w in words):
            names.setdefault(words[-1], set()).add(name)
    # A surname shared by two full names ("Merkel" for two people) stays apart.
    return {surname: full.pop() for surname, full in names.items() if len(full) == 1}


def _key(
    text: str,
    name_span: Span,
    label: str,
    surfaces: set[str],
    full_names: dict[str, str],
    places: frozenset[str],
    lang: str,
) -> tuple[str, bool]:
    """The entry a name belongs to, and whether it is a German genitive: of a
    name the article also writes without -s, or one in a genitive's place."""
    name = _text(name_span)
    if label == "PER" and name in full_names:
        return full_names[name], False
    if lang == "de" and name.endswith("s") and len(name) > 3:
        base = name[:-1]
        if (
            base in surfaces
            or (label == "LOC" and name in places and base in places)
            or _stands_as_genitive(text, name_span)
        ):
            return full_names.get(base, base) if label == "PER" else base, True
    return name, False


def _stands_as_genitive(text: str, name: Span) -> bool:
    """A German genitive the article never writes without its -s: "des
    Kraftfahrt-Bundesamts", "Borussia Dortmunds Trainer", "die Küste
    Helgolands". It takes a genitive's place (after "des", before a noun, after
    a noun), and the word without its -s is clearly the more common one
    ("Reuters", "Paris", "Markus" are names with their s)."""
    head = name.text.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
    if len(head) < 4 or head.endswith(("ss", "us")):
        return False
    before = text[max(0, name.start - 24) : name.start]
    after = text[name.end : name.end + 2]
    if not (_GENITIVE_BEFORE.search(before) or _NOUN_AFTER.match(after)):
        return False
    zipfs = zipf_frequencies({head, head[:-1]}, "de")
    return zipfs[head[:-1]] >= zipfs[head] + _GENITIVE_MARGIN


# "des"/"eines", or a noun, right before the name; a capitalised word right after it.
_GENITIVE_BEFORE = re.compile(r"(?:\b(?:des|eines)|(?<![.!?]\s)\b[A-ZÄÖÜ][a-zäöüß]+)\s+$")
_NOUN_AFTER = re.compile(r"\s[A-ZÄÖÜ]")
# How much more common (Zipf) the word without -s must be: "Vereins"/"Verein" 0.5.
_GENITIVE_MARGIN = 0.5


def _merge_territories(cards: list[_Card], lang: str) -> list[_Card]:
    """One card per country, however the article writes it ("USA", "U.S.")."""
    by_code: dict[str, _Card] = {}
    kept = []
    for card in cards:
        code = territory_code(card.name, lang) if card.label == "LOC" else None
        if code is None or not code.isalpha():
            kept.append(card)
            continue
        if code in by_code:
            main = by_code[code]
            if len(card.mentions) > len(main.mentions):
                main.name = card.name
            main.absorb(card)
        else:
            by_code[code] = card
            kept.append(card)
    return kept


def _with_definitions(text: str, cards: list[_Card], definitions: list[Definition]) -> list[_Card]:
    """Defined abbreviations join the card of their long form (or of their
    short form, if the model found only that); the others get a card."""
    owners = {(m.start, m.end): card for card in cards for m in card.mentions}
    mentions = SpanIndex(m for card in cards for m in card.mentions)

    def card_at(span: Span) -> _Card | None:
        found = mentions.overlapping(span.start, span.end)
        return owners[found[0].start, found[0].end] if found else None

    defined: set[str] = set()
    for definition in definitions:
        short, long = definition.short.text, definition.long.text
        if short in defined:  # defined twice: the first definition holds
            continue
        defined.add(short)
        long_card = card_at(definition.long) or _card_named(cards, long)
        short_card = card_at(definition.short) or _card_named(cards, short)
        if long_card is not None and short_card is not None and long_card is not short_card:
            long_card.absorb(short_card)
            cards.remove(short_card)
            owners.update({(m.start, m.end): long_card for m in short_card.mentions})
        card = long_card or short_card
        if card is None:
            card = _Card("ABBR", [], [], kind="abbreviation", name=short, definition=definition.long)
            cards.append(card)
        elif card.name in long or card.name == short:
            card.name = long
        card.expansion = long
        for occurrence in occurrences(text, short):
            if not mentions.overlapping(occurrence.start, occurrence.end):
                card.mentions.append(occurrence)
                card.names.append(None)
    return cards


def _card_named(cards: list[_Card], name: str) -> _Card | None:
    return next((card for card in cards if card.name == name or name in card.surfaces()), None)


def _undefined_abbreviations(
    text: str, lang: str, cards: list[_Card], definitions: list[Definition]
) -> list[_Card]:
    """Abbreviations that name no entity found and that the article never
    defines ("CO2", "KI"): listed, with CLDR facts where they are currency codes."""
    known = {surface for card in cards for surface in card.surfaces()}
    known.update(definition.short.text for definition in definitions)
    taken = [mention for card in cards for mention in card.mentions]
    found: dict[str, _Card] = {}
    for span in find_abbreviations(text, taken):
        if span.text in known:
            continue
        card = found.setdefault(span.text, _Card("ABBR", [], [], kind="abbreviation", name=span.text))
        card.mentions.append(span)
        card.names.append(None)
    for card in found.values():
        card.facts = currency_facts(card.name, lang) or facts_for([card.name], "LOC", lang)
    return list(found.values())


def _rough_sentences(text: str) -> list[Span]:
    """Sentences where the caller has none: up to an end mark or a line end."""
    return [
        Span(match.start(), match.end(), match.group())
        for match in re.finditer(r"\S[^\n]*?(?:[.!?](?=\s|$)|(?=\n)|$)", text)
    ]
