"""Re-anchoring annotations in edited articles: right words or orphan, never wrong words."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.store.anchoring import locate, quote_selector, reanchor
from tui.store.model import Annotation, TextQuote

from .conftest import SEEDS

ARTICLES = sorted(SEEDS.glob("*.txt"))
WORD = re.compile(r"\w+")
FILLER = ["neue", "Angaben", "zufolge", "laut", "Berichten", "allerdings", "the", "report", "said", "2024"]

Edit = tuple[int, int, str]  # replace text[start:end] by the string; edits never overlap


def apply_edits(text: str, edits: list[Edit]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def moved(edits: list[Edit], offset: int, *, is_end: bool) -> int:
    """Where an annotation boundary goes under the edits. Text inserted exactly
    at a boundary stays outside; a boundary inside edited text moves to the
    edge of what replaced it, so the annotation keeps what survives."""
    shift = 0
    for start, end, new in sorted(edits):
        inserted_here = start == end == offset
        if end < offset or (end == offset and not (inserted_here and is_end)):
            shift += len(new) - (end - start)
        elif start < offset < end or (start == offset < end and not is_end):
            return start + shift + (len(new) if is_end else 0)
    return offset + shift


def expected_span(edits: list[Edit], edited: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the annotated words went, without whitespace at the edges; None if none survived."""
    new_start, new_end = moved(edits, start, is_end=False), moved(edits, end, is_end=True)
    while new_start < new_end and edited[new_start].isspace():
        new_start += 1
    while new_end > new_start and edited[new_end - 1].isspace():
        new_end -= 1
    return (new_start, new_end) if new_end > new_start else None


def annotate(text: str, start: int, end: int, index: int) -> Annotation:
    return Annotation(f"a{index}", "old", start, end, quote_selector(text, start, end))


@dataclass
class Scenario:
    kind: str
    edits: list[Edit]


def word_spans(text: str, rng: random.Random, count: int) -> list[tuple[int, int]]:
    words = list(WORD.finditer(text))
    spans: set[tuple[int, int]] = set()
    while len(spans) < count:
        first = rng.randrange(len(words))
        last = min(len(words) - 1, first + rng.choice([0, 0, 1, 2, 3, 5]))
        spans.add((words[first].start(), words[last].end()))
    return sorted(spans)


def filler(rng: random.Random) -> str:
    return " ".join(rng.sample(FILLER, rng.randint(1, 3)))


