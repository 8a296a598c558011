"""Exchange formats: W3C JSON-LD (export, import, round trip), brat, JSONL, DocBin, Markdown.

The article holds emoji (one code point and a five-code-point ZWJ sequence) and
a combining accent with no precomposed form before the annotated words, so an
offset counted in UTF-16 units or bytes anywhere would show.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import DocBin

from tui.analysis.model import Analysis, Entity, Number, Quote
from tui.cli import main
from tui.sources.document import Document
from tui.store.corrections import apply_corrections
from tui.store.exchange.docbin import to_docbin
from tui.store.exchange.jsonl import to_jsonl
from tui.store.exchange.markdown import to_markdown
from tui.store.exchange.w3c import annotation_to_w3c, read_w3c
from tui.store.model import Annotation, EntityCorrection, TextQuote
from tui.store.session import AnnotationSession
from tui.store.sqlite_store import SQLiteStore

TEXT = (
    "🎉 Famix\u0302e 👩\u200d👩\u200d👧 in Köln: „Wir kommen bald“, sagte Hugo Barra.\n"
    "Xiaomi kaufte 1.500 Patente von Microsoft und Apple.\n"
)

assert (
    unicodedata.is_normalized("NFC", TEXT) and "x\u0302" in TEXT
)  # the accent stays a code point of its own


def at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "artikel.txt"
    path.write_text(TEXT, "utf-8")
    return path


@pytest.fixture
def annotated(article: Path, data_dir: Path) -> Path:
    """The article with a note + tags, a label fix, a deleted entity, an added one, a speaker and a two-line span."""
    with SQLiteStore() as store:
        session = AnnotationSession.open(store, Document(TEXT, str(article), "t"))
        session.add(*at("Hugo Barra"), note="Ex-Google.\nJetzt Xiaomi.", tags=["prüfen", "Zitat bestätigt"])
        session.add(*at("Apple"), entity=EntityCorrection("ORG"))
        session.add(*at("Köln"), entity=EntityCorrection(None))
        session.add(*at("Microsoft"), entity=EntityCorrection("ORG"))
        session.add(*at("Wir kommen bald"), speaker="Hugo Barra")
        session.add(*at("Barra.\nXiaomi"), tags=["falsch"])
    return article


ANALYSIS = Analysis(
    text=TEXT,
    lang="de",
    pipeline="test",
    entities=(
        Entity(*at("Köln"), "Köln", label="LOC"),
        Entity(*at("Hugo Barra"), "Hugo Barra", label="PER"),
        Entity(*at("Xiaomi"), "Xiaomi", label="ORG"),
        Entity(*at("Apple"), "Apple", label="LOC"),
    ),
    quotes=(Quote(*at("Wir kommen bald"), "Wir kommen bald"),),
    numbers=(Number(*at("1.500"), "1.500", value=1500, approx=True),),
)


def export(article: Path, fmt: str, output: Path) -> None:
    assert main(["export", str(article), "--format", fmt, "-o", str(output)]) == 0


def stored(article: Path) -> list:
    with SQLiteStore() as store:
        session = AnnotationSession.open(store, Document(TEXT, str(article), "t"))
        return session.annotations + session.orphans


def test_w3c_has_every_required_field_and_code_point_offsets(annotated: Path, tmp_path: Path) -> None:
    export(annotated, "w3c", tmp_path / "out.jsonld")
    collection = json.loads((tmp_path / "out.jsonld").read_text("utf-8"))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 6
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", collection["id"])
    items = collection["first"]["items"]
    assert collection["first"]["type"] == "AnnotationPage" and len(items) == 6
    for item in items:
        assert item["type"] == "Annotation" and re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", item["id"])
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", item["created"])
        assert item["target"]["source"] == annotated.resolve().as_uri()
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        assert TEXT[position["start"] : position["end"]] == quote["exact"]
        assert TEXT[: position["start"]].endswith(quote["prefix"]) and len(quote["prefix"]) <= 32
        assert TEXT[position["end"] :].startswith(quote["suffix"])
        for body in item["body"]:
            assert (
                body["type"] == "TextualBody"
                and body["purpose"] in item["motivation"] + " tagging classifying identifying"
            )
    barra = next(item for item in items if item["target"]["selector"][0]["exact"] == "Hugo Barra")
    # Code points: 50; UTF-16 units would say 54, UTF-8 bytes 72.
    assert barra["target"]["selector"][1] == {"type": "TextPositionSelector", "start": 50, "end": 60}
    assert len(TEXT[:50].encode("utf-16-le")) // 2 == 54 and len(TEXT[:50].encode()) == 72
    assert [(b["purpose"], b["value"]) for b in barra["body"]] == [
        ("commenting", "Ex-Google.\nJetzt Xiaomi."),
        ("tagging", "prüfen"),
        ("tagging", "Zitat bestätigt"),
    ]
    köln = next(item for item in items if item["target"]["selector"][0]["exact"] == "Köln")
    assert [(b["purpose"], b["value"]) for b in köln["body"]] == [("classifying", "O")]


def test_export_import_into_an_empty_store_export_is_identical(
    annotated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One annotation becomes an orphan first: it must survive the round trip too.
    with SQLiteStore() as store:
        AnnotationSession.open(store, Document(TEXT, str(annotated), "t")).add(*at("Patente"), note="welche?")
    annotated.write_text(TEXT.replace("Patente", "Lizenzen"), "utf-8")
    export(annotated, "w3c", tmp_path / "first.jsonld")
    first = (tmp_path / "first.jsonld").read_text("utf-8")
    assert '"welche?"' in first and first.count("TextPositionSelector") == 6  # the orphan has none
    monkeypatch.setenv("RANDNOTIZ_DATA_DIR", str(tmp_path / "empty"))
    assert main(["import", str(tmp_path / "first.jsonld")]) == 0
    export(annotated, "w3c", tmp_path / "second.jsonld")
    assert (tmp_path / "second.jsonld").read_text("utf-8") == first


@pytest.mark.parametrize("shape", ["annotation", "array", "page", "collection"])
def test_import_reads_each_shape_and_anchors_by_quote(
    shape: str, article: Path, data_dir: Path, tmp_path: Path
) -> None:
    start, end = at("Microsoft")
    annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://example.org/anno/7",
        "type": "Annotation",
        "motivation": "commenting",
        "body": {"type": "TextualBody", "value": "Wie viele genau?"},
        "target": {
            "source": str(article),
            "selector": {"type": "TextQuoteSelector", "exact": "Microsoft", "prefix": "Patente von "},
        },
    }
    data = {
        "annotation": annotation,
        "array": [annotation],
        "page": {"type": "AnnotationPage", "items": [annotation]},
        "collection": {
            "type": "AnnotationCollection",
            "first": {"type": "AnnotationPage", "items": [annotation]},
        },
    }[shape]
    (tmp_path / "in.jsonld").write_text(json.dumps(data), "utf-8")
    for _ in range(2):  # importing twice replaces, it does not double
        assert main(["import", str(tmp_path / "in.jsonld")]) == 0
    (imported,) = stored(article)
    assert (imported.start, imported.end, imported.text, imported.note) == (
        start,
        end,
        "Microsoft",
        "Wie viele genau?",
    )


def test_import_takes_the_article_from_the_option_and_positions_alone(
    article: Path, data_dir: Path, tmp_path: Path
) -> None:
    start, end = at("Famix\u0302e")
    annotation = {
        "type": "Annotation",
        "id": "urn:uuid:0b3f7cde-5c1a-4f43-9f0e-6d3a1c2b9e11",
        "body": [{"type": "TextualBody", "value": "PER", "purpose": "classifying"}],
        "target": {
            "source": "https://example.org/elsewhere",
            "selector": {"type": "TextPositionSelector", "start": start, "end": end},
        },
    }
    (tmp_path / "in.jsonld").write_text(json.dumps(annotation), "utf-8")
    assert main(["import", str(tmp_path / "in.jsonld"), "--article", str(article)]) == 0
    (imported,) = stored(article)
    assert (imported.id, imported.text, imported.entity) == (
        "0b3f7cde-5c1a-4f43-9f0e-6d3a1c2b9e11",
        "Famix\u0302e",
        EntityCorrection("PER"),
    )


def test_import_refuses_what_is_not_web_annotation(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in.jsonld").write_text('{"type": "Note"}', "utf-8")
    assert main(["import", str(tmp_path / "in.jsonld")]) == 1
    assert "expected type Annotation" in capsys.readouterr().err


def read_ann(ann: str) -> dict[str, tuple[str, list[tuple[int, int]], str]]:
    """A brat .ann file's text-bound annotations: id -> (type, fragments, surface)."""
    found = {}
    for line in ann.splitlines():
        if line.startswith("T"):
            key, middle, surface = line.split("\t")
            kind, offsets = middle.split(" ", 1)
            fragments = [tuple(int(n) for n in part.split()) for part in offsets.split(";")]
            found[key] = (kind, fragments, surface)
    return found


