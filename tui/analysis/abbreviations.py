"""Abbreviations the article defines, and those it uses without a definition.

Definitions are found as Schwartz and Hearst describe ("A Simple Algorithm
for Identifying Abbreviation Definitions in Biomedical Text", PSB 2003): a
short form in parentheses after its long form, ``Internationale
Energieagentur (IEA)``, or the reverse, ``IEA (Internationale
Energieagentur)``; the long form is accepted when the short form's
characters occur in it in order, the first one at the start of a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tui.analysis.model import Span
from tui.analysis.spans import SpanIndex

_PARENTHESES = re.compile(r"\(([^()\n]{1,120})\)")
_WORD_BEFORE = re.compile(r"(\w[\w.&/-]*)\s*$")
# Capitals, digits and the odd lower-case letter or dot: "IEA", "BNetzA", "CO2", "U.S.".
_ABBREVIATION = re.compile(r"(?<![\w.-])(?:(?:[A-ZÄÖÜ]\.){2,}|(?=(?:\w*?[A-ZÄÖÜ]){2})[A-ZÄÖÜ][\w&]*)(?![\w])")
_MAX_SHORT_FORM = 10
_CLAUSE_BOUNDARY = re.compile(r"[.!?;:\n(\[]\s|[„“\"»«]")


@dataclass(frozen=True, slots=True)
class Definition:
    short: Span
    long: Span


def find_definitions(text: str) -> list[Definition]:
    """Every ``LF (SF)`` and ``SF (LF)`` definition, in text order."""
    return list(_definitions(text))


def _definitions(text: str) -> Iterator[Definition]:
    for match in _PARENTHESES.finditer(text):
        # "(IEA, gegründet 1974)": the part before a comma or semicolon.
        inside = re.split(r"[,;]", match.group(1), maxsplit=1)[0]
        inside_start = match.start(1) + len(inside) - len(inside.lstrip())
        inside = inside.strip()
        # The long form stays within the clause before the parenthesis.
        window_start = max(0, match.start() - 200)
        boundaries = [0, *(b.end() for b in _CLAUSE_BOUNDARY.finditer(text, window_start, match.start()))]
        clause_start = max(window_start, boundaries[-1])
        before_end = len(text[: match.start()].rstrip())
        if _is_short_form(inside):
            definition = _long_form_before(text, clause_start, before_end, inside, inside_start)
        else:
            definition = _long_form_inside(text, clause_start, before_end, inside, inside_start)
        if definition is not None:
            yield definition


def _is_short_form(candidate: str) -> bool:
    return (
        2 <= len(candidate) <= _MAX_SHORT_FORM
        and len(candidate.split()) <= 2
        and candidate[0].isalnum()
        and any(char.isalpha() for char in candidate)
        and any(char.isupper() for char in candidate)
    )


def _long_form_before(
    text: str, clause_start: int, before_end: int, short: str, short_start: int
) -> Definition | None:
    words = list(re.finditer(r"\S+", text[clause_start:before_end]))
    window = min(len(short) + 5, 2 * len(short))
    if not words:
        return None
    start = clause_start + words[-min(window, len(words))].start()
    long_start = best_long_form(short, text[start:before_end])
    if long_start is None:
        return None
    start += long_start
    long_form = text[start:before_end]
    if len(long_form) <= len(short) or short in long_form.split():
        return None
    return Definition(Span(short_start, short_start + len(short), short), Span(start, before_end, long_form))


def _long_form_inside(
    text: str, clause_start: int, before_end: int, inside: str, inside_start: int
) -> Definition | None:
    word = _WORD_BEFORE.search(text[clause_start:before_end])
    if word is None or len(inside.split()) < 2:
        return None
    short = word.group(1)
    if not _is_short_form(short) or sum(char.isupper() for char in short) < 2:
        return None
    # The whole parenthesis must be the long form, not just its end.
    if best_long_form(short, inside) != 0:
        return None
    short_start = clause_start + word.start(1)
    return Definition(
        Span(short_start, short_start + len(short), short),
        Span(inside_start, inside_start + len(inside), inside),
    )


def best_long_form(short: str, candidate: str) -> int | None:
    """Where in ``candidate`` the long form of ``short`` starts: the shortest
    end of it that holds the characters of ``short`` in order, the first one
    at the start of a word (Schwartz and Hearst's algorithm, read from the
    right); None if there is none."""
    short_index = len(short) - 1
    long_index = len(candidate) - 1
    while short_index >= 0:
        char = short[short_index].lower()
        if not char.isalnum():
            short_index -= 1
            continue
        while long_index >= 0 and (
            candidate[long_index].lower() != char
            or (short_index == 0 and long_index > 0 and candidate[long_index - 1].isalnum())
        ):
            long_index -= 1
        if long_index < 0:
            return None
        long_index -= 1
        short_index -= 1
    # The whole word the first character starts ("Erneuerbare-Energien-Gesetz").
    spaces = [match.end() for match in re.finditer(r"\s+", candidate[: long_index + 1])]
    return spaces[-1] if spaces else 0


def find_abbreviations(text: str, exclude: Sequence[Span] = ()) -> list[Span]:
    """Every use of an abbreviation-like word ("RWE", "CO2", "BNetzA"),
    whether or not the article defines it, outside the ``exclude`` spans."""
    taken = SpanIndex(exclude)
    return [
        Span(match.start(), match.end(), match.group())
        for match in _ABBREVIATION.finditer(text)
        if len(match.group()) <= _MAX_SHORT_FORM and not taken.overlapping(match.start(), match.end())
    ]


def occurrences(text: str, short: str) -> list[Span]:
    """Where ``short`` occurs as a word of its own (also as the first part
    of a compound: "IEA-Chef")."""
    pattern = re.compile(r"(?<![\w-])" + re.escape(short) + r"(?!\w)")
    return [Span(match.start(), match.end(), match.group()) for match in pattern.finditer(text)]
