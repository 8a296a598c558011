"""The CLI contract: ``analyze`` JSON, ``--jsonl`` streaming and errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.analysis import Analysis
from tui.batch import analyze_jsonl
from tui.cli import main

from .conftest import SEEDS

CONTRACT_KEYS = {"id", "lang", "entities", "quotes", "numbers", "glossary", "sources"}


def run_jsonl(monkeypatch, capsys, lines: Sequence[str | bytes], *args: str) -> list[dict]:
    data = b"".join((line if isinstance(line, bytes) else line.encode()) + b"\n" for line in lines)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    # The rule layer alone: the JSON lines contract is the subject, not the model.
    assert main(["analyze", "--jsonl", "--model", "rules", "--workers", "1", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_analyze_prints_the_seed_analysis(capsys) -> None:
    # The rule layer alone: the contract is the subject here, not the model.
    assert main(["analyze", str(SEEDS / "xiaomi-usa.de.txt"), "--model", "rules"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= CONTRACT_KEYS
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
        assert set(result) >= CONTRACT_KEYS
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


GOOD = json.dumps({"id": "ok", "text": "Xiaomi wächst in Indien."})


@pytest.mark.parametrize(
    ("bad_line", "bad_id", "error"),
    [
        (
            '{"id": "s", "text": "Hallo \\ud800 Welt"}',
            "s",
            "text holds a lone surrogate (U+D800) at offset 6",
        ),
        (b'{"id": "u", "text": "Gr\xf6\xdfe"}', None, "not valid UTF-8 (byte 0xf6 at offset 23)"),
        ("[" * 5000 + "]" * 5000, None, "invalid JSON: nested too deeply"),
        ('{"id": ' + "9" * 5000 + ', "text": "x"}', None, "invalid JSON: Exceeds the limit"),
        ('{"id": "\\udc00", "text": "Hallo"}', "\udc00", None),  # an odd id is passed back as it came
    ],
    ids=["lone-surrogate", "invalid-utf8", "nested-5000", "huge-integer", "surrogate-id"],
)
def test_jsonl_bad_input_gives_its_error_line_and_loses_nothing(
    monkeypatch, capsys, bad_line: str | bytes, bad_id: object, error: str | None
) -> None:
    # Batches of 2: the good line before the bad one is still buffered when it comes.
    results = run_jsonl(monkeypatch, capsys, [GOOD, bad_line, GOOD], "--batch-size", "2")
    assert [result["id"] for result in results] == ["ok", bad_id, "ok"]
    assert results[0]["entities"] and results[2]["entities"]
    if error is None:
        assert results[1]["lang"] == "de"
    else:
        assert results[1]["error"].startswith(error)


def test_jsonl_a_text_that_breaks_the_analysis_fails_alone(monkeypatch, capsys) -> None:
    import tui.analysis

    analyze_batch = tui.analysis.analyze_batch

    def fragile(texts: list[str], *args: Any) -> list[Analysis]:
        if any("BOOM" in text for text in texts):
            raise ValueError("kaputt")
        return analyze_batch(texts, *args)

    monkeypatch.setattr(tui.analysis, "analyze_batch", fragile)
    lines = [GOOD, json.dumps({"id": "b", "text": "BOOM"}), GOOD]
    results = run_jsonl(monkeypatch, capsys, lines, "--batch-size", "3")
    assert [result.get("error") for result in results] == [
        None,
        "internal error in the analysis: ValueError: kaputt",
        None,
    ]
    assert results[0]["entities"] and results[2]["entities"]


def test_jsonl_error_text_names_the_column_once(monkeypatch, capsys) -> None:
    [result] = run_jsonl(monkeypatch, capsys, ['{"id": 1, "text": "offen'])
    assert result == {"id": None, "error": "invalid JSON: Unterminated string starting at (column 19)"}


def test_jsonl_reads_the_file_it_is_given(tmp_path, capsys) -> None:
    path = tmp_path / "texts.jsonl"
    path.write_text(GOOD + "\n", "utf-8")
    assert main(["analyze", "--jsonl", str(path), "--model", "rules"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["id"] == "ok"


def test_jsonl_refuses_what_it_cannot_read(tmp_path, capsys) -> None:
    assert main(["analyze", "--jsonl", str(tmp_path / "missing.jsonl")]) == 1
    assert (
        capsys.readouterr().err
        == f"randnotiz: cannot read {tmp_path / 'missing.jsonl'}: No such file or directory\n"
    )
    assert main(["analyze", "--jsonl", "--encoding", "latin-1"]) == 1
    assert "JSON lines are always UTF-8" in capsys.readouterr().err


def test_analyze_reads_utf16_and_a_named_encoding(tmp_path, capsys) -> None:
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Xiaomi wächst in Indien.".encode("utf-16"))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Xiaomi wächst in Indien.".encode("latin-1"))
    for path, options in ((utf16, []), (latin, ["--encoding", "latin-1"])):
        assert main(["analyze", str(path), "--model", "rules", *options]) == 0
        captured = capsys.readouterr()
        assert json.loads(captured.out)["entities"][0]["text"] == "Xiaomi"
        assert captured.err == ""
    assert (
        main(["analyze", str(latin), "--model", "rules"]) == 0
    )  # undeclared: read as Windows-1252, with a note
    assert capsys.readouterr().err == f"randnotiz: {latin} is not valid UTF-8; read it as cp1252\n"


def test_jsonl_streams_before_input_ends() -> None:
    process = subprocess.Popen(
        # The rule layer alone: streaming is the subject here, not the model.
        [sys.executable, "-m", "tui", "analyze", "--jsonl", "--batch-size", "1", "--model", "rules"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
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
def test_file_errors_are_one_line_and_non_zero(tmp_path, capsys, content, message) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["analyze", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and message in captured.err


def test_the_installed_command_fails_without_a_traceback(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "analyze", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"randnotiz: no such file: {tmp_path / 'missing.txt'}\n"


def test_version_is_the_installed_one(capsys) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as leaving:
        main(["--version"])
    assert leaving.value.code == 0
    assert capsys.readouterr().out == f"randnotiz {version('randnotiz')}\n"


def test_unknown_model_is_a_clean_error(capsys) -> None:
    assert main(["analyze", str(SEEDS / "xiaomi-usa.de.txt"), "--model", "de_no_such_model"]) == 1
    error = capsys.readouterr().err
    assert "no spaCy pipeline 'de_no_such_model'" in error and "installed:" in error


def test_reader_refuses_bad_input_before_starting_the_ui(tmp_path, capsys) -> None:
    path = tmp_path / "leer.txt"
    path.write_text("")
    assert main([str(path)]) == 1
    assert capsys.readouterr().err == f"randnotiz: {path} is empty\n"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(st.lists(st.binary(max_size=40), max_size=6))
def test_jsonl_answers_any_bytes_with_one_json_line_each(lines: list[bytes]) -> None:
    lines = [line.replace(b"\n", b" ") for line in lines]
    answers = list(analyze_jsonl(lines, None, "rules", batch_size=2))
    assert len(answers) == sum(1 for line in lines if line.strip())
    for answer in answers:
        assert set(json.loads(answer)) >= {"id"}


@settings(max_examples=30)  # nested values are slow to draw; 30 cover every kind
@given(JSON_VALUES)
def test_jsonl_gives_any_id_back_as_it_came(item_id: object) -> None:
    line = json.dumps({"id": item_id, "text": "  "}).encode()
    [answer] = analyze_jsonl([line], None, "rules")
    assert json.loads(answer) == {"id": item_id, "error": "empty text"}
