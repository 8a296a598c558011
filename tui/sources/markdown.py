"""Markdown: the text a reader sees, markup removed, headings kept as blocks.

Parsed with markdown-it-py (CommonMark): links keep their words and lose
their address, emphasis and code marks go, images keep their alt text, raw
HTML is dropped. A YAML front-matter block gives title, author and date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tui.sources.blocks import Block, document_from_blocks, flowing
from tui.sources.document import Document, SegmentKind
from tui.sources.plain_text import decode, display_name

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_FRONT_MATTER_FIELD = re.compile(r"^(title|author|date)\s*:\s*(.+?)\s*$", re.MULTILINE)


def read_markdown(data: bytes, source: str, encoding: str | None = None) -> Document:
    plain = decode(data, source, encoding)  # encoding detection, binary and empty checks
    markup = plain.text
    metadata = dict(plain.metadata)
    line_shift = 0
    if front := _FRONT_MATTER.match(markup):
        metadata |= {key: value.strip("\"'") for key, value in _FRONT_MATTER_FIELD.findall(front.group(1))}
        line_shift = front.group(0).count("\n")
        markup = markup[front.end() :]
    tokens = MarkdownIt("commonmark").parse(markup)
    blocks = list(_blocks(tokens, line_shift))
    first_heading = next((block.text for block in blocks if block.kind == "heading"), None)
    document = document_from_blocks(
        blocks,
        source=source,
        name=display_name(source),
        format="markdown",
        title=metadata.pop("title", None) or (flowing(first_heading) if first_heading else None),
        metadata=metadata,
    )
    return replace(document, note=plain.note)


def _blocks(tokens: Sequence[Token], line_shift: int) -> Iterator[Block]:
    """One block per heading, paragraph, list item paragraph, quote paragraph
    or code block, in document order."""
    containers: list[str] = []
    for index, token in enumerate(tokens):
        if token.type in {"bullet_list_open", "ordered_list_open", "blockquote_open"}:
            containers.append(token.type)
        elif token.type in {"bullet_list_close", "ordered_list_close", "blockquote_close"}:
            containers.pop()
        elif token.type in {"heading_open", "paragraph_open"}:
            inline = tokens[index + 1]
            kind: SegmentKind = "heading" if token.type == "heading_open" else _paragraph_kind(containers)
            yield Block(_inline_text(inline), kind, _line(token, line_shift))
        elif token.type in {"fence", "code_block"}:
            yield Block(token.content.rstrip("\n"), "code", _line(token, line_shift))


def _paragraph_kind(containers: Sequence[str]) -> SegmentKind:
    if "blockquote_open" in containers:
        return "quote"
    if containers:
        return "list_item"
    return "paragraph"


def _line(token: Token, line_shift: int) -> int | None:
    return token.map[0] + 1 + line_shift if token.map else None


def _inline_text(inline: Token) -> str:
    words: list[str] = []
    for child in inline.children or ():
        if child.type in {"text", "code_inline"}:
            words.append(child.content)
        elif child.type == "softbreak":
            words.append(" ")
        elif child.type == "hardbreak":
            words.append("\n")
        elif child.type == "image":
            words.append(child.content)  # the alt text
    return "\n".join(flowing(line) for line in "".join(words).split("\n"))
