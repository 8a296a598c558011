"""Analyses recorded from the real pipeline, stored as JSON and rebuilt into
the frozen dataclasses of :mod:`tui.analysis.model`.

Spans are stored as offsets only: their ``text`` is cut from the recorded
text when loading, so every loaded span satisfies ``text[start:end] == span.text``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from tui.analysis.model import Analysis, Entity, GlossaryEntry, Number, Quote, Span

RECORDED = Path(__file__).resolve().parent / "data" / "recorded"

Record = dict[str, Any]


def _offsets(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def to_record(analysis: Analysis) -> Record:
    return {
        "text": analysis.text,
        "lang": analysis.lang,
        "pipeline": analysis.pipeline,
        "sentences": [_offsets(s) for s in analysis.sentences],
        "entities": [[e.start, e.end, e.label, e.origin] for e in analysis.entities],
        "quotes": [
            {"span": _offsets(q), "kind": q.kind, "speaker": _offsets(q.speaker), "cue": _offsets(q.cue)}
            for q in analysis.quotes
        ],
        "numbers": [
            {
                "span": _offsets(n),
                "value": n.value,
                "unit": n.unit,
                "kind": n.kind,
                "approx": n.approx,
                "ambiguous": n.ambiguous,
            }
            for n in analysis.numbers
        ],
        "glossary": [
            {"name": g.name, "label": g.label, "mentions": [_offsets(m) for m in g.mentions]}
            for g in analysis.glossary
        ],
        "sources": [_offsets(s) for s in analysis.sources],
    }


def from_record(record: Record) -> Analysis:
    text: str = record["text"]

    def span(offsets: list[int]) -> Span:
        start, end = offsets
        return Span(start, end, text[start:end])

    def optional_span(offsets: list[int] | None) -> Span | None:
        return None if offsets is None else span(offsets)

    return Analysis(
        text=text,
        lang=record["lang"],
        pipeline=record["pipeline"],
        sentences=tuple(span(s) for s in record["sentences"]),
        entities=tuple(
            Entity(start, end, text[start:end], label=label, origin=origin)
            for start, end, label, origin in record["entities"]
        ),
        quotes=tuple(
            Quote(
                *_fields(span(q["span"])),
                kind=q["kind"],
                speaker=optional_span(q["speaker"]),
                cue=optional_span(q["cue"]),
            )
            for q in record["quotes"]
        ),
        numbers=tuple(
            Number(
                *_fields(span(n["span"])),
                value=n["value"],
                unit=n["unit"],
                kind=n["kind"],
                approx=n["approx"],
                ambiguous=n["ambiguous"],
            )
            for n in record["numbers"]
        ),
        glossary=tuple(
            GlossaryEntry(g["name"], g["label"], tuple(span(m) for m in g["mentions"]))
            for g in record["glossary"]
        ),
        sources=tuple(span(s) for s in record["sources"]),
    )


def _fields(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.text


def save(name: str, analysis: Analysis) -> Path:
    path = RECORDED / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(to_record(analysis), ensure_ascii=False, indent=1) + "\n", "utf-8")
    return path


@cache
def recorded(name: str) -> Analysis:
    return from_record(json.loads((RECORDED / f"{name}.json").read_text("utf-8")))
