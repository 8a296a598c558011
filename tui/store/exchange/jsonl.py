"""JSON lines in the shape doccano and Prodigy read: ``text`` and ``spans``.

One line per article. ``spans`` are the entities with the reader's
corrections applied (``start``/``end`` code points, ``label``, ``text``), ready
for NER review or training; the reader's notes and tags ride along under
``annotations`` with the same offsets; ``meta`` says where the text came from.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from tui.analysis.model import Analysis
from tui.store.model import Annotation


def to_jsonl(analysis: Analysis, annotations: Sequence[Annotation], meta: dict[str, str]) -> str:
    placed = sorted((a for a in annotations if not a.is_orphan), key=lambda a: (a.start, a.end, a.id))
    record = {
        "text": analysis.text,
        "spans": [
            {"start": e.start, "end": e.end, "label": e.label, "text": e.text} for e in analysis.entities
        ],
        "annotations": [
            {"id": a.id, "start": a.start, "end": a.end, "text": a.text, "note": a.note, "tags": list(a.tags)}
            for a in placed
        ],
        "meta": meta,
    }
    return json.dumps(record, ensure_ascii=False) + "\n"
