"""The annotation store as one SQLite file in the user data directory.

Every change is its own short transaction, committed before the call returns:
there is no "save" step, and a crash loses nothing that was confirmed. WAL
mode lets one process read while another writes; ``busy_timeout`` makes a
writer wait for the other's transaction instead of failing; writes take the
lock up front (``BEGIN IMMEDIATE``) so two writers never deadlock upgrading a
read lock. The schema is versioned with ``PRAGMA user_version``: migration
*n* brings a file from version *n* to *n + 1*.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from tui.store.location import default_store_path
from tui.store.model import (
    AnchorState,
    Annotation,
    DocumentActivity,
    EntityCorrection,
    PersonalEntry,
    Sighting,
    StoredDocument,
    TextQuote,
    now,
)
from tui.store.protocol import StoreError

# A reader waits this long for another process's write before giving up; the
# writes themselves take milliseconds.
BUSY_TIMEOUT_MS = 10_000

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: documents, the paths they were opened from, annotations, tags.
    (
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL
        )""",
        """CREATE TABLE document_paths (
            path TEXT NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents(id),
            last_opened TEXT NOT NULL,
            PRIMARY KEY (path, document_id)
        )""",
        """CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL,
            suffix TEXT NOT NULL,
            note TEXT NOT NULL,
            tags TEXT NOT NULL,
            entity_corrected INTEGER NOT NULL CHECK (entity_corrected IN (0, 1)),
            entity_label TEXT,
            speaker TEXT,
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('anchored', 'orphan'))
        )""",
        "CREATE INDEX annotations_by_document ON annotations (document_id, start)",
        """CREATE TABLE tags (
            name TEXT PRIMARY KEY,
            last_used TEXT NOT NULL
        )""",
    ),
    # 2: the reader's own glossary (global) and the documents each entry was seen in.
    (
        """CREATE TABLE glossary_entries (
            id TEXT PRIMARY KEY,
            term TEXT NOT NULL,
            note TEXT NOT NULL,
            tags TEXT NOT NULL,
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        )""",
        """CREATE TABLE glossary_sightings (
            entry_id TEXT NOT NULL,
            document_id TEXT NOT NULL,
            count INTEGER NOT NULL CHECK (count > 0),
            last_seen TEXT NOT NULL,
            PRIMARY KEY (entry_id, document_id)
        )""",
        "CREATE INDEX glossary_sightings_by_document ON glossary_sightings (document_id)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = (
    'id, document_id, start, "end", exact, prefix, suffix, note, tags, entity_corrected, entity_label, '
    "speaker, created, modified, state"
)


