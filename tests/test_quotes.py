"""Quotes on real sentences, with the rules-only pipeline so the expected
speakers do not depend on the statistical model."""

import pytest

from tui.analysis import analyze


def quotes(text: str, lang: str = "de") -> list[tuple]:
    analysis = analyze(text, lang, model="rules")
    return [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in analysis.quotes]


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
    assert quotes("„Er rief ‚Halt‘ und ging“, sagte Peter Meier.") == [
        ("direct", "Er rief ‚Halt‘ und ging", "Peter Meier"),
        ("direct", "Halt", None),
    ]


def test_wrapper_quote_around_attributed_quotes_is_dropped() -> None:
    text = "„<<We are coming,>> Barra said on Bloomberg Television. <<Soon.>>“ Hugo Barra lächelte."
    assert quotes(text) == [("direct", "We are coming,", "Barra"), ("direct", "Soon.", "Barra")]


def test_apostrophes_are_not_quotes() -> None:
    assert quotes("Xiaomi’s phones don’t sell in the U.S., Tim Cook said.", "en") == []


def test_unclosed_quote_does_not_run_into_the_next_paragraph() -> None:
    assert quotes("„Offen bis zum Ende\nNeuer Absatz ohne Zitat.") == []


def test_reported_speech_in_konjunktiv_with_laut() -> None:
    assert quotes("Laut Angela Merkel sei die Lage ernst.") == [
        ("indirect", "Laut Angela Merkel sei die Lage ernst", "Angela Merkel")
    ]


def test_reported_speech_after_dass_and_comma() -> None:
    assert quotes("Angela Merkel sagte, die Lage sei ernst.") == [
        ("indirect", "die Lage sei ernst", "Angela Merkel")
    ]
    assert quotes("Peter Meier erklärte, dass der Plan scheitern werde.") == [
        ("indirect", "der Plan scheitern werde", "Peter Meier")
    ]


def test_reported_speech_carries_on_in_the_paragraph() -> None:
    assert quotes("Laut Peter Meier sei der Plan gut. Allerdings fehle das Geld.") == [
        ("indirect", "Laut Peter Meier sei der Plan gut", "Peter Meier"),
        ("indirect", "Allerdings fehle das Geld", "Peter Meier"),
    ]


def test_english_reported_speech() -> None:
    assert quotes("Tim Cook said that sales would rise.", "en") == [
        ("indirect", "sales would rise", "Tim Cook")
    ]


def test_cited_sources() -> None:
    analysis = analyze(
        "Laut einem Interview mit Bloomberg plane Xiaomi viel. (Quelle: Reuters)", "de", model="rules"
    )
    assert [source.text for source in analysis.sources] == ["Bloomberg", "Reuters"]
