"""The rule layer and the document-level consistency passes, on the
rules-only pipeline so the expectations do not move with the model."""

from tui.analysis import analyze


def entities(text: str, lang: str = "de") -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in analyze(text, lang, model="rules").entities]


def test_cldr_places_in_german_with_genitive() -> None:
    assert entities(
        "Wie in Indien will Xiaomi auch in Vereinigte Staaten und Wien wachsen, trotz Chinas Lage."
    ) == [
        ("Indien", "LOC"),
        ("Xiaomi", "ORG"),
        ("Vereinigte Staaten", "LOC"),
        ("Wien", "LOC"),
        ("Chinas", "LOC"),
    ]


def test_cldr_places_in_english() -> None:
    assert entities("Sales in Germany and Tokyo rose.", "en") == [("Germany", "LOC"), ("Tokyo", "LOC")]


def test_persons_from_given_names_and_their_surnames_later() -> None:
    assert entities("Hugo Barra wechselte zu Xiaomi. Barra sagte nichts.") == [
        ("Hugo Barra", "PER"),
        ("Xiaomi", "ORG"),
        ("Barra", "PER"),
    ]


def test_organisations_with_legal_forms() -> None:
    assert entities("Die Muster Solar GmbH baut in Hamburg.") == [
        ("Muster Solar GmbH", "ORG"),
        ("Hamburg", "LOC"),
    ]


def test_institutions_with_their_place() -> None:
    assert entities("She is an economist at the University of Hamburg.", "en") == [
        ("University of Hamburg", "ORG")
    ]


def test_every_entity_is_a_slice_of_the_text() -> None:
    text = "„Apple“ und Samsung, sagte Tim Cook in München."
    analysis = analyze(text, "de", model="rules")
    assert analysis.entities
    for entity in analysis.entities:
        assert text[entity.start : entity.end] == entity.text


def test_glossary_merges_surnames_and_genitives() -> None:
    analysis = analyze("Hugo Barra kam nach China. Chinas Markt lockt Barra.", "de", model="rules")
    assert [(g.name, g.label, len(g.mentions)) for g in analysis.glossary] == [
        ("Hugo Barra", "PER", 2),
        ("China", "LOC", 2),
    ]


def test_a_curated_name_wins_over_a_model_entity_it_contains() -> None:
    import spacy
    from spacy.tokens import Span

    from tui.analysis.rules import CuratedNames

    nlp = spacy.blank("de")
    doc = nlp("Barra sagte bei Bloomberg Television und bei Bloomberg etwas.")
    doc.ents = [Span(doc, 3, 4, label="ORG"), Span(doc, 7, 8, label="ORG")]
    doc = CuratedNames(nlp)(doc)
    assert [(ent.text, ent.label_) for ent in doc.ents] == [
        ("Bloomberg Television", "ORG"),
        ("Bloomberg", "ORG"),
    ]


def test_a_curated_name_does_not_cut_a_longer_model_entity() -> None:
    # "Deutsche Bank" is curated; the model's longer name stays.
    import spacy
    from spacy.tokens import Span

    from tui.analysis.rules import CuratedNames

    nlp = spacy.blank("de")
    doc = nlp("Die Deutsche Bank Stiftung hilft.")
    doc.ents = [Span(doc, 1, 4, label="ORG")]
    assert [ent.text for ent in CuratedNames(nlp)(doc).ents] == ["Deutsche Bank Stiftung"]


def test_a_model_entity_padded_with_function_words_is_trimmed_to_the_curated_name() -> None:
    import spacy
    from spacy.tokens import Span

    from tui.analysis.rules import CuratedNames

    nlp = spacy.blank("de")
    doc = nlp("„The U.S. is a market that we definitely have“, sagte er.")
    doc.ents = [Span(doc, 1, 10, label="MISC")]  # "The U.S. is a market that we definitely"
    assert [(ent.text, ent.label_) for ent in CuratedNames(nlp)(doc).ents] == [("U.S.", "LOC")]


