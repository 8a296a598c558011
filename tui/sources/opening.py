"""The entry point: a path (or ``-``) to a :class:`Document`.

Reading, size limits and the choice of format live here; each format's
reader turns bytes into a document: HTML (``.html``, ``.htm``, or a page on
stdin), Markdown (``.md``, ``.markdown``), else plain text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tui.i18n import _
from tui.sources.document import Document
from tui.sources.errors import InputError
from tui.sources.plain_text import decode, with_flowing_paragraphs

# Long enough for a book, short enough that a stray log dump or disk image
# gets a clear refusal instead of minutes of analysis.
MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"


HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL
)


def open_source(path: str, encoding: str | None = None) -> Document:
    """Read the article at ``path`` (``-``: standard input) or raise :class:`InputError`."""
    data = _read_stdin() if path == STDIN else _read_file(Path(path))
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES or (path == STDIN and looks_like_html(data)):
        from tui.sources.html import read_html  # imported, like the Markdown reader, on first use

        return read_html(data, path)
    if suffix in MARKDOWN_SUFFIXES:
        from tui.sources.markdown import read_markdown  # markdown-it: ~20 ms the reader's start need not pay

        return read_markdown(data, path, encoding)
    return with_flowing_paragraphs(decode(data, path, encoding))


def looks_like_html(data: bytes) -> bool:
    """A document that says it is HTML in its first bytes (for stdin)."""
    return _HTML_START.match(data[:4096]) is not None


def _read_stdin() -> bytes:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(
            _("stdin is over {size}; Randnotiz reads articles up to that size").format(
                size=_megabytes(MAX_BYTES)
            )
        )
    return data


def _read_file(path: Path) -> bytes:
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(_("no such file: {name}").format(name=name)) from None
    except OSError as error:
        raise InputError(_("cannot read {name}: {reason}").format(name=name, reason=error.strerror)) from None
    if path.is_dir():
        raise InputError(_("{name} is a folder; give an article file").format(name=name))
    if size > MAX_BYTES:
        raise InputError(
            _("{name} is {size} MB; Randnotiz reads articles up to {limit}").format(
                name=name, size=f"{size / 1024 / 1024:.0f}", limit=_megabytes(MAX_BYTES)
            )
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(_("cannot read {name}: {reason}").format(name=name, reason=error.strerror)) from None


def _megabytes(size: int) -> str:
    return f"{size // 1024 // 1024} MB"
