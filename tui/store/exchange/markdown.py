"""A Markdown report of an article: notes and tags with their context, quotes, numbers."""

from __future__ import annotations

from collections.abc import Sequence

from tui.analysis.model import Analysis, Number
from tui.store.model import Annotation

_CONTEXT_WORDS = 8


def to_markdown(title: str, source: str, analysis: Analysis, annotations: Sequence[Annotation]) -> str:
    text = analysis.text
    placed = sorted((a for a in annotations if not a.is_orphan), key=lambda a: (a.start, a.end, a.id))
    orphans = [a for a in annotations if a.is_orphan]
    lines = [f"# {_inline(title)}", "", f"Source: `{source}`", ""]
    lines += [f"## Notes and tags ({len(placed)})", ""]
    for annotation in placed:
        lines += _annotation(annotation, _in_context(text, annotation.start, annotation.end))
    if orphans:
        lines += [f"## Orphans ({len(orphans)})", "", "Their words are no longer in the article.", ""]
        for annotation in orphans:
            lines += _annotation(annotation, f"**{_inline(annotation.text)}**")
    lines += [f"## Quotes ({len(analysis.quotes)})", ""]
    for quote in analysis.quotes:
        speaker = quote.said_by or "unknown"
        lines.append(f"- {_inline(speaker)} ({quote.kind}): “{_inline(quote.text)}”")
    lines += ["", f"## Numbers ({len(analysis.numbers)})", ""]
    if analysis.numbers:
        lines += ["| figure | value | unit | context |", "|---|---|---|---|"]
        for number in analysis.numbers:
            value = _value(number)
            context = _in_context(text, number.start, number.end).replace("|", "\\|")
            lines.append(f"| {_inline(number.text)} | {value} | {number.unit or ''} | {context} |")
    return "\n".join(lines).rstrip("\n") + "\n"


def _value(number: Number) -> str:
    """The parsed value after its hedge (``≈``, ``>``, ``≤`` …), ``(?)`` when its reading is ambiguous."""
    if number.value is None:
        return ""
    shown = f"{number.value:g}" if isinstance(number.value, float) else str(number.value)
    return number.hedge_symbol + shown + (" (?)" if number.ambiguous else "")


def _annotation(annotation: Annotation, context: str) -> list[str]:
    lines = [f"- {context}"]
    details = [" ".join(f"`#{tag}`" for tag in annotation.tags)] if annotation.tags else []
    if annotation.entity is not None:
        details.append(f"entity: {annotation.entity.label}" if annotation.entity.label else "not an entity")
    if annotation.speaker is not None:
        details.append(f"speaker: {annotation.speaker or 'none'}")
    if details:
        lines.append(f"  {' · '.join(details)}")
    lines += [f"  > {line}" if line else "  >" for line in annotation.note.splitlines()]
    return [*lines, ""]


def _in_context(text: str, start: int, end: int) -> str:
    """The span in bold with up to eight words either side, on one line."""
    before, after = text[:start].split(), text[end:].split()
    left = ("…" if len(before) > _CONTEXT_WORDS else "") + " ".join(before[-_CONTEXT_WORDS:])
    right = " ".join(after[:_CONTEXT_WORDS]) + ("…" if len(after) > _CONTEXT_WORDS else "")
    left_gap = " " if left and text[start - 1].isspace() else ""
    right_gap = " " if right and text[end].isspace() else ""
    return f"{left}{left_gap}**{_inline(text[start:end])}**{right_gap}{right}"


def _inline(text: str) -> str:
    return " ".join(text.split())
