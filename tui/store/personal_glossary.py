"""The reader's own glossary in a text: where its terms occur, and the small
edits of an entry. Pure functions, no I/O: the UI process calls them, so
regular expressions do the work, not spaCy.

A term is found as a whole word (``Rat`` is not in ``Ratgeber``), in any
case unless it is an acronym (``IEA`` keeps its case, ``Netzentgelt`` finds
``netzentgelt``), with any run of whitespace between the words of a longer
term (a line break too), and with the common German and English endings on
each word (``Netzentgelt`` finds ``Netzentgelte``, ``Netzentgelten`` and
``Netzentgelts``; ``Xiaomi`` finds ``Xiaomis``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath

from tui.store.model import PersonalEntry, Sighting, new_entry_id, now

# Endings of nouns and adjectives: plural -e/-en/-n/-er/-ern/-s, genitive
# -s/-es/-'s, adjective -e/-em/-en/-er/-es. Longest first: the regex takes
# the first that lets the word end there.
_WORD_ENDINGS = ("ern", "em", "en", "er", "es", "e", "n", "s")
_ENDINGS = "(?:" + "|".join((*_WORD_ENDINGS[:5], "'s", "’s", *_WORD_ENDINGS[5:])) + ")?"
_ACRONYM_ENDINGS = r"(?:'s|’s|s)?"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a personal entry occurs: ``text == article[start:end]``."""

    start: int
    end: int
    text: str
    entry_id: str


def is_acronym(word: str) -> bool:
    """Two capitals or more (``IEA``, ``KfW``): matched in its own case."""
    return sum(character.isupper() for character in word) >= 2


def term_pattern(term: str) -> re.Pattern[str] | None:
    """The pattern that finds ``term`` in a text; None for a blank term."""
    words = term.split()
    if not words:
        return None
    parts = []
    for word in words:
        escaped = re.escape(word)
        if not word[-1].isalnum():
            parts.append(escaped if is_acronym(word) else f"(?i:{escaped})")
        elif is_acronym(word):
            parts.append(escaped + _ACRONYM_ENDINGS)
        else:
            parts.append(f"(?i:{escaped}){_ENDINGS}")
    before = r"(?<!\w)" if words[0][0].isalnum() else ""
    after = r"(?!\w)" if words[-1][-1].isalnum() else ""
    return re.compile(before + r"\s+".join(parts) + after)


def find_mentions(text: str, entries: Iterable[PersonalEntry]) -> list[Mention]:
    """Every occurrence of the entries' terms in ``text``, in text order.
    Where two terms overlap the one further left wins, at the same place the
    longer (``erneuerbare Energien`` over ``Energie``)."""
    words = _WordIndex(text)
    found: list[Mention] = []
    for entry in entries:
        pattern = term_pattern(entry.term)
        if pattern is not None:
            found.extend(
                Mention(match.start(), match.end(), match.group(), entry.id)
                for match in words.matches(pattern, entry.term)
            )
    found.sort(key=lambda mention: (mention.start, mention.start - mention.end, mention.entry_id))
    kept: list[Mention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


class _WordIndex:
    """Where each word of the text starts, under its lower-case form and
    each form without an ending: a term is tried only where its first word
    could begin, not at every character (200 terms on a 10,000-word article:
    one regex scan each took a quarter of a second)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str, list[int]] | None = None

    def matches(self, pattern: re.Pattern[str], term: str) -> Iterator[re.Match[str]]:
        first = _WORD.match(term.lstrip())
        if first is None:  # a term that starts with a mark: scan the whole text
            yield from pattern.finditer(self.text)
            return
        for start in self.starts().get(first.group().lower(), ()):
            match = pattern.match(self.text, start)
            if match is not None:
                yield match

    def starts(self) -> dict[str, list[int]]:
        if self._starts is None:
            starts: dict[str, list[int]] = {}
            for word in _WORD.finditer(self.text):
                lower = word.group().lower()
                starts.setdefault(lower, []).append(word.start())
                for ending in _WORD_ENDINGS:
                    if len(lower) > len(ending) and lower.endswith(ending):
                        starts.setdefault(lower[: -len(ending)], []).append(word.start())
            self._starts = starts
        return self._starts


def counts(mentions: Iterable[Mention]) -> dict[str, int]:
    """How often each entry occurs (entry id -> count), for the store's sightings."""
    return dict(Counter(mention.entry_id for mention in mentions))


def by_entry(mentions: Iterable[Mention]) -> Mapping[str, list[Mention]]:
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.entry_id, []).append(mention)
    return grouped


def seen_elsewhere(sightings: Iterable[Sighting], document_id: str, path: str | None) -> dict[str, list[str]]:
    """Entry id -> the titles of the other articles it was seen in, each
    once. Earlier versions of this very file (opened from ``path``) are no
    other article."""
    titles: dict[str, dict[str, None]] = {}
    for sighting in sightings:
        if sighting.document_id == document_id or (path is not None and path in sighting.paths):
            continue
        title = sighting.title or (PurePath(sighting.paths[0]).name if sighting.paths else "")
        if title:
            titles.setdefault(sighting.entry_id, {})[title] = None
    return {entry_id: list(found) for entry_id, found in titles.items()}


def same_term(entries: Sequence[PersonalEntry], term: str) -> PersonalEntry | None:
    """The entry for ``term`` (case and spacing aside), so adding a term twice edits it."""
    key = " ".join(term.split()).casefold()
    return next((entry for entry in entries if " ".join(entry.term.split()).casefold() == key), None)


def new_entry(term: str, note: str = "", tags: Iterable[str] = ()) -> PersonalEntry:
    stamp = now()
    return PersonalEntry(new_entry_id(), " ".join(term.split()), note.strip(), _clean(tags), stamp, stamp)


def edited(entry: PersonalEntry, term: str, note: str, tags: Iterable[str]) -> PersonalEntry:
    return replace(entry, term=" ".join(term.split()), note=note.strip(), tags=_clean(tags), modified=now())


def _clean(tags: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tag.strip() for tag in tags if tag.strip()))
