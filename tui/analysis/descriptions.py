"""What the article says a named thing is: a role before the name ("RWE-Chef
Markus Krebber", "der chinesische Smartphone-Hersteller Xiaomi"), an
apposition after it ("Jonas Wild, Analyst der Landesbank,") or a predicative
("Hugo Barra war … als Vizepräsident bei Google tätig").

The bundled German model has no tagger nor parser, so these are patterns
over words and their shapes: capitalised words are nouns in German, inflected
lower-case words before them adjectives, and a role noun ("…minister",
"…sprecherin", listed in ``data/roles.*.txt``) may stand before a name
without an article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from tui.analysis.bundled import data_lines
from tui.analysis.model import Span
from tui.analysis.spans import SpanIndex
from tui.analysis.text import GERMAN_ARTICLES, GERMAN_POSSESSIVES

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]|\n")
_DETERMINERS = {
    "de": GERMAN_ARTICLES | GERMAN_POSSESSIVES,
    "en": frozenset(["the", "a", "an", "its", "his", "her", "their"]),
}
# Lower-case words that look inflected but are not adjectives.
_NOT_ADJECTIVES = frozenset(
    [
        "aber",
        "oder",
        "über",
        "unter",
        "hinter",
        "wieder",
        "immer",
        "weder",
        "jeder",
        "jede",
        "jedes",
        "jeden",
        "jedem",
        "diese",
        "dieser",
        "dieses",
        "diesen",
        "diesem",
        "welche",
        "welcher",
        "welches",
        "eher",
        "mehr",
        "sehr",
        "keine",
        "keiner",
        "keinen",
        "keinem",
        "unsere",
        "unser",
        "euer",
        "beide",
        "beiden",
        "andere",
        "anderen",
        "ebenfalls",
        "bereits",
        "seit",
        "nach",
        "vor",
        "oben",
        "unten",
    ]
)
# Words that may join the parts of a longer description: "Analyst der Landesbank".
_LINKS = {
    "de": frozenset(
        [
            "der",
            "des",
            "die",
            "dem",
            "den",
            "von",
            "vom",
            "bei",
            "beim",
            "im",
            "in",
            "am",
            "an",
            "für",
            "aus",
            "zu",
            "zur",
            "zum",
            "und",
        ]
    ),
    "en": frozenset(["of", "at", "for", "in", "the", "and"]),
}
_COPULAS = {
    "de": frozenset(
        [
            "ist",
            "war",
            "sind",
            "waren",
            "wird",
            "wurde",
            "bleibt",
            "blieb",
            "gilt",
            "galt",
            "arbeitet",
            "arbeitete",
        ]
    ),
    "en": frozenset(["is", "was", "are", "were", "becomes", "became", "remains"]),
}
_AS = {"de": "als", "en": "as"}
# Case and plural endings after a role's head: "Ministerpräsidenten", "Sprechers".
_ROLE_ENDINGS = ("", "s", "n", "en", "es", "nen")
_MAX_TAIL = 6
_LOOK_AHEAD = 5


@cache
def role_heads(lang: str) -> tuple[str, ...]:
    try:
        return tuple(data_lines(f"roles.{lang}.txt"))
    except FileNotFoundError:
        return ()


def is_role(word: str, lang: str) -> bool:
    """Does ``word`` name a role ("Bundeswirtschaftsminister", "RWE-Chef",
    "Ministerpräsidenten")?"""
    head = word.rsplit("-", 1)[-1].lower()
    return any(
        head.endswith(ending) and head[: len(head) - len(ending)].endswith(role_heads(lang))
        for ending in _ROLE_ENDINGS
    )


class Describer:
    """Finds descriptions next to the mentions of one text."""

    def __init__(self, text: str, lang: str, entities: Sequence[Span]) -> None:
        self._text = text
        self._lang = lang if lang in _DETERMINERS else "de"
        self._tokens = [Span(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        self._starts = [token.start for token in self._tokens]
        self._entities = SpanIndex(entities)

    def describe(self, name: Span) -> list[Span]:
        """Descriptions of the thing named at ``name`` (the name itself,
        without a role the model may have put into the same span)."""
        first = bisect_left(self._starts, name.start)
        after = bisect_left(self._starts, name.end)
        before = self._before(first)
        # "der Küste Helgolands": a German genitive name belongs to the noun
        # before it, unless that noun is a role.
        if before is not None and self._lang == "de" and name.text.endswith("s"):
            before = before if is_role(before.text.split()[-1], self._lang) else None
        found = [before, self._apposition(after), self._predicative(after)]
        return [span for span in found if span is not None]

    def _before(self, first: int) -> Span | None:
        lang = self._lang
        end = first  # the description ends before the name
        index = first - 1
        nouns = 0
        while index >= 0 and nouns < 2 and self._is_noun(index) and not self._is_entity(index):
            index -= 1
            nouns += 1
        if (
            nouns == 2
            and not is_role(self._tokens[first - 1].text, lang)
            and is_role(self._tokens[first - 2].text, lang)
        ):
            # "des Ministerpräsidenten Thaksin Shinawatra" with only the
            # surname found: the role, not the first name.
            end, nouns = first - 1, 1
        if nouns == 0:
            return None
        head = self._tokens[end - 1].text
        adjectives = 0
        while index >= 0 and adjectives < 2 and self._is_adjective(index):
            index -= 1
            adjectives += 1
        determiner = self._tokens[index].text.lower() if index >= 0 else ""
        # "Das bestätigte RWE-Chef …": a role is a person, never "das" one.
        has_determiner = determiner in _DETERMINERS[lang] and not (
            determiner == "das" and is_role(head, lang)
        )
        if not (has_determiner or is_role(head, lang)):
            return None
        if not has_determiner:
            index += adjectives  # "sagte RWE-Chef": a verb, not an adjective
            if nouns == 2:  # "Laut Bundesminister …": the role, not the preposition
                index += 1
        return self._span(index + 1, end)

    def _apposition(self, after: int) -> Span | None:
        if after >= len(self._tokens) or self._tokens[after].text != ",":
            return None
        phrase = self._noun_phrase(after + 1)
        if phrase is None:
            return None
        start, end, _ = phrase
        following = self._tokens[end].text if end < len(self._tokens) else "."
        if following not in {",", ".", ";", "(", ")", "–", "—", ":", "\n"}:
            return None
        return self._span(start, end)

    def _predicative(self, after: int) -> Span | None:
        lang = self._lang
        if after >= len(self._tokens) or self._tokens[after].text.lower() not in _COPULAS[lang]:
            return None
        window = self._tokens[after + 1 : after + 1 + _LOOK_AHEAD]
        for offset, token in enumerate(window):
            if token.text in {".", "!", "?", ",", "\n"}:
                break
            if token.text.lower() == _AS[lang]:
                phrase = self._noun_phrase(after + 2 + offset)
                return None if phrase is None else self._span(phrase[0], phrase[1])
        phrase = self._noun_phrase(after + 1)
        # "Günther ist Vorsitzender der …", "Xiaomi ist der größte Hersteller":
        # a role or a noun with an article, not "Barra ist Montag in Berlin".
        if phrase is None or not (phrase[2] or is_role(self._tokens[phrase[0]].text, lang)):
            return None
        return self._span(phrase[0], phrase[1])

    def _noun_phrase(self, index: int) -> tuple[int, int, bool] | None:
        """``(start, end, has_determiner)`` in tokens of a noun phrase at
        ``index``: determiner, adjectives, a noun that is not a name, and the
        words that extend it ("Analyst der Landesbank")."""
        lang = self._lang
        has_determiner = index < len(self._tokens) and self._tokens[index].text.lower() in _DETERMINERS[lang]
        start = index + has_determiner
        index = start
        while index < len(self._tokens) and not self._is_head(index) and self._is_adjective(index):
            index += 1
        if index >= len(self._tokens) or not self._is_head(index):
            return None
        end = index + 1
        for tail in range(end, min(len(self._tokens), end + _MAX_TAIL)):
            word = self._tokens[tail].text
            if self._is_noun(tail) or self._is_entity(tail):
                end = tail + 1
            elif not (word in _LINKS[lang] or self._is_adjective(tail)):
                break
        return start, end, has_determiner

    def _is_head(self, index: int) -> bool:
        if self._is_entity(index):
            return False
        if self._lang == "de":
            return self._is_noun(index)
        return is_role(self._tokens[index].text, self._lang)

    def _is_noun(self, index: int) -> bool:
        word = self._tokens[index].text
        if word.lower() in _DETERMINERS[self._lang]:  # "Der" opening a sentence
            return False
        if self._lang != "de":
            return (word[0].isupper() and word.isalpha()) or is_role(word, self._lang)
        return word[0].isupper() and any(char.islower() for char in word) and word[0].isalpha()

    def _is_adjective(self, index: int) -> bool:
        word = self._tokens[index].text
        if self._lang != "de":
            return word.isalpha() and word.islower() and word not in _DETERMINERS["en"]
        return (
            len(word) >= 4
            and word.isalpha()
            and word.islower()
            and word.endswith(("e", "en", "er", "es", "em"))
            and word not in _NOT_ADJECTIVES
            and word not in _DETERMINERS["de"]
        )

    def _is_entity(self, index: int) -> bool:
        token = self._tokens[index]
        return bool(self._entities.overlapping(token.start, token.end))

    def _span(self, first: int, end: int) -> Span:
        start, stop = self._tokens[first].start, self._tokens[end - 1].end
        return Span(start, stop, self._text[start:stop])
