"""The interface in German and English, end to end: the language is chosen
before the UI modules are imported, so each case runs the reader in a
subprocess (tests/interface_in.py) and reads the screen it prints."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel import Locale

from tui import i18n
from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
GERMAN_SCREENS = ROOT / "tests" / "data" / "interface" / "reader-and-help.de.txt"


def screens(lang: str, *flags: str) -> str:
    environment = {**os.environ, "LANG": lang, "PYTHONPATH": str(ROOT)}
    finished = subprocess.run(
        [sys.executable, "-m", "tests.interface_in", *flags],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    return finished.stdout


@pytest.fixture(scope="module")
def german() -> str:
    return screens("de_DE.UTF-8")


def test_lang_de_shows_the_reader_and_its_help_in_german(german: str) -> None:
    # Regenerate after an intended change with:
    #   LANG=de_DE.UTF-8 python -m tests.interface_in > tests/data/interface/reader-and-help.de.txt
    assert german == GERMAN_SCREENS.read_text("utf-8")


def test_german_counts_and_keys(german: str) -> None:
    status, footer = german.split("=" * 140)[0].splitlines()[-2:]
    assert status.strip() == "de · de_randnotiz · 444 Wörter · 36 Namen · 11 Zitate · 3 Zahlen"
    assert "e Name  c Zitat  d Zahl" in footer and "? Hilfe  q Beenden" in footer


def test_the_help_and_the_palette_are_german_throughout(german: str) -> None:
    help_screen, screen = german.split("=" * 140)[1:]
    palette = screen.split("▔" * 140)[1].split("▁" * 140)[0]
    assert "🔎 Befehle suchen…" in palette
    commands = [line.strip() for line in palette.splitlines() if line.strip()][1::2]
    # Textual's Keys panel would say what Hilfe says; its Quit is ours, in German.
    assert commands == ["Beenden", "Bildschirmfoto", "Farbschema", "Hell/dunkel", "Hilfe", "Maximieren"]
    assert "Leseansicht" in help_screen and "Reader" not in help_screen


def test_ui_lang_en_wins_over_a_german_environment() -> None:
    english = screens("de_DE.UTF-8", "--ui-lang", "en")
    reader = english.split("=" * 140)[0].splitlines()
    assert reader[-2].strip() == "de · de_randnotiz · 444 words · 36 entities · 11 quotes · 3 numbers"
    assert "e Entity  c Quote  d Number" in reader[-1]
    assert "Randnotiz — keys that work here" in english and "Wörter" not in english


def test_an_unknown_ui_lang_is_one_clear_line() -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "tests.interface_in", "--ui-lang", "fr"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (finished.returncode, finished.stderr) == (1, "no interface in 'fr'; choose one of en, de\n")


@pytest.fixture
def back_to_english() -> Iterator[None]:
    yield
    i18n.install(Locale.parse("en"))


def test_cli_errors_are_translated(back_to_english: None, capsys) -> None:
    assert main(["analyze", "--ui-lang", "de"]) == 1
    assert (
        capsys.readouterr().err
        == "randnotiz: analyze braucht einen PFAD ('-' für die Standardeingabe) oder --jsonl\n"
    )


def test_input_and_export_errors_are_translated(back_to_english: None, capsys, tmp_path) -> None:
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"  \n")
    assert main(["--ui-lang", "de", str(tmp_path / "fehlt.txt")]) == 1
    assert main(["analyze", "--ui-lang", "de", str(empty)]) == 1
    assert main(["export", "--ui-lang", "de", str(empty)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"randnotiz: Datei nicht gefunden: {tmp_path / 'fehlt.txt'}",
        f"randnotiz: {empty} ist leer",
        f"randnotiz: {empty} ist leer",
    ]


def test_the_analysis_json_is_the_same_in_every_interface_language(back_to_english: None, capsys) -> None:
    article = str(ROOT / "seeds" / "harbour-bridge.en.txt")
    assert main(["analyze", "--ui-lang", "en", article]) == 0
    english = capsys.readouterr().out
    assert main(["analyze", "--ui-lang", "de", article]) == 0
    assert capsys.readouterr().out == english
    assert '"kind": "indirect"' in english
