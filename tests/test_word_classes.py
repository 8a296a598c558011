"""The word-class and name-list features of the German model
(tui/analysis/word_classes.py), on small hand-made tables."""

from __future__ import annotations

import numpy
import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from tui.analysis.word_classes import FEATURES_EXTENSION, FIRST_NAME, PHRASE_SHIFT, SURNAME, WordFeatures

TABLES = {
    "word_classes": {"7": "Merkel\nSchiller\nSchillers", "12": "kühlschrank\nernte", "30": "Paris\nRio"},
    "first_names": "Angela\nAnna",
    "surnames": "Merkel\nSchmidt\nAnna",
    "places": "Paris\nRio de Janeiro\nRio",
    "orgs": "Deutsche Bahn",
}
B_PLACE, I_PLACE, B_ORG, I_ORG = (code << PHRASE_SHIFT for code in (1, 2, 3, 4))


@pytest.fixture(scope="module")
def component() -> WordFeatures:
    features = WordFeatures()
    features.set_tables(TABLES)
    return features


def test_each_token_gets_its_word_class_and_list_membership(component: WordFeatures) -> None:
    words = ["Angela", "Merkel", "kaufte", "in", "Paris", "einen", "Kühlschrank"]
    assert component.features(words).tolist() == [
        [0, FIRST_NAME],
        [7, SURNAME],
        [0, 0],
        [0, 0],
        [30, B_PLACE],
        [0, 0],
        [12, 0],  # the lower-case form's class: a common noun
    ]


def test_the_longest_phrase_wins_and_marks_begin_and_inside(component: WordFeatures) -> None:
    words = [
        "Anna",
        "Schmidt",
        "fuhr",
        "mit",
        "der",
        "Deutschen",
        "Bahn",
        "und",
        "der",
        "Deutsche",
        "Bahn",
        "nach",
        "Rio",
        "de",
        "Janeiro",
    ]
    codes = component.features(words)[:, 1].tolist()
    assert codes[0] == FIRST_NAME | SURNAME
    assert codes[5:7] == [0, 0]  # "Deutschen Bahn" is not the listed form
    assert codes[9:11] == [B_ORG, I_ORG]
    assert codes[12:15] == [B_PLACE, I_PLACE, I_PLACE]


def test_the_component_round_trips_and_sets_the_doc_extension(component: WordFeatures, tmp_path) -> None:
    component.to_disk(tmp_path)
    nlp = spacy.blank("de")
    added = nlp.add_pipe("randnotiz_word_features")
    assert isinstance(added, WordFeatures)
    loaded = added.from_disk(tmp_path)
    doc = nlp("Schillers Räuber in Paris")
    assert loaded.tables == TABLES
    assert doc._.get(FEATURES_EXTENSION).tolist() == [[7, 0], [0, 0], [0, 0], [30, B_PLACE]]


@given(
    st.lists(st.sampled_from(["Rio", "de", "Janeiro", "Paris", "Anna", "x", "Deutsche", "Bahn"]), max_size=12)
)
def test_one_row_per_token_and_phrases_never_start_inside(words: list[str]) -> None:
    features = WordFeatures()
    features.set_tables(TABLES)
    rows = features.features(words)
    assert rows.shape == (len(words), 2) and rows.dtype == numpy.uint64
    codes = [int(code) >> PHRASE_SHIFT for code in rows[:, 1]]
    for previous, current in zip([0, *codes], codes, strict=False):
        if current in (2, 4):  # inside a place / an organisation
            assert previous in (current - 1, current)
