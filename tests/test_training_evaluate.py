"""Unit tests for the evaluation helpers (no trained model needed).

python -m pytest tests/test_training_evaluate.py
"""

import spacy
from spacy.tokens import Span

from training.common import bio_to_spans, normalise_tag, read_conll
from training.evaluate import evaluate, score_spans


def test_normalise_tag():
    assert normalise_tag("S-PER") == "B-PER"
    assert normalise_tag("E-LOC") == "I-LOC"
    assert normalise_tag("B-OTH") == "B-MISC"
    assert normalise_tag("B-LOCderiv") == "O"
    assert normalise_tag("I-ORGPART") == "O"
    assert normalise_tag("O") == "O"


def test_minor_labels_are_kept_only_when_asked():
    assert normalise_tag("B-LOCderiv", keep_minor=True) == "B-LOCderiv"
    assert normalise_tag("E-ORGpart", keep_minor=True) == "I-ORGpart"
    assert normalise_tag("S-OTHpart", keep_minor=True) == "B-MISCpart"
    assert normalise_tag("S-PER", keep_minor=True) == "B-PER"


def test_bio_to_spans():
    assert bio_to_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "B-LOC"]) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "LOC"),
    ]


def test_score_spans_strict():
    gold = [[(0, 2, "PER"), (3, 4, "LOC")]]
    pred = [[(0, 1, "PER"), (3, 4, "LOC"), (5, 6, "ORG")]]
    res = score_spans(gold, pred)
    assert res["per_label"]["LOC"]["f"] == 1.0
    assert res["per_label"]["PER"]["tp"] == 0
    assert res["micro"]["tp"] == 1 and res["micro"]["n_pred"] == 3 and res["micro"]["n_gold"] == 2


def test_read_germeval_and_two_column(tmp_path):
    tsv = tmp_path / "g.tsv"
    tsv.write_text(
        "#\tsrc\t[2010]\t\n1\tIn\tO\tO\n2\tBerlin\tB-LOC\tO\n3\tdeutsche\tB-LOCderiv\tO\n\n", encoding="utf-8"
    )
    two = tmp_path / "t.bioes"
    two.write_text("Angela B-PER\nMerkel E-PER\nsagt O\n", encoding="utf-8")
    assert list(read_conll(tsv)) == [(["In", "Berlin", "deutsche"], ["O", "B-LOC", "O"])]
    assert list(read_conll(two)) == [(["Angela", "Merkel", "sagt"], ["B-PER", "I-PER", "O"])]


def test_evaluate_with_rule_pipeline():
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "LOC", "pattern": "Berlin"}])
    gold = nlp.make_doc("Merkel war in Berlin")
    gold.ents = [Span(gold, 0, 1, "PER"), Span(gold, 3, 4, "LOC")]
    res = evaluate(nlp, [gold])
    assert res["per_label"]["LOC"]["f"] == 1.0
    assert res["per_label"]["PER"]["r"] == 0.0
    assert res["n_tokens"] == 4


def test_evaluate_ignores_training_only_labels():
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "LOCderiv", "pattern": "deutsche"}, {"label": "LOC", "pattern": "Berlin"}])
    gold = nlp.make_doc("die deutsche Hauptstadt Berlin")
    gold.ents = [Span(gold, 1, 2, "LOCderiv"), Span(gold, 3, 4, "LOC")]
    res = evaluate(nlp, [gold])
    assert set(res["per_label"]) == {"LOC"}
    assert res["micro"]["tp"] == 1 and res["micro"]["n_pred"] == 1 and res["micro"]["n_gold"] == 1
