"""The interface language: chosen by flag, setting or environment; German
counts and numbers formatted the German way; and no interface string is
missing from the German catalog."""

from __future__ import annotations

import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tui import i18n

ROOT = Path(__file__).resolve().parents[1]
GERMAN_CATALOG = ROOT / "tui" / "locale" / "de" / "LC_MESSAGES" / "randnotiz.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "count": (2, 3)}


@pytest.fixture
def german() -> Iterator[None]:
    i18n.install(Locale.parse("de_DE"))
    yield
    i18n.install(Locale.parse("en"))


@pytest.mark.parametrize(
    ("flag", "setting", "environment", "expected"),
    [
        ("en", "de", {"LANG": "de_DE.UTF-8"}, "en"),  # the flag wins
        (None, "de", {"LANG": "en_GB.UTF-8"}, "de"),  # then the setting
        (None, None, {"LANG": "de_CH.UTF-8"}, "de_CH"),  # then the environment, territory kept
        (None, None, {"LC_ALL": "de_AT.UTF-8", "LANG": "en_US.UTF-8"}, "de_AT"),
        (None, None, {"LANG": "fr_FR.UTF-8"}, "en"),  # no French interface: English
        (None, None, {"LANG": "C"}, "en"),
    ],
)
def test_the_ui_language_is_flag_then_setting_then_environment(
    monkeypatch, flag: str | None, setting: str | None, environment: dict[str, str], expected: str
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert str(i18n.choose_locale(flag, setting)) == expected


def test_an_explicit_language_without_a_catalog_is_refused() -> None:
    with pytest.raises(i18n.UnknownLanguageError, match="no interface in 'fr'; choose one of en, de"):
        i18n.choose_locale("fr")


def test_counts_and_numbers_follow_the_ui_locale(german: None) -> None:
    assert i18n.count(1500, "{count} word", "{count} words") == "1.500 Wörter"
    assert i18n.count(1, "{count} word", "{count} words") == "1 Wort"
    assert i18n.number(3.5) == "3,5"


def test_english_is_the_source_language() -> None:
    assert i18n.count(1500, "{count} word", "{count} words") == "1,500 words"


def test_the_catalog_is_read_without_a_compiled_file(monkeypatch, tmp_path: Path) -> None:
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "randnotiz.po").write_bytes(GERMAN_CATALOG.read_bytes())
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    assert i18n.catalog("de").ngettext("{count} word", "{count} words", 2) == "{count} Wörter"


def interface_messages() -> set[tuple[str | None, str]]:
    """(context, message) of every interface string: "End" the key is not "End" the action."""
    found = set()
    for _, _, message, _, context in extract_from_dir(ROOT / "tui", keywords=KEYWORDS):
        found.add((context, message if isinstance(message, str) else message[0]))
    return found


def test_every_interface_string_is_in_the_german_catalog() -> None:
    with GERMAN_CATALOG.open("rb") as file:
        catalog = read_po(file)
    translated = {
        (message.context, message.id if isinstance(message.id, str) else message.id[0])
        for message in catalog
        # A fuzzy entry is pybabel's guess, and gettext does not use it.
        if message.id
        and not message.fuzzy
        and all(message.string if isinstance(message.string, tuple) else [message.string])
    }
    missing = sorted(interface_messages() - translated, key=lambda message: (message[0] or "", message[1]))
    assert missing == [], f"not translated into German: {missing}"


def test_argparse_speaks_german_too(german: None, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    with pytest.raises(SystemExit):
        main(["--ui-lang", "de", "--help"])
    shown = " ".join(capsys.readouterr().out.split())  # as one line, whatever the terminal's width
    for words in ("Aufruf: randnotiz", "Positionsargumente:", "Optionen:", "diese Hilfe zeigen und beenden"):
        assert words in shown
    assert "Versionsnummer des Programms zeigen und beenden" in shown
    assert "'randnotiz export ARTIKEL'" in shown and "'randnotiz import NOTIZEN'" in shown
    for english in ("usage:", "options:", "show this help", "show program's"):
        assert english not in shown
    with pytest.raises(SystemExit):
        main(["--ui-lang", "de", "--bogus"])
    assert capsys.readouterr().err.endswith("randnotiz: Fehler: unbekannte Argumente: --bogus\n")


def test_argparse_stays_english_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())  # as one line, whatever the terminal's width
    assert shown.startswith("usage: randnotiz") and "'randnotiz export ARTICLE'" in shown


@pytest.mark.parametrize(
    ("value", "german", "english"),
    [
        ("2024-05-01", "01.05.2024", "May 1, 2024"),
        ("2024-05-01T09:30:00+00:00", "01.05.2024", "May 1, 2024"),
        ("Frühjahr 2024", "Frühjahr 2024", "Frühjahr 2024"),  # not a date: as it is
        (None, "", ""),
    ],
)
def test_library_dates_follow_the_ui_locale(value: str | None, german: str, english: str) -> None:
    from tui.screens.library import shown_date

    assert shown_date(value) == english
    i18n.install(Locale.parse("de_DE"))
    try:
        assert shown_date(value) == german
    finally:
        i18n.install(Locale.parse("en"))


def test_german_messages_keep_their_placeholders() -> None:
    """A translation that drops or renames ``{count}`` would fail at run time."""
    with GERMAN_CATALOG.open("rb") as file:
        catalog = read_po(file)
    broken = []
    for message in catalog:
        if not message.id:
            continue
        source = str(message.id[0] if isinstance(message.id, tuple | list) else message.id)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        for translation in strings:
            if placeholders(str(translation)) != placeholders(source):
                broken.append((source, translation))
    assert broken == []


def placeholders(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name is not None}
