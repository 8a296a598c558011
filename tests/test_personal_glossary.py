"""The reader's own glossary: finding its terms in a text (exact spans on real
sentences, offsets as a property), and keeping entries and sightings in the
store across migrations, restarts and two processes."""

from __future__ import annotations

import sqlite3
import textwrap
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.sources.document import Document
from tui.store import sqlite_store
from tui.store.model import PersonalEntry, Sighting
from tui.store.personal_glossary import (
    counts,
    edited,
    find_mentions,
    new_entry,
    same_term,
    seen_elsewhere,
    term_pattern,
)
from tui.store.session import AnnotationSession
from tui.store.sqlite_store import SQLiteStore

from .conftest import WRITERS, run_writers_at_once


def entry(term: str, id: str | None = None) -> PersonalEntry:
    return PersonalEntry(id or term, term)


def found(text: str, *terms: str) -> list[tuple[str, str]]:
    """(words found, term) for each mention, in text order."""
    mentions = find_mentions(text, [entry(term) for term in terms])
    assert all(text[m.start : m.end] == m.text for m in mentions)
    return [(m.text, m.entry_id) for m in mentions]


NETZ = (
    "Die Netzentgelte steigen 2025 erneut. Wer die Netzentgelten der Stromnetzbetreiber vergleicht, "
    "sieht die Last des Netzentgelts vor allem im Osten; ein Netzentgeltrechner hilft kaum."
)


def test_german_inflections_are_found_and_compounds_are_not() -> None:
    assert found(NETZ, "Netzentgelt") == [
        ("Netzentgelte", "Netzentgelt"),
        ("Netzentgelten", "Netzentgelt"),
        ("Netzentgelts", "Netzentgelt"),
    ]
    spans = [(m.start, m.end) for m in find_mentions(NETZ, [entry("Netzentgelt")])]
    assert spans == [(4, 16), (46, 59), (114, 126)]


def test_a_word_is_never_found_inside_a_longer_word() -> None:
    text = "Der Ratgeber des Stadtrats rät: Der Rat tagt am Montag, die Räte beraten."
    assert found(text, "Rat") == [("Rat", "Rat")]


def test_possessive_s_on_names_and_english_plurals() -> None:
    text = "Xiaomis Smartphones sind günstig. Xiaomi sells phones; the smartphone market grew."
    assert found(text, "Xiaomi", "smartphone") == [
        ("Xiaomis", "Xiaomi"),
        ("Smartphones", "smartphone"),
        ("Xiaomi", "Xiaomi"),
        ("smartphone", "smartphone"),
    ]


def test_acronyms_keep_their_case_ordinary_words_do_not() -> None:
    text = "Die Internationale Energieagentur (IEA) warnt; die iea-Zahlen sind alt. The IEA's report."
    assert found(text, "IEA", "internationale energieagentur") == [
        ("Internationale Energieagentur", "internationale energieagentur"),
        ("IEA", "IEA"),
        ("IEA's", "IEA"),
    ]


def test_multi_word_terms_allow_any_whitespace_and_the_longer_term_wins() -> None:
    text = "Mehr erneuerbare\n  Energien, sagt die Ministerin. Energie bleibt teuer."
    assert found(text, "Energie", "erneuerbare Energie") == [
        ("erneuerbare\n  Energien", "erneuerbare Energie"),
        ("Energie", "Energie"),
    ]


def test_blank_terms_and_terms_ending_in_punctuation() -> None:
    text = "Laut Dr. Sommer und dem U.S. Department sind es 3 % mehr."
    assert found(text, "  ", "Dr.", "U.S.") == [("Dr.", "Dr."), ("U.S.", "U.S.")]


WORDS = st.text(alphabet="abcäöüßABCIEA", min_size=1, max_size=6)
GLUE = st.text(alphabet=" \n.,;-()äa", max_size=4)


@given(st.lists(st.tuples(WORDS, GLUE), max_size=25), st.lists(WORDS, min_size=1, max_size=4))
def test_mentions_are_exact_ordered_disjoint_whole_words(
    pieces: list[tuple[str, str]], terms: list[str]
) -> None:
    text = "".join(word + glue for word, glue in pieces)
    entries = [entry(term, str(index)) for index, term in enumerate(terms)]
    mentions = find_mentions(text, entries)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.start == 0 or not text[mention.start - 1].isalnum()
        assert mention.end == len(text) or not text[mention.end].isalnum()
        term = entries[int(mention.entry_id)].term
        assert mention.text.casefold().startswith(term.casefold())
    assert all(left.end <= right.start for left, right in pairwise(mentions))


@given(st.lists(st.tuples(WORDS, GLUE), max_size=25), st.lists(WORDS, min_size=1, max_size=3).map(" ".join))
def test_looking_only_where_words_start_finds_what_a_scan_of_the_whole_text_finds(
    pieces: list[tuple[str, str]], term: str
) -> None:
    text = "".join(word + glue for word, glue in pieces)
    pattern = term_pattern(term)
    assert pattern is not None
    expected = [(match.start(), match.end()) for match in pattern.finditer(text)]
    assert [(m.start, m.end) for m in find_mentions(text, [entry(term)])] == expected


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=1, max_size=12),
    st.sampled_from(["", "s", "e", "en"]),
)
def test_a_term_between_spaces_is_always_found(term: str, ending: str) -> None:
    text = f"1 {term}{ending} 2."
    (mention,) = find_mentions(text, [entry(term)])
    assert (mention.start, mention.end) == (2, 2 + len(term + ending))


