"""Plain text: bytes in an unknown encoding to a :class:`Document`.

UTF-8 (with or without a byte order mark) and UTF-16 with a mark are read
as they are; anything else that is not binary is read as Windows-1252 with a
note for the reader, or refused with the offset of the first bad byte.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from pathlib import PurePath
from types import MappingProxyType

from tui.analysis.text import normalise
from tui.i18n import _
from tui.sources.document import Document
from tui.sources.errors import InputError

BINARY_SNIFF_BYTES = 8192
# Hard-wrapped text: at least this many lines, wrapped at a width in this
# range, a wrapped line ending at most this many characters short of it.
_MIN_WRAPPED_LINES = 4
_WRAP_WIDTHS = (40, 100)
_WRAP_SLACK = 20
_LIST_ITEM = re.compile(r"\s*(?:[-*•–]\s|\d{1,3}[.)]\s)")
# C0 controls other than tab/newline/carriage return/form feed/escape: a few
# in a text are hostile or accidental, many mean it is not text at all.
_SUSPICIOUS_CONTROLS = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
# A first line longer than this is a paragraph, not a heading.
_MAX_TITLE_CHARS = 200


def decode(data: bytes, source: str, encoding: str | None = None) -> Document:
    """Turn bytes into a normalised :class:`Document` or raise :class:`InputError`.

    ``source`` is the path as given (``-`` for standard input); messages name it.
    ``encoding`` overrides the detection.
    """
    name = display_name(source)
    if not data.strip():
        raise InputError(_("{name} is empty").format(name=name))
    if encoding:
        try:
            return _document(data.decode(encoding), source, encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise InputError(
                _("{name} cannot be read as {encoding}: {reason}").format(
                    name=name, encoding=encoding, reason=error
                )
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _document(data.decode("utf-16"), source, "utf-16")
        except UnicodeDecodeError:
            raise InputError(
                _("{name} has a UTF-16 mark but is not valid UTF-16").format(name=name)
            ) from None
    if looks_binary(data[:BINARY_SNIFF_BYTES]):
        raise InputError(_("{name} looks like a binary file, not text").format(name=name))
    try:
        return _document(data.decode("utf-8-sig"), source, "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    # Older German sources are often Windows-1252; it decodes almost any byte,
    # so it is tried only after the binary check, and the reader is told.
    try:
        document = _document(data.decode("cp1252"), source, "cp1252")
    except UnicodeDecodeError:
        raise InputError(
            _(
                "{name} is not valid UTF-8 (byte 0x{byte:02x} at offset {offset}); "
                "pass --encoding to name its encoding"
            ).format(name=name, byte=data[utf8_error.start], offset=utf8_error.start)
        ) from None
    return replace(document, note=_("{name} is not valid UTF-8; read it as cp1252").format(name=name))


def display_name(source: str) -> str:
    """How messages name a source: the path as given, or ``stdin``."""
    return "stdin" if source == "-" else source


def looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _SUSPICIOUS_CONTROLS)
    return controls > max(8, len(head) // 100)


def title_of(text: str, source: str) -> str:
    """The first non-empty line, unless it is a whole paragraph; then the file name."""
    first_line = next(line.strip() for line in text.splitlines() if line.strip())
    if len(first_line) <= _MAX_TITLE_CHARS:
        return first_line
    return display_name(source) if source == "-" else PurePath(source).name


def unwrap_hard_breaks(text: str) -> str:
    """Join the lines of hard-wrapped paragraphs (agency copy, e-mail, text
    exported at 72 columns), so that a paragraph flows as one in the reader
    and sentences are not cut for the analysis. A text counts as hard-wrapped
    when most of its lines end near one width of 40 to 100 characters; a line
    that ends near that width is joined with the next, unless the next starts
    a list item (a short line ends its paragraph). A line ending in a hyphen
    keeps it (``Smartphone-`` + ``Hersteller``)."""
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < _MIN_WRAPPED_LINES:
        return text
    width = lengths[int(0.9 * (len(lengths) - 1))]
    near_width = sum(1 for length in lengths if length >= width - _WRAP_SLACK)
    if not _WRAP_WIDTHS[0] <= width <= _WRAP_WIDTHS[1] or near_width < 0.5 * len(lengths):
        return text
    joined = [lines[0]]
    for line, following in pairwise(lines):
        wrapped = (
            len(line.rstrip()) >= width - _WRAP_SLACK
            and bool(following.strip())
            and not _LIST_ITEM.match(following)
            and any(char.isalnum() for char in following)  # an agency's "---" or "###" stays a line
        )
        joined.append(("" if line.endswith((" ", "-")) else " ") if wrapped else "\n")
        joined.append(following)
    return "".join(joined)


def with_flowing_paragraphs(document: Document) -> Document:
    """A plain-text ``document`` with its hard-wrapped paragraphs joined."""
    text = unwrap_hard_breaks(document.text)
    if text == document.text:
        return document
    return replace(document, text=text, title=title_of(text, document.source))


def _document(text: str, source: str, encoding: str) -> Document:
    text = normalise(text)
    if not text.strip():
        raise InputError(_("{name} is empty").format(name=display_name(source)))
    return Document(
        text=text,
        source=source,
        title=title_of(text, source),
        format="text",
        metadata=MappingProxyType({"encoding": encoding}),
    )
