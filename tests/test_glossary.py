"""The glossary: entity cards, abbreviations, CLDR facts and key terms,
end to end against hand-made references (the seed article and two articles
written for these tests, in tests/data/glossary/) and rule by rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.analysis import Analysis, analyze
from tui.analysis.entities import with_aliases
from tui.analysis.glossary import build_glossary
from tui.analysis.model import Entity, GlossaryEntry

from .conftest import ROOT, load_reference

REFERENCES = sorted((ROOT / "tests" / "data" / "glossary").glob("*.json"))


@pytest.fixture(scope="module", params=REFERENCES, ids=lambda path: path.stem)
def case(request) -> tuple[dict, Analysis]:
    reference = load_reference(request.param)
    return reference, analyze((ROOT / reference["article"]).read_text("utf-8"), reference["lang"])


def entries(analysis: Analysis, kind: str) -> list[GlossaryEntry]:
    return [entry for entry in analysis.glossary if entry.kind == kind]


def entry_known_as(analysis: Analysis, name: str) -> GlossaryEntry:
    found = [entry for entry in analysis.glossary if name == entry.name or name in entry.aliases]
    assert len(found) == 1, f"{name!r} is in {len(found)} entries: {[entry.name for entry in found]}"
    return found[0]


def test_every_reference_entity_once_with_its_aliases(case) -> None:
    reference, analysis = case
    for expected in reference["entities"]:
        cards = [
            entry
            for entry in entries(analysis, "entity")
            if entry.name == expected["name"] or set(expected["aliases"]) & set(entry.aliases)
        ]
        assert [(card.name, card.label) for card in cards] == [(expected["name"], expected["label"])]
        assert set(expected["aliases"]) <= set(cards[0].aliases), cards[0].aliases


def test_no_surface_form_is_in_two_entries(case) -> None:
    _, analysis = case
    seen: dict[str, str] = {}
    for entry in analysis.glossary:
        for alias in entry.aliases:
            assert seen.setdefault(alias, entry.name) == entry.name, f"{alias!r} in two entries"


def test_the_descriptions_the_text_gives_and_no_others(case) -> None:
    reference, analysis = case
    for expected in reference["entities"]:
        found = [span.text for span in entry_known_as(analysis, expected["name"]).descriptions]
        assert found == reference["descriptions"].get(expected["name"], []), expected["name"]


def test_every_person_has_a_description(case) -> None:
    reference, analysis = case
    for person in (entity["name"] for entity in reference["entities"] if entity["label"] == "PER"):
        assert person in reference["descriptions"], f"the reference lacks {person}'s description"
        assert entry_known_as(analysis, person).descriptions


def test_defined_abbreviations_with_their_expansion(case) -> None:
    reference, analysis = case
    for short, long in reference["abbreviations"].items():
        assert entry_known_as(analysis, short).expansion == long


def test_abbreviations_without_a_definition(case) -> None:
    reference, analysis = case
    undefined = [entry.name for entry in entries(analysis, "abbreviation") if entry.expansion is None]
    assert undefined == reference["undefined_abbreviations"]


def test_cldr_facts_for_every_country(case) -> None:
    reference, analysis = case
    for name, facts in reference["facts"].items():
        found = dict(entry_known_as(analysis, name).facts)
        assert {key: found.get(key) for key in facts} == facts


def test_key_terms_in_the_top_ten(case) -> None:
    reference, analysis = case
    terms = entries(analysis, "term")
    assert len(terms) <= 10
    assert [term.score for term in terms] == sorted((term.score or 0 for term in terms), reverse=True)
    top = [term.name for term in terms]
    assert set(reference["key_terms"]) <= set(top), top


def test_key_terms_with_their_defining_sentence(case) -> None:
    reference, analysis = case
    for name, start in reference["definitions"].items():
        (term,) = [term for term in entries(analysis, "term") if term.name == name]
        assert term.descriptions[0].text.startswith(start)


def test_roles_and_common_nouns_are_no_names(case) -> None:
    reference, analysis = case
    names = {alias for entry in entries(analysis, "entity") for alias in (entry.name, *entry.aliases)}
    assert not names & set(reference["not_names"])


def test_every_span_slices_the_text(case) -> None:
    _, analysis = case
    for entry in analysis.glossary:
        for span in (*entry.mentions, *entry.descriptions):
            assert analysis.text[span.start : span.end] == span.text
        assert entry.mentions == tuple(sorted(entry.mentions, key=lambda span: span.start))


def test_json_keeps_the_old_keys_and_adds_the_new() -> None:
    analysis = analyze("Die Internationale Energieagentur (IEA) warnt Norwegen.", "de")
    cards = {entry["text"]: entry for entry in analysis.to_json()["glossary"]}
    assert cards["Internationale Energieagentur"] == {
        "text": "Internationale Energieagentur",
        "label": "ORG",
        "start": 4,
        "end": 33,
        "count": 2,
        "mentions": [
            {"start": 4, "end": 33, "text": "Internationale Energieagentur"},
            {"start": 35, "end": 38, "text": "IEA"},
        ],
        "aliases": ["Internationale Energieagentur", "IEA"],
        "descriptions": [],
        "expansion": "Internationale Energieagentur",
        "facts": {},
        "kind": "entity",
    }
    assert cards["Norwegen"]["facts"] == {
        "iso": "NO",
        "name": "Norwegen",
        "name_en": "Norway",
        "currency": "NOK",
        "currency_name": "Norwegische Krone",
        "currency_name_en": "Norwegian Krone",
    }


# Merging, rule by rule, on the entities a model gives (spans as it found them).


def entity(text: str, phrase: str, label: str, occurrence: int = 0, origin: str = "model") -> Entity:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Entity(start, start + len(phrase), phrase, label, origin)


def glossary_of(text: str, found: list[Entity]) -> list[tuple[str, str, int]]:
    cards = build_glossary(text, "de", with_aliases(text, found))
    return [(entry.name, entry.label, len(entry.mentions)) for entry in cards if entry.kind == "entity"]


def test_an_over_long_person_span_does_not_swallow_the_city() -> None:
    # As a new user saw it on a long text: the model ran "Alfred Döblin" into
    # "Berlin", and every Berlin became that person.
    text = (
        "Der Roman von Alfred Döblin Berlin Alexanderplatz spielt in Berlin. "
        "Berlin war damals laut. Döblin lebte in Berlin. In Berlin wohnte er lange."
    )
    found = [entity(text, "Alfred Döblin Berlin", "PER")]
    found += [entity(text, "Berlin", "LOC", occurrence) for occurrence in range(1, 5)]
    found += [entity(text, "Döblin", "PER", 1)]
    assert glossary_of(text, found) == [("Alfred Döblin", "PER", 2), ("Berlin", "LOC", 4)]


def test_a_role_noun_is_no_person() -> None:
    # The model tagged the role noun as a person now and then; repeated as an
    # alias, "Ministerpräsident" became a person with a dozen mentions.
    text = (
        "Ministerpräsident Woidke reiste nach Cottbus. Der Ministerpräsident sprach. "
        "Woidke sagte, der Ministerpräsident werde wiederkommen."
    )
    found = [
        entity(text, "Ministerpräsident Woidke", "PER"),
        entity(text, "Cottbus", "LOC"),
        entity(text, "Ministerpräsident", "PER", 1),
        entity(text, "Woidke", "PER", 1),
    ]
    assert glossary_of(text, found) == [("Woidke", "PER", 2), ("Cottbus", "LOC", 1)]
    (woidke,) = [entry for entry in build_glossary(text, "de", found) if entry.name == "Woidke"]
    assert [span.text for span in woidke.descriptions] == ["Ministerpräsident"]  # from inside the span


def test_surnames_genitives_and_country_names_merge() -> None:
    text = "Xiaomi wächst. Xiaomis Chef Hugo Barra lobt China. Chinas Markt sei groß, sagte Barra über die USA und die U.S."
    found = [
        entity(text, "Xiaomi", "ORG"),
        entity(text, "Xiaomis", "ORG"),
        entity(text, "Hugo Barra", "PER"),
        entity(text, "China", "LOC"),
        entity(text, "Chinas", "LOC"),
        entity(text, "Barra", "PER", 1),
        entity(text, "USA", "LOC"),
        entity(text, "U.S.", "LOC"),
    ]
    assert glossary_of(text, found) == [
        ("Xiaomi", "ORG", 2),
        ("Hugo Barra", "PER", 2),
        ("China", "LOC", 2),
        ("USA", "LOC", 2),
    ]


def test_a_surname_merges_only_into_a_person() -> None:
    text = "Paul Essen kam nach Essen. Essen ist eine Stadt."
    found = [
        entity(text, "Paul Essen", "PER"),
        entity(text, "Essen", "LOC", 1),
        entity(text, "Essen", "LOC", 2),
    ]
    assert glossary_of(text, found) == [("Paul Essen", "PER", 1), ("Essen", "LOC", 2)]


def test_the_short_form_joins_the_card_of_its_long_form() -> None:
    text = "Die Bundesagentur für Arbeit (BA) meldet mehr Stellen. Die BA rechnet mit mehr."
    found = [entity(text, "Bundesagentur für Arbeit", "ORG"), entity(text, "BA", "ORG", 1)]
    (card,) = [entry for entry in build_glossary(text, "de", found) if entry.kind != "term"]
    assert (card.name, card.expansion, card.aliases) == (
        "Bundesagentur für Arbeit",
        "Bundesagentur für Arbeit",
        ("Bundesagentur für Arbeit", "BA"),
    )
    assert [mention.text for mention in card.mentions] == ["Bundesagentur für Arbeit", "BA", "BA"]


def test_an_abbreviation_that_names_no_entity_gets_its_own_entry() -> None:
    text = "Das Erneuerbare-Energien-Gesetz (EEG) wird geändert. Das EEG regelt die Vergütung. Kurs in NOK."
    abbreviations = {
        entry.name: entry for entry in build_glossary(text, "de", []) if entry.kind == "abbreviation"
    }
    assert abbreviations["EEG"].expansion == "Erneuerbare-Energien-Gesetz"
    assert [span.text for span in abbreviations["EEG"].descriptions] == ["Erneuerbare-Energien-Gesetz"]
    assert len(abbreviations["EEG"].mentions) == 2
    assert abbreviations["NOK"].expansion is None
    assert dict(abbreviations["NOK"].facts) == {
        "code": "NOK",
        "name": "Norwegische Krone",
        "name_en": "Norwegian Krone",
    }


def test_the_glossary_of_a_text_without_names_is_only_terms() -> None:
    text = "Die Netzentgelte steigen. Netzentgelte sind Gebühren für die Nutzung der Stromnetze."
    (term,) = [entry for entry in build_glossary(text, "de", []) if entry.name == "Netzentgelte"]
    assert (term.kind, term.label, len(term.mentions)) == ("term", "TERM", 2)
    assert term.score is not None and term.score > 0
    assert [span.text for span in term.descriptions] == [
        "Netzentgelte sind Gebühren für die Nutzung der Stromnetze."
    ]


def test_empty_text() -> None:
    assert build_glossary("", "de", []) == []


@pytest.mark.parametrize("path", [Path("seeds/windpark-nordsee.de.txt")])
def test_roles_before_names_in_the_second_seed(path: Path) -> None:
    analysis = analyze((ROOT / path).read_text("utf-8"), "de")
    described = {entry.name: [span.text for span in entry.descriptions] for entry in analysis.glossary}
    assert described["Markus Krebber"] == ["RWE-Chef"]
    assert described["Anna Berger"] == ["Nabu-Sprecherin"]
    assert described["Robert Habeck"] == ["Bundeswirtschaftsminister"]