def test_an_acronym_is_part_of_the_name_not_padding_around_a_curated_one() -> None:
    # "as" and "ag" are stop words, "AS" and "AG" are not: the model's club and company stay.
    import spacy
    from spacy.tokens import Span

    from tui.analysis.rules import CuratedNames

    nlp = spacy.blank("de")
    doc = nlp("Die AS Rom verhandelt mit der Audi AG.")
    doc.ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 6, 8, label="ORG")]
    assert [(ent.text, ent.label_) for ent in CuratedNames(nlp)(doc).ents] == [
        ("AS Rom", "ORG"),
        ("Audi AG", "ORG"),
    ]


def test_legal_forms_and_banks_need_a_name_before_or_after_them() -> None:
    assert entities("Die Robert Murjahn Stiftung & Co KG und die Bank der Spötter.") == [
        ("Robert Murjahn", "PER")
    ]
    assert entities("Die Bank für Gemeinwirtschaft schloss.") == [("Bank für Gemeinwirtschaft", "ORG")]


def test_a_lone_common_noun_abbreviation_is_no_name() -> None:
    import spacy
    from spacy.tokens import Span

    from tui.analysis.rules import trim_entity_edges

    nlp = spacy.blank("de")
    doc = nlp("Der Einsatz von KI bei der Planung und die KI-Strategie von CD Projekt.")
    doc.ents = [Span(doc, 3, 4, label="ORG"), Span(doc, 9, 10, label="MISC"), Span(doc, 11, 13, label="ORG")]
    assert [(ent.text, ent.label_) for ent in trim_entity_edges(doc).ents] == [
        ("KI-Strategie", "MISC"),
        ("CD Projekt", "ORG"),
    ]


def test_the_models_labels_for_derived_words_and_compounds_are_not_shown() -> None:
    import spacy
    from spacy.tokens import Span

    from tui.analysis.entities import entities_from_doc

    nlp = spacy.blank("de")
    doc = nlp("Die deutsche EU-Kommission tagt in Brüssel.")
    doc.ents = [
        Span(doc, 1, 2, label="LOCderiv"),
        Span(doc, 2, 3, label="ORGpart"),
        Span(doc, 5, 6, label="LOC"),
    ]
    assert [(e.text, e.label, e.start) for e in entities_from_doc(doc, offset=10)] == [("Brüssel", "LOC", 45)]


def test_a_model_entity_padded_with_typewriter_guillemets_is_trimmed_too() -> None:
    import spacy
    from spacy.tokens import Span

    from tui.analysis.rules import CuratedNames

    nlp = spacy.blank("de")
    doc = nlp("<< The U.S. is a market that we definitely have in our sights >>")
    doc.ents = [Span(doc, 0, 11, label="MISC")]  # "<< The U.S. is a market that we definitely have in our"
    assert [(ent.text, ent.label_) for ent in CuratedNames(nlp)(doc).ents] == [("U.S.", "LOC")]


def test_model_entities_lose_marks_at_their_edges_and_are_never_only_function_words() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    from tui.analysis.rules import trim_entity_edges

    words = [
        "sights",
        ",",
        ">>",
        "Barra",
        "sagte",
        ">>",
        "bei",
        "Bloomberg",
        ",",
        "<<",
        "We",
        "will",
        "Yahoo",
        "!",
    ]
    doc = Doc(spacy.blank("de").vocab, words=words)
    doc.ents = [
        Span(doc, 2, 4, label="PER"),
        Span(doc, 5, 6, label="PER"),
        Span(doc, 7, 9, label="ORG"),
        Span(doc, 9, 11, label="PER"),
        Span(doc, 12, 14, label="ORG"),
    ]
    assert [(ent.text, ent.label_) for ent in trim_entity_edges(doc).ents] == [
        ("Barra", "PER"),
        ("Bloomberg", "ORG"),
        ("Yahoo !", "ORG"),
    ]
