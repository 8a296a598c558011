"""Pure text work: normalising article text and detecting its language.

The normalised text (NFC, ``\\n`` line ends) is the one source of truth for
offsets: everything downstream indexes into what :func:`normalise` returns.
Reading files and decoding bytes is :mod:`tui.sources`' job.
"""

from __future__ import annotations

import re
import unicodedata


def normalise(text: str) -> str:
    """NFC-normalise and unify line ends; offsets everywhere refer to this."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = {
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "ein",
            "eine",
            "einen",
            "dem",
            "den",
            "des",
            "mit",
            "sich",
            "auf",
            "für",
            "von",
            "zu",
            "im",
            "auch",
            "es",
            "wird",
            "sind",
            "wie",
            "bei",
            "aus",
            "nach",
            "noch",
            "über",
            "hat",
            "sei",
            "dass",
        ]
    ),
    "en": frozenset(
        # Not "in": it is as German as it is English.
        [
            "the",
            "and",
            "is",
            "of",
            "to",
            "that",
            "it",
            "with",
            "for",
            "was",
            "on",
            "are",
            "as",
            "be",
            "by",
            "this",
            "have",
            "from",
            "not",
            "at",
            "which",
            "has",
            "were",
            "will",
            "would",
            "said",
        ]
    ),
}
SUPPORTED_LANGUAGES = tuple(_FUNCTION_WORDS)


def detect_language(text: str, default: str = "de") -> str:
    """Guess German or English from function words; ``default`` on a tie.

    Function words are frequent in any register and rarely shared between the
    two languages, so a few hundred words decide reliably.
    """
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    for match in _WORD.finditer(text[:20000]):
        word = match.group().lower()
        for lang, words in _FUNCTION_WORDS.items():
            if word in words:
                counts[lang] += 1
    best = max(counts, key=lambda lang: counts[lang])
    if counts[best] == 0 or list(counts.values()).count(counts[best]) > 1:
        return default
    return best


# German function words that several readers of the text skip or stop at.
GERMAN_ARTICLES = frozenset(
    {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"}
)
GERMAN_POSSESSIVES = frozenset(
    {
        "sein",
        "seine",
        "seiner",
        "seines",
        "seinem",
        "seinen",
        "ihr",
        "ihre",
        "ihrer",
        "ihres",
        "ihrem",
        "ihren",
    }
)
