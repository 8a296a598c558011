"""Finding an annotation's words again in an edited article (pure functions).

An annotation is placed, in order of trust, by

1. its offsets, when the words and their context are still there;
2. its exact words, with whitespace runs compared as one space (so reflowed
   lines still match), where the ~32 characters of context on at least one
   side are unchanged; among repeated words, the place whose context fits
   clearly best;
3. a fuzzy alignment (``rapidfuzz``) of context + words + context with the
   new text, which follows a changed word or an insertion inside the span;
   both possible edit scripts must agree on the place, one side of the
   context must be unchanged, and each end must be vouched for by unchanged
   context or unchanged characters next to it.

What none of them places safely becomes an orphan: it keeps its old words
and offsets and is never dropped, and never moved onto other words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tui.store.model import Annotation, TextQuote

if TYPE_CHECKING:
    from rapidfuzz.distance import Opcodes

CONTEXT_CHARS = 32
# The lead in context similarity (0-100) that the best place for repeated
# words needs over the next one, when neither has all its context unchanged.
_CONTEXT_LEAD = 15.0
# Fuzzy placement: how well context + words must align with the new text,
# and how much of the words themselves must survive.
_WINDOW_ACCEPT = 75.0
_WORDS_ACCEPT = 70.0
_ENCLOSED_KEPT = 0.8
# Unchanged characters of context that vouch for an end of a fuzzy placement.
_HELD_CHARS = 8

_WHITESPACE = re.compile(r"\s+")


def quote_selector(text: str, start: int, end: int) -> TextQuote:
    """The words at ``[start, end)`` with up to 32 characters of context each side."""
    return TextQuote(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def reanchor(annotations: Sequence[Annotation], text: str, document_id: str) -> list[Annotation]:
    """The annotations placed in ``text`` (now document ``document_id``).

    Placed ones get new offsets and a quote selector taken from ``text``;
    the others become orphans with their old words and offsets.
    """
    flat = _FlatText(text)
    placed = []
    for annotation in annotations:
        span = locate(annotation.quote, text, annotation.start, flat)
        if span is None:
            placed.append(replace(annotation, document_id=document_id, state="orphan"))
        else:
            placed.append(
                replace(
                    annotation,
                    document_id=document_id,
                    start=span[0],
                    end=span[1],
                    quote=quote_selector(text, *span),
                    state="anchored",
                )
            )
    return placed


def locate(
    quote: TextQuote, text: str, old_start: int | None = None, flat: _FlatText | None = None
) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text`` as ``(start, end)``, or None if it cannot be placed safely.

    ``old_start`` (the offset it had) only breaks ties between equally good places.
    """
    if not quote.exact.strip():
        return None
    if old_start is not None and _still_there(quote, text, old_start):
        return old_start, old_start + len(quote.exact)
    flat = flat or _FlatText(text)
    needle = _flat_quote(quote)
    hint = flat.flat_offset(old_start) if old_start is not None else None
    found = _by_words(needle, flat, hint)
    if found is None:
        found = _by_alignment(needle, flat)
    return None if found is None else flat.original_span(*found)


def _still_there(quote: TextQuote, text: str, start: int) -> bool:
    end = start + len(quote.exact)
    return (
        start >= 0
        and text[start:end] == quote.exact
        and text[max(0, start - len(quote.prefix)) : start] == quote.prefix
        and text[end : end + len(quote.suffix)] == quote.suffix
    )


def _flat_quote(quote: TextQuote) -> TextQuote:
    """The selector as it reads in :class:`_FlatText`: whitespace runs as one
    space, and whitespace at the edges of the words moved into the context."""
    words = quote.exact.strip()
    lead = quote.exact[: len(quote.exact) - len(quote.exact.lstrip())]
    trail = quote.exact[len(quote.exact.rstrip()) :]
    return TextQuote(
        exact=_collapse(words), prefix=_collapse(quote.prefix + lead), suffix=_collapse(trail + quote.suffix)
    )


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text)


class _FlatText:
    """The text with every whitespace run as one space, and for each of its
    characters the range of the original text it stands for."""

    __slots__ = ("_ends", "_starts", "text")

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        position = 0
        for run in _WHITESPACE.finditer(text):
            parts.append(text[position : run.start()])
            starts.extend(range(position, run.start()))
            ends.extend(range(position + 1, run.start() + 1))
            parts.append(" ")
            starts.append(run.start())
            ends.append(run.end())
            position = run.end()
        parts.append(text[position:])
        starts.extend(range(position, len(text)))
        ends.extend(range(position + 1, len(text) + 1))
        self.text = "".join(parts)
        self._starts = starts
        self._ends = ends

    def flat_offset(self, offset: int) -> int:
        return bisect_left(self._starts, offset)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self._starts[start], self._ends[end - 1]

    def before(self, offset: int, length: int) -> str:
        return self.text[max(0, offset - length) : offset]

    def after(self, offset: int, length: int) -> str:
        return self.text[offset : offset + length]


def _similarity(old: str, new: str) -> float:
    from rapidfuzz import fuzz  # imported when an edited article is first re-anchored, not at start-up

    if not old and not new:
        return 100.0
    return float(fuzz.ratio(old, new))


@dataclass(frozen=True, slots=True)
class _Fit:
    """How a place in the text agrees with a selector's context."""

    prefix_score: float  # fuzzy similarity of the context before, 0-100
    suffix_score: float
    prefix_agrees: int  # characters right before the place that are unchanged
    suffix_agrees: int
    prefix_whole: bool  # all of the old context is unchanged
    suffix_whole: bool

    @property
    def score(self) -> float:
        return (self.prefix_score + self.suffix_score) / 2

    @property
    def one_side_whole(self) -> bool:
        return self.prefix_whole or self.suffix_whole


