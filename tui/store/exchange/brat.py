"""brat standoff: the article as ``.txt`` and the annotations as ``.ann``.

Each placed annotation is a text-bound ``T`` line, typed by its entity
correction (the label, or ``NotAnEntity``) or else ``Annotation``; a span
across line breaks becomes one fragment per line, as brat requires. Notes
(and a quote's speaker) are ``AnnotatorNotes``, tags are ``Tag`` attributes
(brat attribute values cannot hold spaces: they become underscores).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.store.model import Annotation

ANNOTATION_TYPE = "Annotation"
NOT_AN_ENTITY_TYPE = "NotAnEntity"
_LINE = re.compile(r"[^\n]+")
_BLANKS = re.compile(r"\s+")


def to_brat(text: str, annotations: Sequence[Annotation]) -> str:
    """The ``.ann`` file for ``text`` (written as the ``.txt`` next to it)."""
    lines: list[str] = []
    attribute = note_number = 0
    placed = sorted((a for a in annotations if not a.is_orphan), key=lambda a: (a.start, a.end, a.id))
    for number, annotation in enumerate(placed, start=1):
        fragments = fragments_of(text, annotation.start, annotation.end)
        if not fragments:
            continue
        offsets = ";".join(f"{start} {end}" for start, end in fragments)
        surface = " ".join(text[start:end] for start, end in fragments)
        lines.append(f"T{number}\t{_type(annotation)} {offsets}\t{surface}")
        for tag in annotation.tags:
            attribute += 1
            lines.append(f"A{attribute}\tTag T{number} {_BLANKS.sub('_', tag)}")
        remarks = [annotation.note] if annotation.note else []
        if annotation.speaker is not None:
            remarks.append(f"speaker: {annotation.speaker}")
        if remarks:
            note_number += 1
            lines.append(
                f"#{note_number}\tAnnotatorNotes T{number}\t{' | '.join(' '.join(r.split()) for r in remarks)}"
            )
    return "".join(line + "\n" for line in lines)


def fragments_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks, without blank edges: brat spans stay on one line."""
    fragments = []
    for line in _LINE.finditer(text, start, end):
        fragment = line.group()
        left = line.start() + len(fragment) - len(fragment.lstrip())
        right = line.end() - len(fragment) + len(fragment.rstrip())
        if left < right:
            fragments.append((left, right))
    return fragments


def _type(annotation: Annotation) -> str:
    if annotation.entity is None:
        return ANNOTATION_TYPE
    return annotation.entity.label or NOT_AN_ENTITY_TYPE
