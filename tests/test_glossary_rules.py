"""The glossary's building blocks on real sentences: the Schwartz–Hearst
abbreviation matcher, descriptions next to names, key-term frequencies."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.analysis.abbreviations import best_long_form, find_abbreviations, find_definitions
from tui.analysis.descriptions import Describer, is_role
from tui.analysis.glossary import build_glossary
from tui.analysis.key_terms import find_key_terms, zipf_frequency
from tui.analysis.model import Entity, Span


def definitions(text: str) -> list[tuple[str, str]]:
    return [(d.short.text, d.long.text) for d in find_definitions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Internationale Energieagentur (IEA) warnt.", [("IEA", "Internationale Energieagentur")]),
        ("Laut IEA (Internationale Energieagentur) steigt er.", [("IEA", "Internationale Energieagentur")]),
        ("Die Bundesagentur für Arbeit (BA) meldet.", [("BA", "Bundesagentur für Arbeit")]),
        ("Das Erneuerbare-Energien-Gesetz (EEG) gilt.", [("EEG", "Erneuerbare-Energien-Gesetz")]),
        ("Die Europäische Zentralbank (EZB, Frankfurt) hält.", [("EZB", "Europäische Zentralbank")]),
        ("The World Health Organization (WHO) said so.", [("WHO", "World Health Organization")]),
        ("Die Bundesnetzagentur (BNetzA) genehmigt.", [("BNetzA", "Bundesnetzagentur")]),
    ],
)
def test_definitions_in_both_directions(text: str, expected: list[tuple[str, str]]) -> None:
    assert definitions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Olaf Scholz (SPD) sagte das.",  # a party, not an abbreviation of the name
        "Bis 2030 (Zieljahr) wird gebaut.",
        "Das sagte er (Quelle: Bloomberg).",
        "Die Preise (in Euro) steigen.",
        "Ein Satz (ohne Abkürzung) endet.",
    ],
)
def test_no_definition_where_there_is_none(text: str) -> None:
    assert definitions(text) == []


def test_the_long_form_starts_where_the_first_letter_starts_a_word() -> None:
    assert best_long_form("BA", "Die Bundesagentur für Arbeit") == 4
    assert best_long_form("XYZ", "Die Bundesagentur für Arbeit") is None


def test_abbreviation_like_words() -> None:
    text = "RWE-Chef, CO2 und die BNetzA sowie U.S. und USA. Top 5, EU-Kommission, Hallo."
    assert [span.text for span in find_abbreviations(text)] == ["RWE", "CO2", "BNetzA", "U.S.", "USA", "EU"]


@given(st.text(alphabet="AB ()abcIE.-,\n", max_size=80))
def test_definitions_are_slices_of_the_text(text: str) -> None:
    for definition in find_definitions(text):
        for span in (definition.short, definition.long):
            assert text[span.start : span.end] == span.text
            assert span.text.strip() == span.text and span.text


def describe(text: str, name: str, others: tuple[str, ...] = ()) -> list[str]:
    start = text.index(name)
    spans = [Span(start, start + len(name), name)]
    spans += [Span(text.index(other), text.index(other) + len(other), other) for other in others]
    return [span.text for span in Describer(text, "de", spans).describe(spans[0])]


@pytest.mark.parametrize(
    ("text", "name", "others", "expected"),
    [
        (
            "Das sagte Jonas Wild, Analyst der Landesbank, am Montag.",
            "Jonas Wild",
            (),
            ["Analyst der Landesbank"],
        ),
        ("Bauamtsleiterin Petra Sommer verschiebt Bauvorhaben.", "Petra Sommer", (), ["Bauamtsleiterin"]),
        (
            "Der chinesische Smartphone-Hersteller Xiaomi wächst.",
            "Xiaomi",
            (),
            ["chinesische Smartphone-Hersteller"],
        ),
        (
            "Hugo Barra war zuvor als Vizepräsident bei Google tätig.",
            "Hugo Barra",
            ("Google",),
            ["Vizepräsident bei Google"],
        ),
        ("Xiaomi ist der größte Hersteller Chinas.", "Xiaomi", ("Chinas",), ["größte Hersteller Chinas"]),
        ("Laut Barra gibt es keinen Zeitplan.", "Barra", (), []),
        ("Obwohl Hugo Barra davon spricht, dauert es.", "Hugo Barra", (), []),
        ("Das sagte Hugo Barra, der früher bei Google war.", "Hugo Barra", ("Google",), []),
        ("Samsung, Apple und Huawei liefern.", "Samsung", ("Apple", "Huawei"), []),
        ("Das sagte Barra, Journalisten hörten zu.", "Barra", (), []),
        ("Vor der Küste Helgolands entsteht ein Windpark.", "Helgolands", (), []),
        ("Das bestätigte RWE-Chef Markus Krebber.", "Markus Krebber", (), ["RWE-Chef"]),
        (
            "Anhänger des früheren Ministerpräsidenten Thaksin Shinawatra",
            "Shinawatra",
            (),
            ["früheren Ministerpräsidenten"],
        ),
        ("Die neue Bauamtsleiterin Petra Sommer kam.", "Petra Sommer", (), ["neue Bauamtsleiterin"]),
    ],
)
def test_descriptions(text: str, name: str, others: tuple[str, ...], expected: list[str]) -> None:
    assert describe(text, name, others) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "“No,” warned Jessica Miller, an economist at the University of Hamburg.",
            "Jessica Miller",
            ["economist at the University of Hamburg"],
        ),
        ("said Mayor Peter Tschentscher on Monday.", "Peter Tschentscher", ["Mayor"]),
        ("said Peter Tschentscher, who was there.", "Peter Tschentscher", []),
    ],
)
def test_descriptions_in_english(text: str, name: str, expected: list[str]) -> None:
    start = text.index(name)
    spans = [Span(start, start + len(name), name)]
    if "University" in text:
        other = text.index("University of Hamburg")
        spans.append(Span(other, other + 21, "University of Hamburg"))
    assert [span.text for span in Describer(text, "en", spans).describe(spans[0])] == expected


def test_roles() -> None:
    assert is_role("Bundeswirtschaftsminister", "de")
    assert is_role("Nabu-Sprecherin", "de")
    assert not is_role("Barra", "de")
    assert not is_role("Hersteller", "de")


def test_word_frequencies() -> None:
    assert (
        zipf_frequency("Haus", "de") > zipf_frequency("Patente", "de") > zipf_frequency("Netzentgelt", "de")
    )
    assert zipf_frequency("Smartphonemarkt", "de") == 0.0
    # A hyphenated compound is rarer than each of its parts.
    assert 0 < zipf_frequency("Smartphone-Hersteller", "de") < zipf_frequency("Hersteller", "de")


def test_the_word_lists_read_directly_are_wordfreqs_own() -> None:
    from wordfreq import get_frequency_list
    from wordfreq import zipf_frequency as wordfreq_zipf

    from tui.analysis.key_terms import _read_wordlist

    assert _read_wordlist("de") == get_frequency_list("de", wordlist="large")
    for word in ("Haus", "Patente", "Netzentgelt", "Hersteller"):
        assert round(zipf_frequency(word, "de"), 2) == wordfreq_zipf(word, "de", wordlist="large")


def test_a_process_that_keeps_asking_gets_the_same_frequencies_from_a_table() -> None:
    from tui.analysis.key_terms import _FrequencyList

    frequencies = _FrequencyList("de")
    first = frequencies.frequencies({"haus", "patente", "smartphonemarkt"})
    for number in range(_FrequencyList._PASSES_BEFORE_TABLE + 1):  # each with a word not asked yet
        frequencies.frequencies({f"wort{number}"})
    assert frequencies._complete
    assert frequencies.frequencies({"haus", "patente", "smartphonemarkt"}) == first
    assert first["smartphonemarkt"] == 0.0 < first["patente"] < first["haus"]


def test_inflections_and_compounds_count_together() -> None:
    text = "Xiaomi kaufte Patente. Ein Patent schützt. Patentklagen drohen. Das Haus steht."
    terms = {term.name: term for term in find_key_terms(text, "de", [])}
    assert sorted(span.text for span in terms["Patent"].mentions) == ["Patent", "Patente"]
    assert "Haus" not in terms  # an everyday word
    assert terms["Patent"].score is not None and terms["Patentklagen"].score is not None
    # Used twice and inside a compound, "Patent" outranks the rarer compound used once.
    assert terms["Patent"].score > terms["Patentklagen"].score


def test_names_are_no_terms() -> None:
    text = "Xiaomi verkauft Smartphones."
    terms = find_key_terms(text, "de", [], exclude=[Span(0, 6, "Xiaomi")])
    assert [term.name for term in terms] == ["Smartphones"]


def test_english_terms_are_nouns_not_verbs_adverbs_or_names() -> None:
    text = (
        "Councillors voted to approve the tram line, which critics called badly costed. The union "
        "welcomed the tram, linking Headingley to the station crossing, and Headingley welcomed it too."
    )
    terms = [term.name for term in find_key_terms(text, "en", [])]
    assert "tram" in terms and "crossing" in terms
    assert not {"approve", "badly", "costed", "welcomed", "linking", "Headingley"} & set(terms)


_PIECES = [
    "Die ",
    "Bundesagentur für Arbeit",
    " (BA)",
    " IEA",
    " (Internationale Energieagentur)",
    " Hugo Barra",
    ", Analyst der Landesbank,",
    " Netzentgelte",
    " sind",
    " Chinas",
    ". ",
    "\n",
    " der Konzern",
    " NOK",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_every_glossary_span_slices_the_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    entities = []
    for name, label in (("Hugo Barra", "PER"), ("Bundesagentur für Arbeit", "ORG"), ("Chinas", "LOC")):
        start = text.find(name)
        if start >= 0:
            entities.append(Entity(start, start + len(name), name, label))
    for entry in build_glossary(text, "de", sorted(entities, key=lambda entity: entity.start)):
        assert entry.mentions
        for span in (*entry.mentions, *entry.descriptions):
            assert text[span.start : span.end] == span.text


def test_a_german_genitive_is_named_without_its_s_but_names_ending_in_s_keep_it() -> None:
    text = (
        "Nach Angaben des Kraftfahrt-Bundesamts stieg die Zahl. Borussia Dortmunds Trainer schwieg. "
        "Vor der Küste Helgolands meldete Reuters Wind, in Paris sagte Markus das auch."
    )
    entities = [
        Entity(text.index(name), text.index(name) + len(name), name, label=label)
        for name, label in (
            ("Kraftfahrt-Bundesamts", "ORG"),
            ("Borussia Dortmunds", "ORG"),
            ("Helgolands", "LOC"),
            ("Reuters", "ORG"),
            ("Paris", "LOC"),
            ("Markus", "PER"),
        )
    ]
    assert [entry.name for entry in build_glossary(text, "de", entities) if entry.kind == "entity"] == [
        "Kraftfahrt-Bundesamt",
        "Borussia Dortmund",
        "Helgoland",
        "Reuters",
        "Paris",
        "Markus",
    ]
