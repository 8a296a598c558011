"""One open document's annotations: what the UI calls, with undo and redo.

Opening a document registers it with the store and brings its annotations
along: those made on this very text keep their offsets; those made on an
earlier version of the same file (found through its path) are re-anchored
and move to the new text. Every edit is written at once; undo and redo
replay the recorded before/after states through the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tui.sources.document import Document
from tui.store.anchoring import quote_selector, reanchor
from tui.store.model import Annotation, EntityCorrection, new_annotation_id, now
from tui.store.protocol import AnnotationStore


def source_path(source: str) -> str | None:
    """The absolute path a document came from; None for standard input."""
    return None if source == "-" else str(Path(source).resolve())


@dataclass(frozen=True, slots=True)
class _Change:
    before: Annotation | None
    after: Annotation | None


class _Unset:
    """Marks an argument the caller did not pass (None is a value here)."""


_UNSET = _Unset()


@dataclass
class AnnotationSession:
    """The annotations of one document, kept in step with the store."""

    store: AnnotationStore
    document: Document
    _annotations: dict[str, Annotation] = field(default_factory=dict)
    _undo: list[_Change] = field(default_factory=list)
    _redo: list[_Change] = field(default_factory=list)

    @classmethod
    def open(cls, store: AnnotationStore, document: Document) -> AnnotationSession:
        path = source_path(document.source)
        first_time = store.document(document.id) is None
        store.remember_document(document.id, document.title, path)
        earlier = [] if path is None else [i for i in store.documents_at(path) if i != document.id]
        moved: list[str] = []
        shared: list[str] = []
        for earlier_id in earlier:
            stored = store.document(earlier_id)
            (shared if stored is not None and set(stored.paths) - {path} else moved).append(earlier_id)
        if moved:
            store.save(reanchor(store.annotations(moved), document.text, document.id))
        if shared and first_time:
            # The earlier text is also another file's (this one began as its
            # copy): that file keeps its annotations, the edited copy gets its own.
            copies = reanchor(store.annotations(shared), document.text, document.id)
            store.save([replace(annotation, id=new_annotation_id()) for annotation in copies])
        session = cls(store, document)
        session.reload()
        return session

    def reload(self) -> None:
        """Read the annotations again (another process may have changed them)."""
        self._annotations = {a.id: a for a in self.store.annotations([self.document.id])}

    @property
    def annotations(self) -> list[Annotation]:
        """Placed annotations in text order."""
        return sorted(
            (a for a in self._annotations.values() if not a.is_orphan), key=lambda a: (a.start, a.end, a.id)
        )

    @property
    def orphans(self) -> list[Annotation]:
        return sorted((a for a in self._annotations.values() if a.is_orphan), key=lambda a: a.created)

    def with_tag(self, tag: str) -> list[Annotation]:
        return [a for a in self.annotations if tag in a.tags]

    def tags_used(self) -> list[str]:
        return self.store.tags_used()

    def get(self, annotation_id: str) -> Annotation | None:
        return self._annotations.get(annotation_id)

    def add(
        self,
        start: int,
        end: int,
        *,
        note: str = "",
        tags: Iterable[str] = (),
        entity: EntityCorrection | None = None,
        speaker: str | None = None,
    ) -> Annotation:
        """A new annotation on ``[start, end)`` of the text, saved before this returns."""
        text = self.document.text
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span [{start}, {end}) is not inside the text (length {len(text)})")
        stamp = now()
        annotation = Annotation(
            id=new_annotation_id(),
            document_id=self.document.id,
            start=start,
            end=end,
            quote=quote_selector(text, start, end),
            note=note,
            tags=_clean_tags(tags),
            entity=entity,
            speaker=speaker,
            created=stamp,
            modified=stamp,
        )
        self._apply(_Change(None, annotation), record=True)
        return annotation

    def update(
        self,
        annotation_id: str,
        *,
        note: str | _Unset = _UNSET,
        tags: Iterable[str] | _Unset = _UNSET,
        entity: EntityCorrection | _Unset | None = _UNSET,
        speaker: str | _Unset | None = _UNSET,
    ) -> Annotation:
        """Change what an annotation says; arguments not passed stay as they are."""
        before = self._existing(annotation_id)
        after = replace(
            before,
            note=before.note if isinstance(note, _Unset) else note,
            tags=before.tags if isinstance(tags, _Unset) else _clean_tags(tags),
            entity=before.entity if isinstance(entity, _Unset) else entity,
            speaker=before.speaker if isinstance(speaker, _Unset) else speaker,
            modified=now(),
        )
        self._apply(_Change(before, after), record=True)
        return after

    def add_tag(self, annotation_id: str, tag: str) -> Annotation:
        return self.update(annotation_id, tags=(*self._existing(annotation_id).tags, tag))

    def remove_tag(self, annotation_id: str, tag: str) -> Annotation:
        return self.update(annotation_id, tags=[t for t in self._existing(annotation_id).tags if t != tag])

    def delete(self, annotation_id: str) -> None:
        self._apply(_Change(self._existing(annotation_id), None), record=True)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> Annotation | None:
        """Take back the last edit; returns the annotation it touched (as it is now, or as it was)."""
        if not self._undo:
            return None
        change = self._undo.pop()
        self._apply(_Change(change.after, change.before), record=False)
        self._redo.append(change)
        return change.before or change.after

    def redo(self) -> Annotation | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        self._apply(change, record=False)
        self._undo.append(change)
        return change.after or change.before

    def _existing(self, annotation_id: str) -> Annotation:
        try:
            return self._annotations[annotation_id]
        except KeyError:
            raise KeyError(f"no annotation {annotation_id} in this document") from None

    def _apply(self, change: _Change, *, record: bool) -> None:
        if change.after is None:
            assert change.before is not None
            self.store.delete([change.before.id])
            self._annotations.pop(change.before.id, None)
        else:
            self.store.save([change.after])
            self._annotations[change.after.id] = change.after
        if record:
            self._undo.append(change)
            self._redo.clear()


def _clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags without surrounding blanks, empty ones or repeats, in the order given."""
    return tuple(dict.fromkeys(tag.strip() for tag in tags if tag.strip()))


def import_annotations(
    store: AnnotationStore, document: Document, annotations: Sequence[Annotation]
) -> list[Annotation]:
    """Anchor annotations made elsewhere on ``document`` and save them (same ids replace)."""
    path = source_path(document.source)
    store.remember_document(document.id, document.title, path)
    placed = reanchor(annotations, document.text, document.id)
    store.save(placed)
    return placed