def test_adding_a_term_twice_finds_the_entry_and_edits_keep_its_id() -> None:
    first = new_entry("  Netz entgelt ", "Gebühr\n", ["Energie", " ", "Energie"])
    assert (first.term, first.note, first.tags) == ("Netz entgelt", "Gebühr", ("Energie",))
    assert same_term([first], "netz   ENTGELT") is first
    changed = edited(first, "Netzentgelt", "Gebühr fürs Netz", ["Strom"])
    assert changed.id == first.id and changed.created == first.created and changed.term == "Netzentgelt"
    assert counts(find_mentions(NETZ, [changed])) == {first.id: 3}


# -- the store ---------------------------------------------------------------------


def document(folder: Path, name: str, text: str) -> Document:
    path = folder / name
    path.write_text(text, "utf-8")
    return Document(text=text, source=str(path), title=name.removesuffix(".txt").title())


def test_entries_and_sightings_survive_a_restart(tmp_path: Path) -> None:
    database = tmp_path / "store.sqlite3"
    a = document(tmp_path, "strompreise.txt", NETZ)
    b = document(tmp_path, "netzausbau.txt", "Netzentgelte? Ein Netzentgelt.")
    with SQLiteStore(database) as store:
        for doc in (a, b):
            store.remember_document(doc.id, doc.title, doc.source)
        netz = new_entry("Netzentgelt", "was das Netz kostet", ["Strom"])
        store.save_personal_entry(netz)
        store.save_personal_entry(new_entry("IEA"))
        store.record_sightings(a.id, counts(find_mentions(a.text, [netz])))
        store.record_sightings(b.id, counts(find_mentions(b.text, [netz])))
    with SQLiteStore(database) as store:
        assert [e.term for e in store.personal_entries()] == ["IEA", "Netzentgelt"]
        assert store.personal_entries()[1] == netz
        seen = {(s.title, s.count, s.paths) for s in store.sightings([netz.id])}
        assert seen == {("Strompreise", 3, (a.source,)), ("Netzausbau", 2, (b.source,))}
        assert "Strom" in store.tags_used()
        # B is opened again and no longer mentions it: the sighting goes.
        store.record_sightings(b.id, {})
        assert [s.document_id for s in store.sightings([netz.id])] == [a.id]
        store.delete_personal_entry(netz.id)
        assert [e.term for e in store.personal_entries()] == ["IEA"]
        assert store.sightings([netz.id]) == []
        # A sighting of an entry another process deleted meanwhile is not recorded.
        store.record_sightings(a.id, {netz.id: 3})
        assert store.sightings([netz.id]) == []


def test_a_version_1_store_is_migrated_and_keeps_its_annotations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "store.sqlite3"
    with monkeypatch.context() as old:
        old.setattr(sqlite_store, "MIGRATIONS", sqlite_store.MIGRATIONS[:1])
        old.setattr(sqlite_store, "SCHEMA_VERSION", 1)
        with SQLiteStore(database) as store:
            kept = AnnotationSession.open(store, document(tmp_path, "a.txt", NETZ)).add(4, 16, note="bleibt")
            assert store.schema_version == 1
    with SQLiteStore(database) as store:
        assert store.schema_version == 2
        assert store.annotation(kept.id) == kept
        assert store.personal_entries() == []
    tables = {name for (name,) in sqlite3.connect(database).execute("SELECT name FROM sqlite_master")}
    assert {"glossary_entries", "glossary_sightings", "annotations"} <= tables


WRITER = textwrap.dedent(
    """
    import sys
    from tui.store.personal_glossary import new_entry
    from tui.store.sqlite_store import SQLiteStore

    store = SQLiteStore(sys.argv[1])
    seen = {}
    for index in range(int(sys.argv[2])):
        entry = new_entry(f"{sys.argv[3]} {index}", tags=[sys.argv[3]])
        store.save_personal_entry(entry)
        seen[entry.id] = index + 1
        store.record_sightings(sys.argv[3], seen)
    """
)


def test_two_processes_adding_entries_at_once_lose_nothing(tmp_path: Path) -> None:
    database = tmp_path / "shared.sqlite3"
    count = 60
    run_writers_at_once(WRITER, str(database), str(count))
    with SQLiteStore(database) as store:
        assert store.integrity_check() == "ok"
        entries = store.personal_entries()
        assert {e.term for e in entries} == {f"{name} {i}" for name in WRITERS for i in range(count)}
        assert len(store.sightings(e.id for e in entries)) == 2 * count


def test_seen_elsewhere_names_other_articles_once_and_not_earlier_versions_of_this_one() -> None:
    sightings = [
        Sighting("e1", "this", 2, "t3", "Strompreise", ("/a/strom.txt",)),
        Sighting("e1", "older-version", 1, "t2", "Strompreise (alt)", ("/a/strom.txt",)),
        Sighting("e1", "other", 1, "t1", "Netzausbau", ("/a/netz.txt",)),
        Sighting("e1", "copy", 1, "t0", "Netzausbau", ("/b/netz.txt",)),
        Sighting("e2", "piped", 1, "t0", "", ()),
        Sighting("e2", "untitled", 1, "t0", "", ("/c/notiz.md",)),
    ]
    assert seen_elsewhere(sightings, "this", "/a/strom.txt") == {"e1": ["Netzausbau"], "e2": ["notiz.md"]}
    assert seen_elsewhere(sightings, "this", None)["e1"] == ["Strompreise (alt)", "Netzausbau"]