def test_brat_loads_back_to_the_same_spans(annotated: Path, tmp_path: Path) -> None:
    export(annotated, "brat", tmp_path / "out")
    text = (tmp_path / "out.txt").read_text("utf-8")
    assert text == TEXT
    ann = (tmp_path / "out.ann").read_text("utf-8")
    spans = read_ann(ann)
    for kind, fragments, surface in spans.values():
        assert " ".join(text[start:end] for start, end in fragments) == surface
    loaded = sorted((f[0][0], f[-1][1], kind) for kind, f, _ in spans.values())
    assert loaded == sorted(
        (a.start, a.end, a.entity.label or "NotAnEntity" if a.entity else "Annotation")
        for a in stored(annotated)
    )
    assert ("Annotation", [at("Barra."), at("Xiaomi")], "Barra. Xiaomi") in spans.values()
    assert "AnnotatorNotes T" in ann and "\tEx-Google. Jetzt Xiaomi." in ann
    assert re.search(r"^A\d+\tTag T\d+ Zitat_bestätigt$", ann, re.MULTILINE)


def test_jsonl_spans_are_the_corrected_entities_at_exact_offsets(annotated: Path) -> None:
    corrected = apply_corrections(ANALYSIS, stored(annotated))
    (line,) = to_jsonl(corrected, stored(annotated), {"source": "x"}).splitlines()
    record = json.loads(line)
    assert record["text"] == TEXT
    assert [(s["text"], s["label"]) for s in record["spans"]] == [
        ("Hugo Barra", "PER"),
        ("Xiaomi", "ORG"),
        ("Microsoft", "ORG"),
        ("Apple", "ORG"),
    ]
    for span in record["spans"] + record["annotations"]:
        assert TEXT[span["start"] : span["end"]] == span["text"]


