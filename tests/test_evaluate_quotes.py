"""The SpkAtt scorer on a hand-made record: rejoining, token sets without
quotation marks, best-first matching, Reported as neutral, speaker accuracy.
No corpus needed."""

from types import SimpleNamespace

from training.evaluate_quotes import Document, GoldAnnotation, Score, predictions, rejoin, score_document

SENTENCES = [
    {"SentenceId": 0, "Tokens": ["Merkel", "sagte", ":", "„", "Wir", "bleiben", "“", "."]},
    {"SentenceId": 1, "Tokens": ["Die", "Lage", "sei", "ernst", ",", "so", "Scholz", "."]},
]


def document() -> Document:
    text, offsets, quote_tokens = rejoin(SENTENCES)
    return Document("test", text, offsets, frozenset(quote_tokens))


def quote(doc: Document, kind: str, text: str, speaker: str | None) -> SimpleNamespace:
    start = doc.text.index(text)
    found = None
    if speaker is not None:
        at = doc.text.index(speaker)
        found = SimpleNamespace(start=at, end=at + len(speaker), text=speaker)
    return SimpleNamespace(kind=kind, start=start, end=start + len(text), text=text, speaker=found)


def test_rejoined_as_natural_text() -> None:
    assert document().text == "Merkel sagte: „Wir bleiben“. Die Lage sei ernst, so Scholz."


def test_scores_kinds_and_speakers() -> None:
    doc = document()
    doc.gold = [
        GoldAnnotation("direct", "Direct", frozenset({(0, 4), (0, 5)}), frozenset({(0, 0)}), "Merkel"),
        GoldAnnotation(
            "indirect", "Indirect", frozenset({(1, 0), (1, 1), (1, 2), (1, 3)}), frozenset({(1, 6)}), "Scholz"
        ),
    ]
    found = predictions(
        doc,
        [
            quote(doc, "direct", "„Wir bleiben“", "Merkel"),  # the marks are left out of the token set
            quote(doc, "indirect", "Die Lage sei", None),  # Jaccard 3/4: a match, but no speaker
            quote(doc, "title", "Merkel", None),  # titles are not scored
        ],
    )
    score = Score()
    score_document(doc, found, score)
    assert score.prf("direct")["f1"] == 1.0
    assert score.prf("indirect")["f1"] == 1.0
    assert (score.speaker_right, score.speaker_total) == (1, 2)


def test_reported_is_neutral_and_other_kinds_do_not_count() -> None:
    doc = document()
    doc.gold = [
        GoldAnnotation("reported", "Reported", frozenset({(1, 0), (1, 1), (1, 2), (1, 3)}), frozenset(), ""),
        GoldAnnotation("indirect", "Indirect", frozenset({(0, 4), (0, 5)}), frozenset(), ""),
    ]
    found = predictions(
        doc, [quote(doc, "indirect", "Die Lage sei ernst", None), quote(doc, "direct", "Wir bleiben", None)]
    )
    score = Score()
    score_document(doc, found, score)
    # The report matches the neutral Reported annotation: neither right nor wrong.
    # The direct quote matches an indirect annotation: a false direct and a missed indirect.
    assert (score.predicted["indirect"], score.gold["indirect"], score.true_positives["indirect"]) == (
        0,
        1,
        0,
    )
    assert (score.predicted["direct"], score.true_positives["direct"]) == (1, 0)
