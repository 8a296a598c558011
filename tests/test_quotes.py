"""Quotes on real sentences, with the rules-only pipeline so the expected
speakers do not depend on the statistical model."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.analysis import analyze
from tui.analysis.quotes import group_sources
from tui.analysis.subjunctive import is_subjunctive


def quotes(text: str, lang: str = "de") -> list[tuple]:
    """(kind, text, speaker) of every quote and report, titles left out."""
    analysis = analyze(text, lang, model="rules")
    return [
        (q.kind, q.text, q.speaker.text if q.speaker else None) for q in analysis.quotes if q.kind != "title"
    ]


def speaker_names(text: str, lang: str = "de") -> list[str | None]:
    return [q.speaker_name for q in analyze(text, lang, model="rules").quotes if q.kind != "title"]


@pytest.mark.parametrize(
    "text",
    [
        "„Wir bleiben“, sagte Angela Merkel.",
        "»Wir bleiben«, sagte Angela Merkel.",
        "«Wir bleiben», sagte Angela Merkel.",
        '"Wir bleiben", sagte Angela Merkel.',
        "“Wir bleiben”, sagte Angela Merkel.",
        "‚Wir bleiben‘, sagte Angela Merkel.",
        "<<Wir bleiben>>, sagte Angela Merkel.",
        "„Wir bleiben'', sagte Angela Merkel.",
    ],
)
def test_every_common_quotation_style(text: str) -> None:
    assert quotes(text) == [("direct", "Wir bleiben", "Angela Merkel")]


def test_speaker_before_with_colon() -> None:
    assert quotes("Angela Merkel sagte: „Wir schaffen das.“") == [
        ("direct", "Wir schaffen das.", "Angela Merkel")
    ]


def test_quote_spanning_sentences() -> None:
    assert quotes("„Das ist gut. Das ist sehr gut“, sagte Thomas Müller.") == [
        ("direct", "Das ist gut. Das ist sehr gut", "Thomas Müller")
    ]


def test_nested_quote_is_kept_inside_its_quote() -> None:
    assert quotes("„Er rief ‚Wir kommen wieder‘ und ging“, sagte Peter Meier.") == [
        ("direct", "Er rief ‚Wir kommen wieder‘ und ging", "Peter Meier"),
        ("direct", "Wir kommen wieder", "Er"),
    ]


def test_wrapper_quote_around_attributed_quotes_is_dropped() -> None:
    text = "„<<We are coming,>> Barra said on Bloomberg Television. <<Soon.>>“ Hugo Barra lächelte."
    assert quotes(text) == [("direct", "We are coming,", "Barra"), ("direct", "Soon.", "Barra")]


def test_apostrophes_are_not_quotes() -> None:
    assert quotes("Xiaomi’s phones don’t sell in the U.S., Tim Cook said.", "en") == [
        ("indirect", "Xiaomi’s phones don’t sell in the U.S", "Tim Cook")
    ]


def test_unclosed_quote_does_not_run_into_the_next_paragraph() -> None:
    assert quotes("„Offen bis zum Ende\nNeuer Absatz ohne Zitat.") == []


def test_unbalanced_mark_does_not_swallow_the_next_quote() -> None:
    text = "Der Streit um das „Gesetz ging weiter. Später sagte Peter Meier: „Wir bleiben hart.“"
    assert quotes(text) == [("direct", "Wir bleiben hart.", "Peter Meier")]


def test_titles_and_names_in_quotation_marks_are_titles_not_quotes() -> None:
    text = (
        "Am Sonntag lief der „Tatort“, wie Redakteure des „Hamburger Abendblatts“ schrieben. "
        "Danach spielte die Band „Bella Ciao“ im Saal „Zur Ritze“."
    )
    analysis = analyze(text, "de", model="rules")
    assert [(q.kind, q.text) for q in analysis.quotes] == [
        ("title", "Tatort"),
        ("title", "Hamburger Abendblatts"),
        ("title", "Bella Ciao"),
        ("title", "Zur Ritze"),
    ]


def test_a_scare_quote_is_a_term_but_an_attributed_fragment_is_a_quote() -> None:
    text = "Die „große Koalition“ tagte. Peter Meier nannte den Plan „völlig verfehlt“."
    analysis = analyze(text, "de", model="rules")
    assert [(q.kind, q.text) for q in analysis.quotes] == [
        ("title", "große Koalition"),
        ("direct", "völlig verfehlt"),
    ]


def test_pronoun_speaker_is_resolved_to_the_last_person() -> None:
    text = "Angela Merkel besuchte Kiel. Sie ergänzte: „Wir kommen wieder.“"
    assert quotes(text) == [("direct", "Wir kommen wieder.", "Sie")]
    assert speaker_names(text) == ["Angela Merkel"]


def test_role_noun_speaker_is_the_phrase_and_names_no_one() -> None:
    text = "Eine Sprecherin des Umweltamts erklärte, die Werte seien normal."
    assert quotes(text) == [("indirect", "die Werte seien normal", "Eine Sprecherin des Umweltamts")]
    assert speaker_names(text) == [None]


def test_role_noun_with_definite_article_refers_to_the_last_person() -> None:
    text = "Hugo Barra wechselte zu Xiaomi. Der Vizepräsident sagte, der Markt sei wichtig."
    assert quotes(text) == [("indirect", "der Markt sei wichtig", "Der Vizepräsident")]
    assert speaker_names(text) == ["Hugo Barra"]


def test_apposition_before_the_verb() -> None:
    text = "Peter Meier, Analyst der Landesbank, sagte: „Die Zinsen steigen.“"
    assert quotes(text) == [("direct", "Die Zinsen steigen.", "Analyst der Landesbank")]
    assert speaker_names(text) == ["Peter Meier"]


def test_reported_speech_with_laut() -> None:
    assert quotes("Laut Angela Merkel sei die Lage ernst.") == [
        ("indirect", "sei die Lage ernst", "Angela Merkel")
    ]


def test_reported_speech_after_comma_and_dass() -> None:
    assert quotes("Angela Merkel sagte, die Lage sei ernst.") == [
        ("indirect", "die Lage sei ernst", "Angela Merkel")
    ]
    assert quotes("Peter Meier erklärte, dass der Plan scheitern werde.") == [
        ("indirect", "dass der Plan scheitern werde", "Peter Meier")
    ]


def test_dass_and_ob_clauses_in_the_indicative() -> None:
    assert quotes("Peter Meier bestätigte, dass der Vertrag unterschrieben ist.") == [
        ("indirect", "dass der Vertrag unterschrieben ist", "Peter Meier")
    ]
    assert quotes("Peter Meier fragte, ob der Vertrag gilt.") == [
        ("indirect", "ob der Vertrag gilt", "Peter Meier")
    ]


def test_zu_infinitive_after_a_speech_verb() -> None:
    assert quotes("Peter Meier kündigte an, den Vertrag zu prüfen.") == [
        ("indirect", "den Vertrag zu prüfen", "Peter Meier")
    ]
    assert quotes("Die Opposition warf dem Senat vor, die Reform zu verschleppen.") == [
        ("indirect", "die Reform zu verschleppen", "Die Opposition")
    ]


def test_konjunktiv_forms_beyond_a_word_list() -> None:
    assert quotes("Peter Meier sagte, die Firma liefere bald und verhandle noch.") == [
        ("indirect", "die Firma liefere bald und verhandle noch", "Peter Meier")
    ]
    assert [is_subjunctive(word) for word in ("prüfe", "gäbe", "hätten", "prüft", "große")] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_attribution_phrases() -> None:
    assert quotes("Nach Angaben der Polizei wurde niemand verletzt.") == [
        ("indirect", "wurde niemand verletzt", "der Polizei")
    ]
    assert quotes("Dem Bericht zufolge wurde niemand verletzt.") == [
        ("indirect", "wurde niemand verletzt", "Dem Bericht")
    ]
    assert quotes("Wie die Polizei mitteilte, wurde niemand verletzt.") == [
        ("indirect", "wurde niemand verletzt", "die Polizei")
    ]
    assert quotes("Die Lage bleibt ernst, so Peter Meier.") == [
        ("indirect", "Die Lage bleibt ernst", "Peter Meier")
    ]
    assert quotes("In der Erklärung hieß es, die Lage bleibe ernst.") == [
        ("indirect", "die Lage bleibe ernst", "der Erklärung")
    ]


def test_reportative_sollen() -> None:
    assert quotes("Der Täter soll über die Grenze geflohen sein.") == [
        ("indirect", "Der Täter soll über die Grenze geflohen sein", None)
    ]
    assert quotes("Der Vertrag soll geprüft werden.") == []


def test_trailing_cue_after_konjunktiv() -> None:
    assert quotes("Der Ausbau sei zentral, sagte Peter Meier.") == [
        ("indirect", "Der Ausbau sei zentral", "Peter Meier")
    ]


def test_a_run_of_konjunktiv_sentences_continues_one_report() -> None:
    text = "Laut Peter Meier sei der Plan gut. Allerdings fehle das Geld. Das würde alles verzögern."
    assert quotes(text) == [
        ("indirect", "sei der Plan gut", "Peter Meier"),
        ("indirect", "Allerdings fehle das Geld. Das würde alles verzögern", "Peter Meier"),
    ]


def test_a_lone_hypothetical_wuerde_is_not_reported_speech() -> None:
    assert quotes("Ein Tunnel würde die Stadt entlasten.") == []


def test_english_reported_speech() -> None:
    assert quotes("Tim Cook said that sales would rise.", "en") == [
        ("indirect", "sales would rise", "Tim Cook")
    ]
    assert quotes("Tim Cook said it would rise.", "en") == [("indirect", "it would rise", "Tim Cook")]
    assert quotes("According to Tim Cook, sales will rise.", "en") == [
        ("indirect", "sales will rise", "Tim Cook")
    ]
    assert quotes("Sales will rise, Tim Cook told reporters.", "en") == [
        ("indirect", "Sales will rise", "Tim Cook")
    ]


def test_english_quote_with_speaker_after_a_long_quote() -> None:
    text = '"We will build it, and it will carry trains for a century," the mayor told reporters.'
    assert quotes(text, "en") == [
        ("direct", "We will build it, and it will carry trains for a century,", "the mayor")
    ]


def test_speaker_name_in_json() -> None:
    analysis = analyze("Angela Merkel sagte, die Lage sei ernst.", "de", model="rules")
    assert analysis.to_json()["quotes"][0]["speaker_name"] == "Angela Merkel"


def test_cited_sources_listed_once_with_their_mentions() -> None:
    analysis = analyze(
        "Laut einem Interview mit Bloomberg plane Xiaomi viel. (Quelle: Reuters) "
        "Nach Informationen von Reuters plant Xiaomi mehr. (Quelle: Bloomberg)",
        "de",
        model="rules",
    )
    grouped = group_sources(analysis.sources)
    assert [(name, len(mentions)) for name, mentions in grouped] == [
        ("Bloomberg", 2),
        ("Reuters", 2),
    ]


_PIECES = st.sampled_from(
    [
        "Peter Meier",
        "sagte",
        "er",
        "Die Polizei",
        "laut",
        "Laut",
        "sei",
        "plane",
        "dass",
        "soll",
        "geflohen sein",
        "so",
        "heißt es",
        ",",
        ".",
        ":",
        "„",
        "“",
        "‚",
        "‘",
        "»",
        "«",
        '"',
        "''",
        "<<",
        ">>",
        "\n",
        "Tatort",
        "wir kommen",
    ]
)


@settings(max_examples=60)
@given(st.lists(_PIECES, max_size=40))
def test_every_quote_speaker_and_cue_slices_the_text(pieces: list[str]) -> None:
    text = " ".join(pieces)
    analysis = analyze(text, "de", model="rules")
    for quote in analysis.quotes:
        spans = [quote, *(span for span in (quote.speaker, quote.cue) if span is not None)]
        for span in spans:
            assert analysis.text[span.start : span.end] == span.text
        if quote.kind == "direct":
            assert "\n" not in quote.text  # an unclosed mark never runs into the next paragraph


def test_the_subjunctive_detector_on_ud_german(shared) -> None:
    """Mood=Sub of UD German (automatic, noisy features): the figures in the README."""
    from training.subjunctive import measure

    scores = measure(shared / "data" / "ud-german")
    assert scores["p"] >= 0.70 and scores["r"] >= 0.85


def test_an_abbreviation_in_brackets_after_the_speaker_stays_with_the_speaker() -> None:
    text = (
        "Nach Angaben der Bundesagentur für Arbeit (BA) waren im Oktober rund 140.000 Stellen unbesetzt. "
        "Das Institut für Arbeitsmarkt- und Berufsforschung (IAB) rechnet damit, dass die Lücke wächst."
    )
    assert quotes(text) == [
        (
            "indirect",
            "waren im Oktober rund 140.000 Stellen unbesetzt",
            "der Bundesagentur für Arbeit (BA)",
        ),
        ("indirect", "dass die Lücke wächst", "Institut für Arbeitsmarkt- und Berufsforschung (IAB)"),
    ]


def test_a_party_in_brackets_is_an_aside_of_the_speaker_not_the_speaker() -> None:
    assert quotes("Verkehrsminister Volker Wissing (FDP) forderte eine Sanierung: „Wir brauchen Geld.“") == [
        ("direct", "Wir brauchen Geld.", "Verkehrsminister Volker Wissing (FDP)")
    ]
    assert speaker_names("Volker Wissing (FDP) forderte: „Wir brauchen Geld.“") == ["Volker Wissing"]


def test_an_adjective_after_an_article_is_no_konjunktiv() -> None:
    # "schnelle" is also Konjunktiv I of "schnellen": the sentence is narration, not a report.
    assert quotes("Volker Wissing forderte eine schnelle Sanierung des Netzes.") == []
    assert quotes("Er sagte, eine schnelle Lösung sei nötig.") == [
        ("indirect", "eine schnelle Lösung sei nötig", "Er")
    ]


def test_an_english_role_in_lower_case_before_the_name_is_part_of_the_speaker() -> None:
    text = '"We will not back down," said council leader James Lewis.'
    assert quotes(text, "en") == [("direct", "We will not back down,", "council leader James Lewis")]
    assert speaker_names(text, "en") == ["James Lewis"]


def test_an_english_role_phrase_in_lower_case_is_the_whole_speaker() -> None:
    assert quotes('"We will not back down," the union leader said.', "en") == [
        ("direct", "We will not back down,", "the union leader")
    ]
    assert quotes('"It is late," the council said in a statement.', "en") == [
        ("direct", "It is late,", "the council")
    ]


def test_a_report_ends_with_its_paragraph() -> None:
    text = (
        "Barra sagte, zuerst müsse eine Support-Plattform aufgebaut werden.\n"
        "Sollte Xiaomi nach Amerika ziehen, müsste der Fokus verlegt werden.\n\n"
        "„Wir kommen“ (Quelle: Bloomberg)\nBereits im Juni kaufte Xiaomi Patente."
    )
    assert quotes(text)[0] == ("indirect", "zuerst müsse eine Support-Plattform aufgebaut werden", "Barra")
    sentences = [sentence.text for sentence in analyze(text, "de", model="rules").sentences]
    assert sentences[-1] == "Bereits im Juni kaufte Xiaomi Patente."
