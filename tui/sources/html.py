"""HTML: the article of a saved web page, without navigation, teasers,
cookie banners, footers or comments.

trafilatura finds the main text and the page's title, author, date and site
name; script and style content never reaches it. Its XML output keeps the
blocks (headings, paragraphs, list items, quotes), and each block is looked
up in the page itself for the source line it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tui.i18n import _
from tui.sources.blocks import Block, document_from_blocks, flowing
from tui.sources.document import Document, SegmentKind
from tui.sources.errors import InputError
from tui.sources.plain_text import BINARY_SNIFF_BYTES, display_name, looks_binary

_BLOCK_TAGS: dict[str, SegmentKind] = {
    "head": "heading",
    "p": "paragraph",
    "item": "list_item",
    "quote": "quote",
    "code": "code",
}
_SOURCE_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd")
_METADATA = (("author", "author"), ("date", "date"), ("sitename", "site"), ("url", "url"))


def read_html(data: bytes, source: str) -> Document:
    import trafilatura
    from lxml import etree, html
    from trafilatura.settings import set_date_params

    name = display_name(source)
    if not data.strip():
        raise InputError(_("{name} is empty").format(name=name))
    if looks_binary(data[:BINARY_SNIFF_BYTES]):
        raise InputError(_("{name} looks like a binary file, not HTML").format(name=name))
    extracted = trafilatura.extract(
        data,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_precision=True,
        # Dates from the page's markup only: the extensive search reads "© 2026"
        # in a footer as 2026-01-01, which a reader would take for the article's date.
        date_extraction_params=set_date_params(extensive=False),
    )
    if not extracted:
        raise InputError(_("{name} has no article text that Randnotiz could find").format(name=name))
    tree = etree.fromstring(extracted.encode("utf-8"))
    lines = _source_lines(html.fromstring(data))
    blocks = [Block(text, kind, lines.get(flowing(text))) for text, kind in _blocks(tree.find("main"))]
    return document_from_blocks(
        blocks,
        source=source,
        name=name,
        format="html",
        title=tree.get("title"),
        metadata={key: value for attribute, key in _METADATA if (value := tree.get(attribute))},
    )


def _blocks(main: Any) -> Iterator[tuple[str, SegmentKind]]:
    if main is None:
        return
    for element in main.iter(*_BLOCK_TAGS):
        if element.getparent() is not None and element.getparent().tag in _BLOCK_TAGS:
            continue  # a paragraph inside a quote or list item is part of that block
        text = "".join(element.itertext())
        kind = _BLOCK_TAGS[element.tag]
        yield (text.strip("\n") if kind == "code" else flowing(text)), kind


def _source_lines(page: Any) -> dict[str, int]:
    """The first source line of each block-level element, by its words."""
    lines: dict[str, int] = {}
    for element in page.iter(*_SOURCE_BLOCKS):
        if element.sourceline is not None:
            lines.setdefault(flowing(element.text_content()), element.sourceline)
    return lines
