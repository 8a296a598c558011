"""W3C Web Annotation (JSON-LD): export and import.

Each annotation targets the article (``target.source``, a ``file:`` URI)
through a ``TextQuoteSelector`` (the words with context, for re-anchoring)
and a ``TextPositionSelector`` (code-point offsets; left out for orphans,
whose offsets no longer point at their words). Notes are ``TextualBody``
with purpose ``commenting``, tags with ``tagging``, an entity correction with
``classifying`` (value: the label, or ``O`` for "not an entity", the IOB tag
for outside any entity) and a quote's speaker with ``identifying``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from tui.store.model import Annotation, EntityCorrection, TextQuote, new_annotation_id, now

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NOT_AN_ENTITY = "O"
_UUID_PREFIX = "urn:uuid:"
_PURPOSES = ("commenting", "tagging", "classifying", "identifying")


class W3CError(ValueError):
    """A JSON document that is not Web Annotation as Randnotiz reads it; for the user."""


def source_uri(path: str) -> str:
    return Path(path).resolve().as_uri()


def source_path(source: str) -> str:
    """The local path of a ``file:`` URI, or ``source`` itself if it is a plain path."""
    parsed = urlparse(source)
    if parsed.scheme == "file":
        return url2pathname(unquote(parsed.path))
    if parsed.scheme and len(parsed.scheme) > 1:  # one letter: a Windows drive
        raise W3CError(f"cannot read articles from {source}: give --article PATH")
    return source


def annotation_to_w3c(annotation: Annotation, source: str) -> dict[str, Any]:
    bodies = [_body(value, purpose) for purpose, value in _body_values(annotation)]
    selectors: list[dict[str, Any]] = [
        {
            "type": "TextQuoteSelector",
            "exact": annotation.quote.exact,
            "prefix": annotation.quote.prefix,
            "suffix": annotation.quote.suffix,
        }
    ]
    if not annotation.is_orphan:
        selectors.append({"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end})
    result: dict[str, Any] = {
        "@context": CONTEXT,
        "id": _UUID_PREFIX + annotation.id,
        "type": "Annotation",
        "motivation": bodies[0]["purpose"] if bodies else "highlighting",
        "created": annotation.created,
        "modified": annotation.modified,
    }
    if bodies:
        result["body"] = bodies
    result["target"] = {"source": source, "selector": selectors}
    return result


def collection_to_w3c(
    document_id: str, title: str, annotations: Sequence[Annotation], source: str
) -> dict[str, Any]:
    """An ``AnnotationCollection`` with all annotations on its first page, in text order
    (orphans last). Its id derives from the document id (128 bits, a UUID already)."""
    collection_id = uuid.UUID(hex=document_id)
    ordered = sorted(annotations, key=lambda a: (a.is_orphan, a.start, a.end, a.created, a.id))
    return {
        "@context": CONTEXT,
        "id": f"{_UUID_PREFIX}{collection_id}",
        "type": "AnnotationCollection",
        "label": title,
        "total": len(ordered),
        "first": {
            "id": f"{_UUID_PREFIX}{uuid.uuid5(collection_id, 'page-0')}",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [
                {k: v for k, v in annotation_to_w3c(a, source).items() if k != "@context"} for a in ordered
            ],
        },
    }


def _body_values(annotation: Annotation) -> Iterator[tuple[str, str]]:
    if annotation.note:
        yield "commenting", annotation.note
    for tag in annotation.tags:
        yield "tagging", tag
    if annotation.entity is not None:
        yield "classifying", annotation.entity.label or NOT_AN_ENTITY
    if annotation.speaker is not None:
        yield "identifying", annotation.speaker


def _body(value: str, purpose: str) -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "format": "text/plain", "purpose": purpose}


@dataclass(frozen=True, slots=True)
class ImportedAnnotation:
    """An annotation read from JSON-LD, before it is anchored in its article."""

    annotation: Annotation  # document_id and, without a position, offsets still to be set
    source: str | None
    has_position: bool


def read_w3c(data: Any) -> list[ImportedAnnotation]:
    """The annotations of a single Annotation, a JSON array of them, or an
    AnnotationCollection / AnnotationPage with ``items`` (or a ``first`` page)."""
    return [_read_annotation(item) for item in _items(data)]


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise W3CError("expected a JSON object or array of Web Annotations")
    kinds = _as_list(data.get("type"))
    if "Annotation" in kinds:
        return [data]
    if "AnnotationCollection" in kinds or "AnnotationPage" in kinds:
        if "items" in data:
            return list(data["items"])
        first = data.get("first")
        if isinstance(first, dict):
            items = list(first.get("items", []))
            return items + (_items(first["next"]) if isinstance(first.get("next"), dict) else [])
        return []
    raise W3CError(f"expected type Annotation, AnnotationCollection or AnnotationPage, not {kinds or 'none'}")


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _read_annotation(item: Any) -> ImportedAnnotation:
    if not isinstance(item, dict) or "Annotation" not in _as_list(item.get("type")):
        raise W3CError("every item must be an object of type Annotation")
    target = item.get("target")
    if isinstance(target, list):
        target = target[0] if target else None
    if not isinstance(target, dict):
        raise W3CError(f"annotation {item.get('id')} has no target with selectors")
    quote, position = None, None
    for selector in _as_list(target.get("selector")):
        kind = selector.get("type") if isinstance(selector, dict) else None
        if kind == "TextQuoteSelector":
            quote = TextQuote(str(selector["exact"]), selector.get("prefix", ""), selector.get("suffix", ""))
        elif kind == "TextPositionSelector":
            position = (int(selector["start"]), int(selector["end"]))
    if quote is None and position is None:
        raise W3CError(
            f"annotation {item.get('id')} has neither a TextQuoteSelector nor a TextPositionSelector"
        )
    note, tags, entity, speaker = [], [], None, None
    for body in _bodies(item):
        value, purpose = body
        if purpose == "tagging":
            tags.append(value)
        elif purpose == "classifying":
            entity = EntityCorrection(None if value == NOT_AN_ENTITY else value)
        elif purpose == "identifying":
            speaker = value
        else:
            note.append(value)
    stamp = now()
    start, end = position or (0, 0)
    annotation = Annotation(
        id=_annotation_id(item.get("id")),
        document_id="",
        start=start,
        end=end,
        quote=quote or TextQuote(""),
        note="\n\n".join(note),
        tags=tuple(tags),
        entity=entity,
        speaker=speaker,
        created=str(item.get("created", stamp)),
        modified=str(item.get("modified", item.get("created", stamp))),
    )
    source = target.get("source")
    return ImportedAnnotation(annotation, str(source) if source else None, position is not None)


def _bodies(item: dict[str, Any]) -> Iterator[tuple[str, str]]:
    if isinstance(item.get("bodyValue"), str):
        yield item["bodyValue"], "commenting"
    for body in _as_list(item.get("body")):
        if isinstance(body, str):
            continue  # an IRI: nothing Randnotiz can show
        if isinstance(body, dict) and isinstance(body.get("value"), str):
            purposes = [p for p in _as_list(body.get("purpose")) if p in _PURPOSES]
            motivation = [m for m in _as_list(item.get("motivation")) if m in _PURPOSES]
            yield body["value"], (purposes or motivation or ["commenting"])[0]


def _annotation_id(value: Any) -> str:
    """Our own ``urn:uuid:`` ids come back unchanged; any other id maps to a
    stable UUID, so importing the same file twice replaces instead of doubling."""
    if not isinstance(value, str) or not value:
        return new_annotation_id()
    if value.startswith(_UUID_PREFIX):
        try:
            return str(uuid.UUID(value.removeprefix(_UUID_PREFIX)))
        except ValueError:
            pass
    return str(uuid.uuid5(uuid.NAMESPACE_URL, value))
