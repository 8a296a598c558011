"""The rule layer: an ``entity_ruler`` with gazetteer and pattern matches.

It runs after any statistical NER and never overwrites its entities, so it
only fills gaps (a country the model missed) or, without a model, gives an
honest baseline. Matches carry the pattern id ``rules`` so their origin shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from spacy.lang.de.stop_words import STOP_WORDS as GERMAN_STOP_WORDS
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

from tui.analysis.gazetteer import (
    RULES_ID,
    common_noun_abbreviations,
    given_names,
    known_labels,
    organisation_names,
    place_names,
)

_LEGAL_FORMS = [
    "GmbH",
    "AG",
    "SE",
    "KG",
    "KGaA",
    "Inc.",
    "Inc",
    "Corp.",
    "Ltd.",
    "Ltd",
    "LLC",
    "e.V.",
    "plc",
    "Co.",
]
# "University of Hamburg", "Ministerium für Wirtschaft": the head noun makes an organisation.
_INSTITUTIONS = [
    "University",
    "Universität",
    "Ministry",
    "Ministerium",
    "Institute",
    "Institut",
    "Bundesamt",
    "Department",
]
# A bank is an institution only before "of"/"für": "Bank der Spötter" is a bench.
_BANKS = ["Bank"]
_NAME_PARTICLES = ["von", "van", "de", "der", "zu", "di", "da", "del", "bin", "al"]


def rule_patterns(lang: str) -> list[dict[str, Any]]:
    places = place_names(lang)
    organisations = organisation_names() - places
    patterns: list[dict[str, Any]] = [
        {"label": "LOC", "pattern": name, "id": RULES_ID} for name in sorted(places)
    ]
    patterns += [{"label": "ORG", "pattern": name, "id": RULES_ID} for name in sorted(organisations)]
    patterns += person_patterns(given_names())
    patterns += [
        {
            "label": "ORG",
            "id": RULES_ID,
            "pattern": [
                # Not "Co" of "… Stiftung & Co KG": the name is before it.
                {
                    "IS_TITLE": True,
                    "IS_STOP": False,
                    "ORTH": {"NOT_IN": ["Co", *_LEGAL_FORMS]},
                    "OP": "{1,3}",
                },
                {"ORTH": {"IN": _LEGAL_FORMS}},
            ],
        },
        {
            "label": "ORG",
            "id": RULES_ID,
            "pattern": [
                {"ORTH": {"IN": _INSTITUTIONS}},
                {"LOWER": {"IN": ["of", "für", "der", "des"]}},
                {"IS_TITLE": True, "OP": "{1,3}"},
            ],
        },
        {
            "label": "ORG",
            "id": RULES_ID,
            "pattern": [
                {"ORTH": {"IN": _BANKS}},
                {"LOWER": {"IN": ["of", "für"]}},
                {"IS_TITLE": True, "OP": "{1,3}"},
            ],
        },
    ]
    return patterns


def person_patterns(first_names: Iterable[str]) -> list[dict[str, Any]]:
    """A given name, maybe a second one or a particle, then a capitalised word."""
    first = {"ORTH": {"IN": sorted(first_names)}}
    surname = {"IS_TITLE": True, "IS_STOP": False, "LENGTH": {">": 1}}
    return [
        {"label": "PER", "id": RULES_ID, "pattern": [first, surname]},
        {"label": "PER", "id": RULES_ID, "pattern": [first, first, surname]},
        {"label": "PER", "id": RULES_ID, "pattern": [first, {"ORTH": {"IN": _NAME_PARTICLES}}, surname]},
    ]


def add_rule_layer(nlp: Language, lang: str) -> None:
    ruler = cast(
        EntityRuler,
        nlp.add_pipe(
            "entity_ruler",
            name="randnotiz_rules",
            config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"},
        ),
    )
    # Phrase patterns match on ORTH: the tokenizer is all they need, and
    # running the NER over a thousand names would cost a quarter second.
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(rule_patterns(lang))
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("randnotiz_entity_edges", before="randnotiz_rules")
        nlp.add_pipe("randnotiz_curated_names", before="randnotiz_rules")


@Language.factory("randnotiz_curated_names")
def _make_curated_names(nlp: Language, name: str) -> CuratedNames:
    return CuratedNames(nlp)


# English titles before a name: not part of it ("Mayor Peter Tschentscher"). WikiANN, the
# English model's largest corpus, often includes them, and even tags "President Bush" ORG.
PERSON_TITLES = frozenset(
    {
        "President",
        "Vice",
        "Prime",
        "Minister",
        "Mayor",
        "Governor",
        "Senator",
        "Sen.",
        "Rep.",
        "Chancellor",
        "Secretary",
        "Premier",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Judge",
        "Chairman",
        "Gen.",
        "Colonel",
        "Captain",
        "Sir",
        "Lord",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Pope",
    }
)
# A title before words like these starts an organisation's or a place's name ("King's College").
_NOT_PERSON_HEADS = frozenset(
    {
        "of",
        "'s",
        "School",
        "College",
        "University",
        "Hospital",
        "Bridge",
        "Street",
        "Island",
        "Department",
        "Ministry",
        "Office",
        "Party",
        "Council",
        "Court",
    }
)


@Language.component("randnotiz_entity_edges")
def trim_entity_edges(doc: Doc) -> Doc:
    """Model entities do not start or end with quotes, brackets, commas or
    the typewriter guillemets of ">> Barra", which the NER never saw in
    training and may take in. What is left must not be a lone function word
    ("<<We" in an English quote) or a common noun's abbreviation ("KI"). Other marks stay: "Yahoo!", "Chr." and
    "Der Tag, als …" are names with their marks. English titles before a
    name are cut off, and what follows them is a person."""
    entities = []
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and _is_edge_mark(doc[start]):
            start += 1
        while end > start and _is_edge_mark(doc[end - 1]):
            end -= 1
        label = ent.label
        titled = title_length([token.text for token in doc[start:end]]) if ent.label_ in {"PER", "ORG"} else 0
        if titled:
            start += titled
            label = doc.vocab.strings.add("PER")
        if end - start > 1 or (end - start == 1 and _may_be_a_name(doc[start])):
            entities.append(
                ent
                if (start, end, label) == (ent.start, ent.end, ent.label)
                else Span(doc, start, end, label=label)
            )
    doc.ents = entities
    return doc


def _may_be_a_name(token: Token) -> bool:
    """A lone function word is no name, unless it is an acronym ("MIR", "US");
    a lone "KI" or "BIP" never is."""
    if token.text in common_noun_abbreviations():
        return False
    return token.lower_ not in _FUNCTION_WORDS or _is_acronym(token)


def _is_acronym(token: Token) -> bool:
    """ "AS" of "AS Rom", "AG" of "Audi AG": upper case, so part of a name even
    where the lower-case form is a function word."""
    return len(token) > 1 and token.is_upper


def title_length(words: list[str]) -> int:
    """How many leading ``words`` are a title before a person's name: 2 in
    "Prime Minister Rishi Sunak", 0 in "King's College" or "Pope"; the caller
    applies it to persons and organisations only ("Prince Edward Island")."""
    length = 0
    while length < len(words) and words[length] in PERSON_TITLES:
        length += 1
    rest = words[length:]
    if not length or not rest or not rest[0][:1].isupper() or _NOT_PERSON_HEADS & set(rest):
        return 0
    return length


def _is_edge_mark(token: Token) -> bool:
    return token.is_quote or token.is_bracket or token.text in _EDGE_MARKS


_EDGE_MARKS = {"<<", ">>", ",", ";"}


class CuratedNames:
    """Settles where a curated name and a model entity overlap:

    - the curated name strictly contains the entity ("Bloomberg Television"
      around "Bloomberg"): the model saw a prefix of a name it did not know;
    - the entity is the curated name plus words no name is made of —
      function words, lowercase words and marks such as "<<"
      ("<<The U.S. is a market that we"):
      the model guessed the edges, typically in a foreign-language passage.

    In both cases the curated name wins; every other model entity stays.
    """

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for label in ("ORG", "LOC"):
            names = [name for name, known in known_labels(nlp.lang).items() if known == label]
            self.matcher.add(label, list(cast(Tokenizer, nlp.tokenizer).pipe(names)))

    def __call__(self, doc: Doc) -> Doc:
        entities = list(doc.ents)
        changed = False
        for match_id, start, end in self.matcher(doc):
            overlapping = [ent for ent in entities if ent.start < end and ent.end > start]
            if not overlapping or any((ent.start, ent.end) == (start, end) for ent in overlapping):
                continue
            inside = all(start <= ent.start and ent.end <= end for ent in overlapping)
            padded = len(overlapping) == 1 and _padded_name(doc, overlapping[0], start, end)
            if inside or padded:
                entities = [ent for ent in entities if ent not in overlapping]
                entities.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
                changed = True
        if changed:
            doc.ents = sorted(entities, key=lambda ent: ent.start)
        return doc


def _padded_name(doc: Doc, entity: Span, start: int, end: int) -> bool:
    """Does ``entity`` cover [start, end) plus only words that are not names?"""
    if not (entity.start <= start and end <= entity.end):
        return False
    extra = [token for token in entity if not start <= token.i < end]
    return all(
        _is_mark(token) or token.is_lower or (token.lower_ in _FUNCTION_WORDS and not _is_acronym(token))
        for token in extra
    )


def _is_mark(token: Token) -> bool:
    """Punctuation or a symbol such as the "<<" of typewriter guillemets."""
    return not any(char.isalnum() for char in token.text)


# Both languages' stop words: quoted English inside German news is common.
_FUNCTION_WORDS = GERMAN_STOP_WORDS | ENGLISH_STOP_WORDS
