"""The bundled German model: present, lean, documented, loadable, and right
on plain news sentences (written for this test, not taken from its data)."""

from __future__ import annotations

import json

import pytest

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
    assert size <= 40 * 1024 * 1024
    meta = json.loads((MODEL / "meta.json").read_text("utf-8"))
    assert {"PER", "LOC", "ORG", "MISC"} <= set(meta["labels"]["ner"])
    assert "GermEval 2014" in json.dumps(meta["sources"]) and "CC BY 4.0" in json.dumps(meta["sources"])
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
    ],
)
def test_the_model_alone_labels_news_sentences(nlp, sentence: str, expected: list[tuple[str, str]]) -> None:
    # The model also tags derived words ("französischen" LOCderiv), which are never shown.
    shown = [
        (ent.text, ent.label_) for ent in nlp(sentence).ents if ent.label_ in {"PER", "LOC", "ORG", "MISC"}
    ]
    assert shown == expected
