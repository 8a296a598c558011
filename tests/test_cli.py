"""The CLI contract: ``analyze`` JSON, ``--jsonl`` streaming and errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from tui.cli import main

from .conftest import SEEDS

CONTRACT_KEYS = {"id", "lang", "entities", "quotes", "numbers", "glossary", "sources"}


def run_jsonl(monkeypatch, capsys, lines: list[str], *args: str) -> list[dict]:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["analyze", "--jsonl", "--workers", "1", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_analyze_prints_the_seed_analysis(capsys) -> None:
    assert main(["analyze", str(SEEDS / "xiaomi-usa.de.txt")]) == 0
    result = json.loads(capsys.readouterr().out)
    assert CONTRACT_KEYS <= set(result)
    assert result["lang"] == "de"
    orgs = {e["text"] for e in result["entities"] if e["label"] == "ORG"}
    assert {"Xiaomi", "Huawei", "Samsung", "Apple", "Google", "Microsoft"} <= orgs
    assert {"start", "end", "text", "label"} == set(result["entities"][0])


def test_jsonl_keeps_order_ids_and_the_contract(monkeypatch, capsys) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Angela Merkel besuchte Paris."}),
        json.dumps({"id": 7, "text": "„Wir kommen“, sagte Hugo Barra. Es kostet 1.500 Euro.", "lang": "de"}),
        json.dumps({"id": "en", "text": "The company said that 384,122 people live there.", "lang": "en"}),
    ]
    results = run_jsonl(monkeypatch, capsys, lines, "--batch-size", "2")
    assert [r["id"] for r in results] == ["a", 7, "en"]
    for result in results:
        assert CONTRACT_KEYS <= set(result)
    quote = results[1]["quotes"][0]
    assert (quote["kind"], quote["text"], quote["speaker"]["text"]) == ("direct", "Wir kommen", "Hugo Barra")
    number = results[1]["numbers"][0]
    assert (number["text"], number["value"], number["unit"], number["kind"], number["approx"]) == (
        "1.500 Euro",
        1500,
        "EUR",
        "money",
        False,
    )
    assert results[2]["lang"] == "en"
    assert results[2]["numbers"][0]["value"] == 384122


def test_jsonl_bad_lines_give_error_objects_and_processing_continues(monkeypatch, capsys) -> None:
    lines = [
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": 1}),
        json.dumps({"id": 2, "text": "   "}),
        json.dumps({"id": 3, "text": "Hallo", "lang": "fr"}),
        json.dumps({"id": 4, "text": "Xiaomi wächst in Indien."}),
    ]
    results = run_jsonl(monkeypatch, capsys, lines)
    assert [(r["id"], "error" in r) for r in results] == [
        (None, True),
        (None, True),
        (1, True),
        (2, True),
        (3, True),
        (4, False),
    ]
    assert results[0]["error"].startswith("invalid JSON")
    assert results[2]["error"] == "missing 'text' (a string)"
    assert results[3]["error"] == "empty text"
    assert "unsupported lang 'fr'" in results[4]["error"]


def test_jsonl_streams_before_input_ends() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "analyze", "--jsonl", "--batch-size", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        process.stdin.write(json.dumps({"id": "first", "text": "Xiaomi wächst."}) + "\n")
        process.stdin.flush()
        assert json.loads(process.stdout.readline())["id"] == "first"  # input still open
    finally:
        process.stdin.close()
        process.wait(timeout=30)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "looks like a binary file"),
        (b"abc\x81\x8d", "not valid UTF-8"),
    ],
)
def test_file_errors_are_one_line_and_non_zero(tmp_path, content, message) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "tui", "analyze", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_model_is_a_clean_error(capsys) -> None:
    assert main(["analyze", str(SEEDS / "xiaomi-usa.de.txt"), "--model", "de_no_such_model"]) == 1
    error = capsys.readouterr().err
    assert "no spaCy pipeline 'de_no_such_model'" in error and "installed:" in error


def test_reader_refuses_bad_input_before_starting_the_ui(tmp_path, capsys) -> None:
    path = tmp_path / "leer.txt"
    path.write_text("")
    assert main([str(path)]) == 1
    assert capsys.readouterr().err == f"randnotiz: {path} is empty\n"
