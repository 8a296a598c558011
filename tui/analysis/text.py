"""Reading, checking and normalising article text; language detection.

The normalised text (NFC, ``\\n`` line ends) is the one source of truth for
offsets: everything downstream indexes into what :func:`normalise` returns.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# Long enough for a book, short enough that a stray log dump or disk image
# gets a clear refusal instead of minutes of analysis.
MAX_BYTES = 20 * 1024 * 1024
_BINARY_SNIFF_BYTES = 8192
# C0 controls other than tab/newline/carriage return/form feed: a few in a
# text are hostile or accidental, many mean it is not text at all.
_SUSPICIOUS_CONTROLS = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


class InputError(Exception):
    """Input that cannot be read as an article; the message is for the user."""


@dataclass(frozen=True, slots=True)
class Document:
    """A normalised article and where it came from."""

    text: str
    name: str
    encoding: str = "utf-8"

    @property
    def decoding_note(self) -> str | None:
        if self.encoding in {"utf-8", "utf-8-sig", "utf-16"}:
            return None
        return f"{self.name} is not valid UTF-8; read it as {self.encoding}"


def normalise(text: str) -> str:
    """NFC-normalise and unify line ends; offsets everywhere refer to this."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def decode(data: bytes, name: str, encoding: str | None = None) -> Document:
    """Turn bytes into a normalised :class:`Document` or raise :class:`InputError`."""
    if not data.strip():
        raise InputError(f"{name} is empty")
    if encoding:
        try:
            return _document(data.decode(encoding), name, encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise InputError(f"{name} cannot be read as {encoding}: {error}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _document(data.decode("utf-16"), name, "utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name} has a UTF-16 mark but is not valid UTF-16") from None
    if _looks_binary(data[:_BINARY_SNIFF_BYTES]):
        raise InputError(f"{name} looks like a binary file, not text")
    try:
        return _document(data.decode("utf-8-sig"), name, "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    # Older German sources are often Windows-1252; it decodes almost any byte,
    # so it is tried only after the binary check, and the reader is told.
    try:
        return _document(data.decode("cp1252"), name, "cp1252")
    except UnicodeDecodeError:
        raise InputError(
            f"{name} is not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset "
            f"{utf8_error.start}); pass --encoding to name its encoding"
        ) from None


def read_path(path: Path | str, encoding: str | None = None) -> Document:
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"no such file: {name}") from None
    except OSError as error:
        raise InputError(f"cannot read {name}: {error.strerror}") from None
    if path.is_dir():
        raise InputError(f"{name} is a folder; give an article file")
    if size > MAX_BYTES:
        raise InputError(
            f"{name} is {size / 1024 / 1024:.0f} MB; Randnotiz reads articles up to "
            f"{MAX_BYTES // 1024 // 1024} MB"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {name}: {error.strerror}") from None
    return decode(data, name, encoding)


def _document(text: str, name: str, encoding: str) -> Document:
    text = normalise(text)
    if not text.strip():
        raise InputError(f"{name} is empty")
    return Document(text=text, name=name, encoding=encoding)


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _SUSPICIOUS_CONTROLS)
    return controls > max(8, len(head) // 100)


_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = {
    "de": frozenset(
        ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "dem", "den", "des", "mit", "sich", "auf", "für", "von", "zu", "im", "auch", "es", "wird", "sind", "wie", "bei", "aus", "nach", "noch", "über", "hat", "sei", "dass"]
    ),
    "en": frozenset(
        # Not "in": it is as German as it is English.
        ["the", "and", "is", "of", "to", "that", "it", "with", "for", "was", "on", "are", "as", "be", "by", "this", "have", "from", "not", "at", "which", "has", "were", "will", "would", "said"]
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