def test_docbin_holds_the_corrected_entities_on_spacy_tokens(annotated: Path) -> None:
    corrected = apply_corrections(ANALYSIS, stored(annotated))
    (doc,) = DocBin().from_bytes(to_docbin(corrected)).get_docs(spacy.blank("de").vocab)
    assert doc.text == TEXT
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
        (e.start, e.end, e.label) for e in corrected.entities
    ]


def test_docbin_widens_a_span_that_cuts_a_token() -> None:
    text = "Die Xiaomi-Aktie stieg."
    analysis = Analysis(text=text, lang="de", pipeline="t", entities=(Entity(4, 10, "Xiaomi", label="ORG"),))
    (doc,) = DocBin().from_bytes(to_docbin(analysis)).get_docs(spacy.blank("de").vocab)
    assert [(e.text, e.label_) for e in doc.ents] == [("Xiaomi-Aktie", "ORG")]


def test_markdown_reports_notes_tags_quotes_and_numbers_in_context(annotated: Path) -> None:
    corrected = apply_corrections(ANALYSIS, stored(annotated))
    report = to_markdown("Xiaomi", str(annotated), corrected, stored(annotated))
    assert (
        "- …in Köln: „Wir kommen bald“, sagte **Hugo Barra** . Xiaomi kaufte 1.500 Patente von Microsoft…"
        not in report
    )
    assert "**Hugo Barra**" in report and "`#prüfen` `#Zitat bestätigt`" in report
    assert "  > Ex-Google.\n  > Jetzt Xiaomi." in report
    assert "- Hugo Barra (direct): “Wir kommen bald”" in report
    assert "| 1.500 | ≈1500 |  |" in report
    assert "not an entity" in report and "entity: ORG" in report


def test_export_runs_the_analysis_and_applies_the_corrections(
    annotated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(annotated), "--format", "jsonl"]) == 0
    record = json.loads(capsys.readouterr().out)
    spans = {(s["text"], s["label"]) for s in record["spans"]}
    assert {("Apple", "ORG"), ("Microsoft", "ORG")} <= spans
    assert "Köln" not in {text for text, _ in spans}
    for span in record["spans"]:
        assert TEXT[span["start"] : span["end"]] == span["text"]
    export(annotated, "docbin", tmp_path / "out.spacy")
    (doc,) = DocBin().from_disk(tmp_path / "out.spacy").get_docs(spacy.blank("de").vocab)
    assert {(e.text, e.label_) for e in doc.ents} == spans
    export(annotated, "markdown", tmp_path / "out.md")
    assert "speaker: Hugo Barra" in (tmp_path / "out.md").read_text("utf-8")


@settings(max_examples=40)
@given(
    note=st.text(max_size=40),
    tags=st.lists(st.text(min_size=1, max_size=12), max_size=3, unique=True),
    label=st.sampled_from([None, "PER", "ORG"]),
    speaker=st.one_of(st.none(), st.text(max_size=12)),
    words=st.text(min_size=1, max_size=20),
)
def test_w3c_json_reads_back_to_the_same_annotation(
    note: str, tags: list[str], label: str | None, speaker: str | None, words: str
) -> None:
    original = Annotation(
        str(uuid.uuid4()),
        "doc",
        3,
        3 + len(words),
        TextQuote(words, "abc", "xyz"),
        note=note,
        tags=tuple(tags),
        entity=EntityCorrection(label) if label != "PER" else None,
        speaker=speaker,
        created="2026-01-02T03:04:05Z",
        modified="2026-01-02T03:04:06Z",
    )
    (read,) = read_w3c(json.loads(json.dumps(annotation_to_w3c(original, "file:///a.txt"))))
    assert (read.source, read.has_position) == ("file:///a.txt", True)
    assert replace(read.annotation, document_id="doc") == original