def scenario(kind: str, text: str, span: tuple[int, int], rng: random.Random) -> Scenario | None:
    """One edit of ``kind`` relative to the annotated ``span``."""
    start, end = span
    words = list(WORD.finditer(text))
    before = [w for w in words if w.end() < start]
    inside = [w for w in words if start < w.start() and w.end() < end]
    if kind == "insert before" and before:
        at = rng.choice(before).start()
        return Scenario(kind, [(at, at, filler(rng) + " ")])
    if kind == "delete before" and len(before) > 2:
        first = rng.randrange(len(before) - 1)
        return Scenario(kind, [(before[first].start(), before[first + 1].start(), "")])
    if kind == "insert inside" and inside:
        at = rng.choice(inside).start()
        return Scenario(kind, [(at, at, filler(rng) + " ")])
    if kind == "delete inside" and inside:
        word = rng.choice(inside)
        return Scenario(kind, [(word.start(), word.end() + 1, "")])
    if kind == "change word inside" and inside:
        word = rng.choice(inside)
        return Scenario(kind, [(word.start(), word.end(), rng.choice(FILLER))])
    if kind == "reflow whitespace":
        blanks = [m.start() for m in re.finditer(r"[ \n]", text)]
        chosen = sorted(rng.sample(blanks, len(blanks) // 3))
        return Scenario(kind, [(at, at + 1, rng.choice(["\n", "  ", " \n"])) for at in chosen])
    if kind == "delete paragraph":
        paragraphs = [m.span() for m in re.finditer(r"[^\n]+\n?", text)]
        return Scenario(kind, [(*rng.choice(paragraphs), "")])
    return None


KINDS = (
    "insert before",
    "delete before",
    "insert inside",
    "delete inside",
    "change word inside",
    "reflow whitespace",
    "delete paragraph",
)


def run_trials(seed: int = 8, trials_per_kind: int = 12, annotations_per_article: int = 25) -> Counter[str]:
    """Outcome counts over edited articles: every annotation of each article is
    re-anchored after each edit and compared with where its words went."""
    rng = random.Random(seed)
    outcomes: Counter[str] = Counter()
    for path in ARTICLES:
        text = path.read_text("utf-8")
        spans = word_spans(text, rng, annotations_per_article)
        annotations = [annotate(text, start, end, i) for i, (start, end) in enumerate(spans)]
        for kind in KINDS:
            for _ in range(trials_per_kind):
                edit = scenario(kind, text, rng.choice(spans), rng)
                if edit is None:
                    continue
                edited = apply_edits(text, edit.edits)
                for before, after in zip(annotations, reanchor(annotations, edited, "new"), strict=True):
                    expected = expected_span(edit.edits, edited, before.start, before.end)
                    placed = None if after.is_orphan else (after.start, after.end)
                    if placed is not None:
                        assert edited[placed[0] : placed[1]] == after.quote.exact
                    if expected is None:
                        outcomes["gone, orphan" if placed is None else "gone, placed: WRONG"] += 1
                    elif placed == expected:
                        outcomes["right"] += 1
                    else:
                        outcomes["orphan" if placed is None else "WRONG"] += 1
                        outcomes[f"missed in {kind}"] += placed is None
    return outcomes


def test_edited_articles_reanchor_right_or_orphan_never_wrong() -> None:
    outcomes = run_trials()
    placeable = outcomes["right"] + outcomes["orphan"] + outcomes["WRONG"]
    assert outcomes["WRONG"] == 0 and outcomes["gone, placed: WRONG"] == 0, outcomes
    assert outcomes["right"] / placeable >= 0.95, outcomes
    assert outcomes["gone, orphan"] > 0  # the deleted paragraphs did hold annotations


def test_unchanged_text_keeps_every_offset() -> None:
    text = (SEEDS / "xiaomi-usa.de.txt").read_text("utf-8")
    spans = word_spans(text, random.Random(1), 40)
    annotations = [annotate(text, start, end, i) for i, (start, end) in enumerate(spans)]
    assert [(a.start, a.end, a.state) for a in reanchor(annotations, text, "same")] == [
        (start, end, "anchored") for start, end in spans
    ]


def test_repeated_words_are_told_apart_by_context() -> None:
    text = "Barra sagte A. Dann sprach Barra über B. Am Ende lachte Barra laut."
    second = text.index("Barra", 5)
    annotation = annotate(text, second, second + 5, 0)
    edited = "Einleitung. " + text
    (placed,) = reanchor([annotation], edited, "new")
    assert (placed.start, placed.end) == (second + 12, second + 17)


def test_words_gone_with_their_paragraph_become_an_orphan_with_the_old_text() -> None:
    text = "Erster Absatz über Xiaomi.\nZweiter Absatz: Hugo Barra spricht.\nDritter Absatz über Xiaomi.\n"
    start = text.index("Hugo Barra")
    annotation = annotate(text, start, start + 10, 0)
    (orphan,) = reanchor([annotation], text.replace("Zweiter Absatz: Hugo Barra spricht.\n", ""), "new")
    assert orphan.state == "orphan"
    assert (orphan.start, orphan.end, orphan.quote.exact) == (start, start + 10, "Hugo Barra")


def test_a_changed_word_inside_is_followed() -> None:
    text = "Vorher steht etwas. Hugo Barra war einst Vizepräsident bei Google, sagt man. Danach mehr."
    start, end = text.index("Hugo"), text.index(" bei Google") + 11
    edited = text.replace("einst", "früher")
    assert locate(quote_selector(text, start, end), edited, start) == (start, end + 1)


def test_emoji_and_combining_accents_are_single_code_points_apart() -> None:
    text = "Cafe\u0301 ☕ und 👩‍👩‍👧 besuchten Zoë in Köln."
    start = text.index("Zoë")
    annotation = annotate(text, start, start + 3, 0)
    (placed,) = reanchor([annotation], "🎉 " + text, "new")
    assert (placed.start, placed.end) == (start + 2, start + 5)


@pytest.mark.parametrize("exact", ["", "   "])
def test_blank_quotes_are_never_placed(exact: str) -> None:
    assert locate(TextQuote(exact), "Ein Text.") is None


@given(
    text=st.text(alphabet=st.sampled_from("ab ä\nc😀e\u0301."), min_size=1, max_size=80),
    data=st.data(),
)
def test_placed_annotations_always_sit_on_their_quote(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    edited = data.draw(st.text(alphabet=st.sampled_from("ab ä\nc😀e\u0301."), max_size=5)) + text
    (placed,) = reanchor([annotate(text, start, end, 0)], edited, "new")
    if not placed.is_orphan:
        assert edited[placed.start : placed.end] == placed.quote.exact
        assert 0 <= placed.start < placed.end <= len(edited)