class SQLiteStore:
    """:class:`~tui.store.protocol.AnnotationStore` on a SQLite file."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: the module opens no transactions of its own;
        # each write below is one explicit BEGIN IMMEDIATE … COMMIT.
        self._connection = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        self._connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._use_wal()
        # FULL: a commit that returned survives a power cut too, not just a crash.
        self._connection.execute("PRAGMA synchronous = FULL")
        self._migrate()

    def _use_wal(self) -> None:
        """Switch the file to WAL. Two readers opening a new store at once both
        try the switch, and SQLite answers the second "locked" at once rather
        than waiting for the busy timeout: it tries again until the timeout."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self._connection.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _migrate(self) -> None:
        with self._write() as connection:
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer Randnotiz (schema {version}, "
                    f"this one knows {SCHEMA_VERSION})"
                )
            for statements in MIGRATIONS[version:]:
                for statement in statements:
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return int(self._connection.execute("PRAGMA user_version").fetchone()[0])

    def remember_document(self, document_id: str, title: str, path: str | None) -> None:
        stamp = now()
        with self._write() as connection:
            connection.execute(
                "INSERT INTO documents (id, title, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET title = excluded.title, last_seen = excluded.last_seen",
                (document_id, title, stamp, stamp),
            )
            if path is not None:
                connection.execute(
                    "INSERT INTO document_paths (path, document_id, last_opened) VALUES (?, ?, ?) "
                    "ON CONFLICT (path, document_id) DO UPDATE SET last_opened = excluded.last_opened",
                    (path, document_id, stamp),
                )

    def document(self, document_id: str) -> StoredDocument | None:
        row = self._connection.execute("SELECT title FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            return None
        paths = self._connection.execute(
            "SELECT path FROM document_paths WHERE document_id = ? ORDER BY last_opened DESC, path",
            (document_id,),
        ).fetchall()
        return StoredDocument(document_id, row[0], tuple(path for (path,) in paths))

    def documents_at(self, path: str) -> list[str]:
        rows = self._connection.execute(
            "SELECT document_id FROM document_paths WHERE path = ? ORDER BY last_opened DESC, rowid DESC",
            (path,),
        ).fetchall()
        return [document_id for (document_id,) in rows]

    def recent_paths(self, limit: int) -> list[str]:
        rows = self._connection.execute(
            "SELECT path FROM document_paths GROUP BY path ORDER BY max(last_opened) DESC, path LIMIT ?",
            (limit,),
        ).fetchall()
        return [path for (path,) in rows]

    def activity(self, document_ids: Iterable[str]) -> dict[str, DocumentActivity]:
        rows = self._rows_in(
            "SELECT d.id, (SELECT count(*) FROM annotations a WHERE a.document_id = d.id), "
            "(SELECT max(last_opened) FROM document_paths p WHERE p.document_id = d.id) "
            "FROM documents d WHERE d.id IN ({keys})",
            document_ids,
        )
        return {document_id: DocumentActivity(count, opened) for document_id, count, opened in rows}

    def annotations(self, document_ids: Iterable[str]) -> list[Annotation]:
        rows = self._rows_in(
            f"SELECT {_COLUMNS} FROM annotations WHERE document_id IN ({{keys}}) "
            'ORDER BY start, "end", created, id',
            document_ids,
        )
        return [_annotation(row) for row in rows]

    def annotation(self, annotation_id: str) -> Annotation | None:
        row = self._connection.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        return None if row is None else _annotation(row)

    def save(self, annotations: Sequence[Annotation]) -> None:
        if not annotations:
            return
        with self._write() as connection:
            connection.executemany(
                f"INSERT OR REPLACE INTO annotations ({_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_row(annotation) for annotation in annotations],
            )
            used = {(tag, annotation.modified) for annotation in annotations for tag in annotation.tags}
            connection.executemany(
                "INSERT INTO tags (name, last_used) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET last_used = max(last_used, excluded.last_used)",
                sorted(used),
            )

    def delete(self, annotation_ids: Sequence[str]) -> None:
        if not annotation_ids:
            return
        with self._write() as connection:
            connection.executemany("DELETE FROM annotations WHERE id = ?", [(i,) for i in annotation_ids])

    def tags_used(self) -> list[str]:
        # Tags stay known after the last annotation using them is gone:
        # "used before" is the reader's vocabulary, not today's count.
        rows = self._connection.execute(
            "SELECT tags.name FROM tags LEFT JOIN "
            "(SELECT value AS name, count(*) AS uses FROM annotations, json_each(annotations.tags) "
            "GROUP BY value) AS counted ON counted.name = tags.name "
            "ORDER BY coalesce(counted.uses, 0) DESC, tags.last_used DESC, tags.name"
        ).fetchall()
        return [name for (name,) in rows]

    # -- the reader's own glossary ------------------------------------------------

    def personal_entries(self) -> list[PersonalEntry]:
        rows = self._connection.execute(
            "SELECT id, term, note, tags, created, modified FROM glossary_entries "
            "ORDER BY term COLLATE NOCASE, created, id"
        ).fetchall()
        return [
            PersonalEntry(id_, term, note, tuple(json.loads(tags)), *stamps)
            for id_, term, note, tags, *stamps in rows
        ]

    def save_personal_entry(self, entry: PersonalEntry) -> None:
        with self._write() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO glossary_entries (id, term, note, tags, created, modified) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    entry.id,
                    entry.term,
                    entry.note,
                    json.dumps(list(entry.tags), ensure_ascii=False),
                    entry.created,
                    entry.modified,
                ),
            )
            # One vocabulary of tags for annotations and glossary entries.
            connection.executemany(
                "INSERT INTO tags (name, last_used) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET last_used = max(last_used, excluded.last_used)",
                [(tag, entry.modified) for tag in entry.tags],
            )

    def delete_personal_entry(self, entry_id: str) -> None:
        with self._write() as connection:
            connection.execute("DELETE FROM glossary_sightings WHERE entry_id = ?", (entry_id,))
            connection.execute("DELETE FROM glossary_entries WHERE id = ?", (entry_id,))

    def record_sightings(self, document_id: str, counts: Mapping[str, int]) -> None:
        stamp = now()
        found = {entry_id: count for entry_id, count in counts.items() if count > 0}
        with self._write() as connection:
            known = {
                entry_id
                for (entry_id,) in connection.execute(
                    "SELECT entry_id FROM glossary_sightings WHERE document_id = ?", (document_id,)
                )
            }
            connection.executemany(
                "DELETE FROM glossary_sightings WHERE entry_id = ? AND document_id = ?",
                [(entry_id, document_id) for entry_id in sorted(known - found.keys())],
            )
            # Only entries that still exist: another process may have deleted one meanwhile.
            connection.executemany(
                "INSERT INTO glossary_sightings (entry_id, document_id, count, last_seen) "
                "SELECT id, ?, ?, ? FROM glossary_entries WHERE id = ? "
                "ON CONFLICT (entry_id, document_id) DO UPDATE SET count = excluded.count, "
                "last_seen = excluded.last_seen",
                [(document_id, count, stamp, entry_id) for entry_id, count in sorted(found.items())],
            )

    def sightings(self, entry_ids: Iterable[str]) -> list[Sighting]:
        rows = self._rows_in(
            "SELECT s.entry_id, s.document_id, s.count, s.last_seen, coalesce(d.title, ''), "
            "(SELECT json_group_array(path) FROM "
            "(SELECT path FROM document_paths p WHERE p.document_id = s.document_id "
            "ORDER BY last_opened DESC, path)) "
            "FROM glossary_sightings s LEFT JOIN documents d ON d.id = s.document_id "
            "WHERE s.entry_id IN ({keys}) ORDER BY s.entry_id, s.last_seen DESC, s.document_id",
            entry_ids,
        )
        return [
            Sighting(entry_id, document_id, count, last_seen, title, tuple(json.loads(paths)))
            for entry_id, document_id, count, last_seen, title, paths in rows
        ]

    def _rows_in(self, query: str, keys: Iterable[str]) -> list[Any]:
        """The rows of ``query`` with ``{keys}`` in it standing for the distinct
        ``keys`` as an SQL list (no keys: no rows)."""
        distinct = list(dict.fromkeys(keys))
        if not distinct:
            return []
        return self._connection.execute(
            query.format(keys=", ".join("?" * len(distinct))), distinct
        ).fetchall()

    def integrity_check(self) -> str:
        return str(self._connection.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _row(annotation: Annotation) -> tuple[Any, ...]:
    entity = annotation.entity
    return (
        annotation.id,
        annotation.document_id,
        annotation.start,
        annotation.end,
        annotation.quote.exact,
        annotation.quote.prefix,
        annotation.quote.suffix,
        annotation.note,
        json.dumps(list(annotation.tags), ensure_ascii=False),
        int(entity is not None),
        entity.label if entity is not None else None,
        annotation.speaker,
        annotation.created,
        annotation.modified,
        annotation.state,
    )


def _annotation(row: tuple[Any, ...]) -> Annotation:
    # Positional, and no JSON parser for the common "no tags": this runs for
    # every annotation each time a document is opened.
    (id_, document_id, start, end, exact, prefix, suffix, note, tags, corrected, label, speaker, *rest) = row
    created, modified, state = rest
    state_value: AnchorState = "orphan" if state == "orphan" else "anchored"
    return Annotation(
        id_,
        document_id,
        start,
        end,
        TextQuote(exact, prefix, suffix),
        note,
        () if tags == "[]" else tuple(json.loads(tags)),
        EntityCorrection(label) if corrected else None,
        speaker,
        created,
        modified,
        state_value,
    )


if TYPE_CHECKING:  # mypy checks that the class keeps to the interface
    from tui.store.protocol import AnnotationStore

    _INTERFACE: type[AnnotationStore] = SQLiteStore
