"""The bundled English model: present, lean, documented, loadable, the default
for English, and right on plain news sentences (written for this test, not
taken from its data) and on the English sample article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.analysis import analyze
from tui.analysis.bundled import BUNDLED_MODELS
from tui.analysis.pipeline import default_model, get_pipeline, pipeline_info

from .conftest import SEEDS, load_reference

MODEL = BUNDLED_MODELS["en"]


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.load(MODEL)


def test_the_bundled_model_is_the_english_default() -> None:
    assert default_model("en") == str(MODEL)
    assert "ner" in get_pipeline("en").pipe_names
    info = pipeline_info("en")
    assert (info.label, info.name, info.has_model) == ("en_randnotiz", "en_randnotiz", True)
    assert info.summary.startswith(f"English: NER model en_randnotiz {info.version}")


def test_a_language_without_a_model_says_so() -> None:
    info = pipeline_info("en", "rules")
    assert (info.label, info.name, info.version, info.has_model) == ("rules", None, None, False)
    assert info.summary.startswith("English: no NER model")


def test_it_is_lean_and_says_where_it_comes_from() -> None:
    size = sum(path.stat().st_size for path in MODEL.rglob("*") if path.is_file())
    assert size <= 40 * 1024 * 1024
    meta = json.loads((MODEL / "meta.json").read_text("utf-8"))
    assert meta["lang"] == "en" and set(meta["labels"]["ner"]) == {"PER", "LOC", "ORG"}
    sources = json.dumps(meta["sources"])
    assert "WikiANN" in sources and "UNER" in sources and "CC BY-SA 4.0" in sources
    # UNER English-EWT test; the rule layer alone reaches 0.31 there, the target is 0.65
    # (not reached yet: training/README.md).
    assert meta["performance"]["ents_f"] >= 0.5


def _load_seconds(model: Path) -> float:
    """spaCy imported, the model loaded in a fresh process, as the analysis worker does."""
    script = f"import time, spacy; t = time.perf_counter(); spacy.load({str(model)!r}); print(time.perf_counter() - t)"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return float(run.stdout)


def test_it_loads_fast_enough() -> None:
    # The budget is 1.5 s on an idle machine. The test machine is shared, so the German
    # model (0.24 s idle) is loaded in the same run as the reference.
    english = _load_seconds(MODEL)
    german = _load_seconds(BUNDLED_MODELS["de"])
    assert english <= 1.5 or english <= 2 * german


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The European Union and China agreed to hold talks in Brussels.",
            [("European Union", "ORG"), ("China", "LOC"), ("Brussels", "LOC")],
        ),
        (
            "Lionel Messi scored twice as Inter Miami beat Toronto FC.",
            [("Lionel Messi", "PER"), ("Inter Miami", "ORG"), ("Toronto FC", "ORG")],
        ),
        (
            "Angela Merkel was born in Hamburg and grew up in East Germany.",
            [("Angela Merkel", "PER"), ("Hamburg", "LOC"), ("East Germany", "LOC")],
        ),
        (
            "Police in Manchester arrested two men, a spokesman for Greater Manchester Police said.",
            [("Manchester", "LOC"), ("Greater Manchester Police", "ORG")],
        ),
        (
            "The World Health Organization warned of a new wave of infections in Africa.",
            [("World Health Organization", "ORG"), ("Africa", "LOC")],
        ),
    ],
)
def test_the_model_alone_labels_news_sentences(nlp, sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(ent.text, ent.label_) for ent in nlp(sentence).ents] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The model alone says "President Joe Biden" ORG: WikiANN's habit. Titles are cut off.
        (
            "President Joe Biden met Prime Minister Rishi Sunak in Washington on Tuesday.",
            [("Joe Biden", "PER"), ("Rishi Sunak", "PER"), ("Washington", "LOC")],
        ),
        # The model misses "Microsoft" and "Tesla" and reads "Amazon founder" as one name;
        # the curated organisations fill the gap and win over the padded span.
        (
            "Microsoft said it would open a new data centre in Dublin next year.",
            [("Microsoft", "ORG"), ("Dublin", "LOC")],
        ),
        (
            "Elon Musk said Tesla would cut prices in China.",
            [("Elon Musk", "PER"), ("Tesla", "ORG"), ("China", "LOC")],
        ),
        (
            "Amazon founder Jeff Bezos lives in Miami.",
            [("Amazon", "ORG"), ("Jeff Bezos", "PER"), ("Miami", "LOC")],
        ),
    ],
)
def test_the_reader_pipeline_labels_news_sentences(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(ent.text, ent.label_) for ent in get_pipeline("en")(sentence).ents] == expected


def test_the_english_sample_article_comes_out_right() -> None:
    reference = load_reference(SEEDS / "harbour-bridge.en.json")
    analysis = analyze((SEEDS / Path(reference["article"]).name).read_text("utf-8"), lang="en")
    found = {(entity.text, entity.label) for entity in analysis.entities}
    assert {tuple(pair) for pair in reference["entities"]} <= found
    # Nothing the reference names comes out with another label as well.
    names = dict(reference["entities"])
    assert not [(text, label) for text, label in found if text in names and names[text] != label]


def test_the_pipeline_label_costs_no_scan_per_text(monkeypatch) -> None:
    # For a language without a bundled model (English until now), the label of
    # every Analysis scanned the installed distributions: five times slower per
    # token than German.
    import importlib.metadata

    from tui.analysis import analyze_batch
    from tui.analysis.pipeline import installed_pipelines

    monkeypatch.delitem(BUNDLED_MODELS, "en")
    texts = ["Anna Schmidt lives in Leeds."] * 10
    analyze_batch(texts[:1], "en")  # imports and the pipeline, which may scan once
    calls: list[int] = []
    real = importlib.metadata.distributions

    def counted() -> object:
        calls.append(1)
        return real()

    monkeypatch.setattr(importlib.metadata, "distributions", counted)
    installed_pipelines.cache_clear()
    analyses = analyze_batch(texts, "en")
    assert {analysis.pipeline for analysis in analyses} <= {"rules", "en_core_web_sm", "en_core_web_md"}
    assert len(calls) <= 1


@pytest.mark.parametrize(
    ("words", "label", "expected"),
    [
        ("President Joe Biden", "ORG", ("Joe Biden", "PER")),
        ("Prime Minister Rishi Sunak", "PER", ("Rishi Sunak", "PER")),
        ("Mayor Peter Tschentscher", "PER", ("Peter Tschentscher", "PER")),
        ("King 's College", "ORG", ("King 's College", "ORG")),
        ("President of France", "ORG", ("President of France", "ORG")),
        ("Prince Edward Island", "LOC", ("Prince Edward Island", "LOC")),
        ("General Motors", "ORG", ("General Motors", "ORG")),
    ],
)
def test_titles_are_cut_off_names(words: str, label: str, expected: tuple[str, str]) -> None:
    import spacy
    from spacy.tokens import Doc, Span

    from tui.analysis.rules import trim_entity_edges

    nlp = spacy.blank("en")
    tokens = ["He", "met", *words.split(), "."]
    doc = Doc(nlp.vocab, words=tokens)
    doc.ents = [Span(doc, 2, len(tokens) - 1, label=label)]
    assert [(ent.text, ent.label_) for ent in trim_entity_edges(doc).ents] == [expected]
