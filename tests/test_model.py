"""The bundled German model: present, lean, documented, loadable, and right
on plain news sentences (written for this test, not taken from its data)."""

from __future__ import annotations

import json

import pytest

import tui.analysis.word_classes  # noqa: F401  (registers the model's feature component)
from tui.analysis.bundled import BUNDLED_MODELS
from tui.analysis.pipeline import default_model, get_pipeline

MODEL = BUNDLED_MODELS["de"]


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.load(MODEL)


def test_the_bundled_model_is_the_german_default() -> None:
    assert default_model("de") == str(MODEL)
    assert "ner" in get_pipeline("de").pipe_names


def test_it_is_lean_and_says_where_it_comes_from() -> None:
    size = sum(path.stat().st_size for path in MODEL.rglob("*") if path.is_file())
    assert size <= 45 * 1000 * 1000
    meta = json.loads((MODEL / "meta.json").read_text("utf-8"))
    assert {"PER", "LOC", "ORG", "MISC"} <= set(meta["labels"]["ner"])
    sources = json.dumps(meta["sources"])
    assert "GermEval 2014" in sources and "CC BY 4.0" in sources
    # The word classes and name lists ship inside the package, with their credit.
    assert (MODEL / "word_features" / "tables.json.gz").is_file()
    assert "GermaNER" in sources and "Apache 2.0" in sources
    assert meta["performance"]["ents_f"] > 0


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Angela Merkel traf am Montag in Paris den französischen Präsidenten Emmanuel Macron.",
            [("Angela Merkel", "PER"), ("Paris", "LOC"), ("Emmanuel Macron", "PER")],
        ),
        (
            "Der Autobauer Volkswagen hat seinen Sitz in Wolfsburg.",
            [("Volkswagen", "ORG"), ("Wolfsburg", "LOC")],
        ),
        (
            "Die Deutsche Bahn will bis 2030 mehr Züge zwischen Berlin und München einsetzen.",
            [("Deutsche Bahn", "ORG"), ("Berlin", "LOC"), ("München", "LOC")],
        ),
        (
            "Bundeskanzler Olaf Scholz sprach mit Vertretern der Europäischen Union in Brüssel.",
            [("Olaf Scholz", "PER"), ("Europäischen Union", "ORG"), ("Brüssel", "LOC")],
        ),
        # A band, a club, a company, a foreign place, genitives: names from outside politics.
        (
            "Die britische Band Coldplay spielte am Samstag im Olympiastadion.",
            [("Coldplay", "ORG"), ("Olympiastadion", "LOC")],
        ),
        (
            "Die Eisbären Berlin gewannen am Sonntag ihr Heimspiel mit 3:2.",
            [("Eisbären Berlin", "ORG")],
        ),
        (
            "Der Softwarekonzern SAP aus Walldorf meldete einen höheren Gewinn.",
            [("SAP", "ORG"), ("Walldorf", "LOC")],
        ),
        (
            "Der Präsident reiste nach Ouagadougou in Burkina Faso.",
            [("Ouagadougou", "LOC"), ("Burkina Faso", "LOC")],
        ),
        ("Schillers Drama wurde in Weimar uraufgeführt.", [("Schillers", "PER"), ("Weimar", "LOC")]),
        ("Merkels Nachfolger wurde Olaf Scholz.", [("Merkels", "PER"), ("Olaf Scholz", "PER")]),
    ],
)
def test_the_model_alone_labels_news_sentences(nlp, sentence: str, expected: list[tuple[str, str]]) -> None:
    # The model also tags derived words ("französischen" LOCderiv), which are never shown.
    shown = [
        (ent.text, ent.label_) for ent in nlp(sentence).ents if ent.label_ in {"PER", "LOC", "ORG", "MISC"}
    ]
    assert shown == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Wir haben einen neuen Kühlschrank gekauft.",
        "Der Kühlschrank ist kaputt.",
        "Die Ernte fiel in diesem Jahr schlecht aus.",
    ],
)
def test_capitalised_common_nouns_are_no_names(nlp, sentence: str) -> None:
    assert [ent.text for ent in get_pipeline("de")(sentence).ents] == []
    assert [ent.text for ent in nlp(sentence).ents] == []


def test_the_feature_component_runs_before_the_tok2vec(nlp) -> None:
    assert nlp.pipe_names[:2] == ["word_features", "tok2vec"]
    doc = nlp("Angela Merkel besuchte Paris.")
    assert doc._.randnotiz_word_features.shape == (len(doc), 2)