def _fit(needle: TextQuote, flat: _FlatText, start: int, end: int) -> _Fit:
    before = flat.before(start, len(needle.prefix))
    after = flat.after(end, len(needle.suffix))
    prefix_agrees = _shared_start(before[::-1], needle.prefix[::-1])
    suffix_agrees = _shared_start(after, needle.suffix)
    return _Fit(
        _similarity(needle.prefix, before),
        _similarity(needle.suffix, after),
        prefix_agrees,
        suffix_agrees,
        prefix_agrees == len(needle.prefix),
        suffix_agrees == len(needle.suffix),
    )


def _cuts_word(left: str, right: str) -> bool:
    return bool(left) and bool(right) and (left[-1].isalnum() and right[0].isalnum())


def _same_word_edges(needle: TextQuote, flat: _FlatText, start: int, end: int) -> bool:
    """True if the place starts and ends inside words exactly where the old words did."""
    return _cuts_word(needle.prefix, needle.exact) == _cuts_word(
        flat.before(start, 1), flat.text[start:end]
    ) and (_cuts_word(needle.exact, needle.suffix) == _cuts_word(flat.text[start:end], flat.after(end, 1)))


def _by_words(needle: TextQuote, flat: _FlatText, hint: int | None) -> tuple[int, int] | None:
    """The occurrence of the exact words that keeps one side of its context
    whole and fits best, if it is clearly the one."""
    scored: list[tuple[float, int, int]] = []
    start = flat.text.find(needle.exact)
    while start >= 0:
        end = start + len(needle.exact)
        fit = _fit(needle, flat, start, end)
        if fit.one_side_whole and _same_word_edges(needle, flat, start, end):
            distance = abs(start - hint) if hint is not None else 0
            scored.append((fit.score, -distance, start))
        start = flat.text.find(needle.exact, start + 1)
    if not scored:
        return None
    scored.sort(reverse=True)
    best, _, best_start = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if best == 100.0 or best - runner_up >= _CONTEXT_LEAD:
        return best_start, best_start + len(needle.exact)
    return None


def _by_alignment(needle: TextQuote, flat: _FlatText) -> tuple[int, int] | None:
    """Align context + words with the text and map the words' ends through the alignment."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import LCSseq, Levenshtein

    window = needle.prefix + needle.exact + needle.suffix
    rough = fuzz.partial_ratio_alignment(window, flat.text)
    if rough is None or rough.score < _WINDOW_ACCEPT:
        return None
    # Room either side for what was inserted into or deleted from the window.
    slack = len(window)
    region_start = max(0, rough.dest_start - rough.src_start - slack)
    region_end = min(len(flat.text), rough.dest_end + (len(window) - rough.src_end) + slack)
    region = flat.text[region_start:region_end]
    words_start = len(needle.prefix)
    words_end = words_start + len(needle.exact)
    # Edit scripts are not unique ("expected to" → "to" deletes either "expected "
    # or "xpected t"): a place both the forward and the backward script agree on
    # is safe, any other is not.
    forward = Levenshtein.opcodes(window, region)
    backward = Levenshtein.opcodes(window[::-1], region[::-1])
    start = _map_start(forward, words_start)
    end = _map_end(forward, words_end)
    if (
        len(region) - _map_end(backward, len(window) - words_start),
        len(region) - _map_start(backward, len(window) - words_end),
    ) != (start, end):
        return None
    start += region_start
    end += region_start
    while start < end and flat.text[start] == " ":
        start += 1
    while end > start and flat.text[end - 1] == " ":
        end -= 1
    if end <= start:
        return None
    found = flat.text[start:end]
    fit = _fit(needle, flat, start, end)
    # Each end must be vouched for by unchanged context next to it or by
    # unchanged characters at that end of the words.
    start_held = fit.prefix_agrees >= min(_HELD_CHARS, len(needle.prefix)) or found[:3] == needle.exact[:3]
    end_held = fit.suffix_agrees >= min(_HELD_CHARS, len(needle.suffix)) or found[-3:] == needle.exact[-3:]
    if not (fit.one_side_whole and start_held and end_held and _same_word_edges(needle, flat, start, end)):
        return None
    similar = _similarity(needle.exact, found) >= _WORDS_ACCEPT
    # Most of the old words between unchanged context: text was inserted into
    # the span (too much for the similarity above).
    enclosed = (
        fit.prefix_whole
        and fit.suffix_whole
        and (LCSseq.similarity(needle.exact, found) >= _ENCLOSED_KEPT * len(needle.exact))
    )
    return (start, end) if similar or enclosed else None


def _map_start(opcodes: Opcodes, offset: int) -> int:
    """Where the character at ``offset`` of the old window went (or the next surviving one)."""
    for op in opcodes:
        if op.src_start <= offset < op.src_end:
            if op.tag == "equal":
                return op.dest_start + offset - op.src_start
            if op.tag == "replace":
                return op.dest_start + min(offset - op.src_start, op.dest_end - op.dest_start)
            return op.dest_start
    return opcodes.dest_len


def _map_end(opcodes: Opcodes, offset: int) -> int:
    """Where the boundary after the character at ``offset - 1`` of the old window went."""
    last = offset - 1
    for op in opcodes:
        if op.src_start <= last < op.src_end:
            if op.tag == "equal":
                return op.dest_start + last - op.src_start + 1
            if op.tag == "replace":
                if offset == op.src_end:
                    return op.dest_end
                return op.dest_start + min(last - op.src_start + 1, op.dest_end - op.dest_start)
            return op.dest_start
    return 0


def _shared_start(first: str, second: str) -> int:
    """How many characters two strings share at their start."""
    return next(
        (i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b),
        min(len(first), len(second)),
    )
