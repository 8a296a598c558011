"""End to end against the hand-made reference files in seeds/ (and the
shared reference when ../shared is there), with the default pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.analysis import Analysis, analyze
from tui.analysis.model import Quote

from .conftest import SEEDS, load_reference, references


def accepts(expected: str, quote: Quote) -> bool:
    """The reference names who spoke: the speaker span or the name it resolves
    to, with or without an article or first name ("Der Vizepräsident", "Hugo Barra")."""
    found = [text for text in (quote.speaker.text if quote.speaker else None, quote.speaker_name) if text]
    return any(text == name or text.endswith(" " + name) for text in found for name in expected.split("|"))


@pytest.fixture(scope="module", params=references(), ids=lambda p: p.stem)
def case(request) -> tuple[dict, Analysis]:
    reference = load_reference(request.param)
    text = (SEEDS / Path(reference["article"]).name).read_text("utf-8")
    return reference, analyze(text)


def test_language(case) -> None:
    reference, analysis = case
    assert analysis.lang == reference["lang"]


def test_entities_found_with_the_right_label(case) -> None:
    reference, analysis = case
    found: dict[str, set[str]] = {}
    for entity in analysis.entities:
        found.setdefault(entity.text, set()).add(entity.label)
    missing = [
        (text, label)
        for text, label in reference["entities"]
        if not found.get(text, set()) & set(label.split("|"))
    ]
    assert not missing, f"not found with the right label: {missing}"


def test_direct_quotes_and_speakers(case) -> None:
    reference, analysis = case
    direct = {q.text: q for q in analysis.quotes if q.kind == "direct"}
    for expected in reference["quotes"]:
        quote = direct.get(expected["text"])
        assert quote is not None, f"quote not found: {expected['text']!r}"
        assert accepts(expected["speaker"], quote), f"{expected['text'][:30]!r}: speaker {quote.speaker}"


def test_reported_speech_and_speakers(case) -> None:
    reference, analysis = case
    for expected in reference["reported"]:
        quote = next(
            (q for q in analysis.quotes if q.kind == "indirect" and expected["contains"] in q.text), None
        )
        assert quote is not None, f"reported speech not found: {expected['contains']!r}"
        assert accepts(expected["speaker"], quote), f"{expected['contains']!r}: speaker {quote.speaker}"


def test_numbers(case) -> None:
    reference, analysis = case
    by_text = {n.text: n for n in analysis.numbers}
    for expected in reference["numbers"]:
        number = by_text.get(expected["text"])
        assert number is not None, f"number not found: {expected['text']!r}"
        assert number.value == expected["value"]
        if "unit" in expected:
            assert number.unit == expected["unit"]
        if "approx" in expected:
            assert number.approx == expected["approx"]
        if "kind" in expected:
            assert number.kind == expected["kind"], expected["text"]


def test_sources(case) -> None:
    reference, analysis = case
    assert {s.text for s in analysis.sources} == set(reference["sources"])


def test_offsets_slice_the_text(case) -> None:
    _, analysis = case
    spans = [*analysis.entities, *analysis.quotes, *analysis.numbers, *analysis.sources]
    spans += [m for entry in analysis.glossary for m in entry.mentions]
    spans += [q.speaker for q in analysis.quotes if q.speaker]
    for span in spans:
        assert analysis.text[span.start : span.end] == span.text


def test_the_shared_reference_is_our_copy(shared) -> None:
    ours = load_reference(SEEDS / "xiaomi-usa.de.json")
    theirs = json.loads((shared / "gold" / "000_a5b80755fbe5080f.json").read_text("utf-8"))
    for key in ("entities", "quotes", "reported", "sources", "numbers"):
        assert ours[key] == theirs[key]
    assert (SEEDS / "xiaomi-usa.de.txt").read_bytes() == (
        shared / "seeds" / "000_a5b80755fbe5080f.txt"
    ).read_bytes()
