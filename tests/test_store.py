"""The annotation store: persistence, migrations, sessions with undo, two writers at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tui.sources.document import Document
from tui.store import StoreError, default_store_path, sqlite_store
from tui.store.model import EntityCorrection, StoredDocument
from tui.store.session import AnnotationSession
from tui.store.sqlite_store import SCHEMA_VERSION, SQLiteStore

from .conftest import ROOT, WRITERS, run_writers_at_once

TEXT = "Hugo Barra sagte, Xiaomi plane den Start in den USA. Barra war bei Google.\n"


def article(folder: Path, text: str = TEXT, name: str = "artikel.txt") -> Document:
    path = folder / name
    path.write_text(text, "utf-8")
    return Document(text=text, source=str(path), title=text.splitlines()[0])


def test_the_store_lives_in_the_data_dir_override(data_dir: Path) -> None:
    with SQLiteStore() as store:
        assert store.path == data_dir / "annotations.sqlite3" == default_store_path()
        assert store.path.exists()


def test_a_new_store_is_migrated_to_the_current_schema_in_wal_mode(data_dir: Path) -> None:
    with SQLiteStore() as store:
        assert store.schema_version == SCHEMA_VERSION == 2
    connection = sqlite3.connect(data_dir / "annotations.sqlite3")
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "document_paths", "annotations", "tags"} <= tables


def test_a_later_migration_upgrades_an_existing_store_and_keeps_its_annotations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "store.sqlite3"
    with SQLiteStore(database) as store:
        kept = AnnotationSession.open(store, article(tmp_path)).add(0, 4, note="bleibt")
    upgrade = ("ALTER TABLE annotations ADD COLUMN colour TEXT",)
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", (*sqlite_store.MIGRATIONS, upgrade))
    monkeypatch.setattr(sqlite_store, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with SQLiteStore(database) as store:
        assert store.schema_version == SCHEMA_VERSION + 1
        assert store.annotation(kept.id) == kept
    columns = [row[1] for row in sqlite3.connect(database).execute("PRAGMA table_info(annotations)")]
    assert columns[-1] == "colour"


def test_a_store_from_a_newer_version_is_refused(data_dir: Path) -> None:
    SQLiteStore().close()
    connection = sqlite3.connect(data_dir / "annotations.sqlite3")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer Randnotiz"):
        SQLiteStore()


def test_annotations_note_tags_and_corrections_survive_a_restart(data_dir: Path, tmp_path: Path) -> None:
    document = article(tmp_path)
    with SQLiteStore() as store:
        session = AnnotationSession.open(store, document)
        barra = session.add(
            0, 10, note="Ex-Google,\njetzt Xiaomi", tags=["prüfen", " Zitat bestätigt ", "prüfen"]
        )
        session.add(18, 24, entity=EntityCorrection("ORG"))
        session.add(0, 17, speaker="Hugo Barra")
    with SQLiteStore() as store:
        again = AnnotationSession.open(store, document)
        first = again.get(barra.id)
        assert first == barra
        assert (first.text, first.note, first.tags) == (
            "Hugo Barra",
            "Ex-Google,\njetzt Xiaomi",
            ("prüfen", "Zitat bestätigt"),
        )
        assert [(a.start, a.end, a.entity, a.speaker) for a in again.annotations] == [
            (0, 10, None, None),
            (0, 17, None, "Hugo Barra"),
            (18, 24, EntityCorrection("ORG"), None),
        ]


def test_undo_and_redo_replay_adds_edits_and_deletes_through_the_store(tmp_path: Path) -> None:
    document = article(tmp_path)
    with SQLiteStore(tmp_path / "store.sqlite3") as store:
        session = AnnotationSession.open(store, document)
        added = session.add(18, 24, tags=["prüfen"])
        edited = session.update(added.id, note="Marke, nicht Firma?", entity=EntityCorrection(None))
        session.delete(added.id)
        assert session.annotations == [] and store.annotations([document.id]) == []
        assert session.undo() == edited
        assert store.annotation(added.id) == edited
        assert session.undo() == added
        assert store.annotation(added.id) == added
        assert session.undo() == added
        assert store.annotation(added.id) is None and not session.can_undo
        assert session.redo() == added and session.redo() == edited
        assert store.annotation(added.id) == edited
        session.add(0, 4)
        assert not session.can_redo  # a new edit ends the redo history


def test_opening_an_edited_file_brings_its_annotations_along(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "store.sqlite3") as store:
        session = AnnotationSession.open(store, article(tmp_path))
        google = session.add(TEXT.index("Google"), TEXT.index("Google") + 6, tags=["prüfen"])
        edited = "Vorspann.\n" + TEXT.replace("sagte", "erklärte")
        moved = AnnotationSession.open(store, article(tmp_path, edited))
        (placed,) = moved.annotations
        assert (placed.id, placed.text, placed.start) == (google.id, "Google", edited.index("Google"))
        assert placed.document_id == moved.document.id != session.document.id
        path = str((tmp_path / "artikel.txt").resolve())
        assert store.document(moved.document.id) == StoredDocument(moved.document.id, "Vorspann.", (path,))
        assert store.documents_at(path) == [moved.document.id, session.document.id]
        assert store.annotations([session.document.id]) == []


def test_editing_a_copy_leaves_the_originals_annotations_where_they_are(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "store.sqlite3") as store:
        original = AnnotationSession.open(store, article(tmp_path))
        google = original.add(TEXT.index("Google"), TEXT.index("Google") + 6, tags=["prüfen"])
        AnnotationSession.open(store, article(tmp_path, name="kopie.txt"))  # the same text: the same notes
        edited = TEXT + "Nachtrag: Barra bestätigte das.\n"
        copy = AnnotationSession.open(store, article(tmp_path, edited, name="kopie.txt"))
        (copied,) = copy.annotations
        assert (copied.text, copied.tags, copied.start) == ("Google", ("prüfen",), google.start)
        assert copied.id != google.id
        assert store.annotations([original.document.id]) == [google]
        again = AnnotationSession.open(store, article(tmp_path, edited, name="kopie.txt"))
        assert [a.id for a in again.annotations] == [copied.id]  # copied once, not at every opening


def test_annotations_whose_words_are_gone_stay_as_orphans(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "store.sqlite3") as store:
        session = AnnotationSession.open(store, article(tmp_path))
        session.add(TEXT.index("Barra war"), TEXT.index("Google") + 6, note="stimmt das?")
        moved = AnnotationSession.open(store, article(tmp_path, "Ein ganz anderer Text über Huawei.\n"))
        assert moved.annotations == []
        (orphan,) = moved.orphans
        assert (orphan.text, orphan.note) == ("Barra war bei Google", "stimmt das?")


def test_tags_used_before_are_offered_most_used_first_even_after_deletion(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "store.sqlite3") as store:
        session = AnnotationSession.open(store, article(tmp_path))
        session.add(0, 4, tags=["falsch"])
        one = session.add(5, 10, tags=["prüfen", "falsch"])
        session.add(18, 24, tags=["prüfen"])
        session.add(25, 30, tags=["prüfen", "Zitat bestätigt"])
        assert session.tags_used()[:2] == ["prüfen", "falsch"]
        session.delete(one.id)
        session.remove_tag(session.annotations[0].id, "falsch")
        assert set(session.tags_used()) == {"prüfen", "falsch", "Zitat bestätigt"}
        assert [a.text for a in session.with_tag("prüfen")] == ["Xiaomi", "plane"]
        assert session.with_tag("falsch") == []


def test_spans_outside_the_text_are_refused(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "store.sqlite3") as store:
        session = AnnotationSession.open(store, article(tmp_path))
        with pytest.raises(ValueError, match="not inside the text"):
            session.add(5, 5)
        with pytest.raises(ValueError, match="not inside the text"):
            session.add(70, len(TEXT) + 1)


WRITER = textwrap.dedent(
    """
    import sys
    from tui.sources.document import Document
    from tui.store.session import AnnotationSession
    from tui.store.sqlite_store import SQLiteStore

    store = SQLiteStore(sys.argv[1])
    text = open(sys.argv[2], encoding="utf-8").read()
    session = AnnotationSession.open(store, Document(text=text, source=sys.argv[2], title="t"))
    for index in range(int(sys.argv[3])):
        session.add(index % 50, index % 50 + 5, note=f"{sys.argv[4]} {index}", tags=[sys.argv[4]])
    """
)


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    document = article(tmp_path)
    database = tmp_path / "shared.sqlite3"
    count = 150
    run_writers_at_once(WRITER, str(database), document.source, str(count))
    with SQLiteStore(database) as store:
        assert store.integrity_check() == "ok"
        notes = {a.note for a in store.annotations([document.id])}
    assert notes == {f"{name} {i}" for name in WRITERS for i in range(count)}


def test_the_ui_can_use_the_store_without_loading_spacy_or_the_ui_toolkit() -> None:
    code = "import sys, tui.store; print(sorted({'spacy', 'textual', 'rich'} & set(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
