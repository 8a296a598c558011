"""Keys and themes that are the reader's own: a [keymap] in the settings file
rebinds by binding id (and the help shows the key in effect), mistakes are
one line at start-up, and any Textual theme can be chosen by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from tui.app import RandnotizApp
from tui.cli import main
from tui.config import ConfigError, Settings, load_settings
from tui.screens.reader import ReaderCommands

from .conftest import SEEDS
from .ui import analysed, make_app, selected_text


def settings_file(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(content, "utf-8")
    return path


def test_the_keymap_is_read_from_the_settings(tmp_path: Path) -> None:
    path = settings_file(tmp_path, '[keymap]\n"reader.next_entity" = "ctrl+e"\n')
    assert load_settings(path) == Settings(keymap={"reader.next_entity": "ctrl+e"})


async def test_a_rebound_key_works_and_the_help_shows_it(tmp_path: Path) -> None:
    settings = load_settings(settings_file(tmp_path, '[keymap]\n"reader.next_entity" = "ctrl+e"\n'))
    app = make_app(keymap=settings.keymap)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await analysed(pilot)
        await pilot.press("e")  # no longer bound
        assert screen.selection is None
        await pilot.press("ctrl+e")
        assert selected_text(screen) == "Xiaomi"
        rows = {row.description: row.keys for row in app.help_rows()}
        assert rows["Entity"] == ("ctrl+e",)
        await pilot.press("question_mark")
        await pilot.pause()
        table: DataTable[object] = app.screen.query_one("#help-table", DataTable)
        cells = [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
        assert "Ctrl+E" in cells and "Entity" in cells


@pytest.mark.parametrize(
    ("keymap", "problems"),
    [
        ({"reader.next_entity": "ctrl+e"}, []),
        ({"reader.next_entiti": "ctrl+e"}, ["keymap: no key binding has the id 'reader.next_entiti'"]),
        # d already steps to numbers: two actions on one key.
        (
            {"reader.next_quote": "d"},
            ["keymap: one key for two actions: reader.next_number, reader.next_quote"],
        ),
        # Swapping two keys is no clash.
        ({"reader.next_quote": "d", "reader.next_number": "c"}, []),
    ],
)
def test_keymap_mistakes_are_named(keymap: dict[str, str], problems: list[str]) -> None:
    assert RandnotizApp(None, keymap=keymap).keymap_problems() == problems


def test_a_bad_keymap_stops_the_reader_with_one_line(tmp_path: Path, monkeypatch, capsys) -> None:
    path = settings_file(tmp_path, '[keymap]\n"reader.next_quote" = "d"\n')
    monkeypatch.setenv("RANDNOTIZ_CONFIG", str(path))
    import tui.analysis_service

    from .fake_service import FakeAnalysisService

    service = FakeAnalysisService()
    monkeypatch.setattr(tui.analysis_service, "start_service", lambda *_args, **_options: service)
    assert main([str(SEEDS / "xiaomi-usa.de.txt")]) == 1
    assert capsys.readouterr().err == (
        "randnotiz: keymap: one key for two actions: reader.next_number, reader.next_quote\n"
    )
    assert service._stopped.is_set()  # no analysis process is left behind


def test_settings_name_any_textual_theme(tmp_path: Path) -> None:
    assert load_settings(settings_file(tmp_path, 'theme = "nord"\n')).theme == "nord"


@pytest.mark.parametrize(
    ("argv", "config", "message"),
    [
        (["--theme", "pink"], "", "--theme: unknown theme 'pink'; choose one of dark, light, ansi-dark"),
        ([], 'theme = "pink"\n', "config.toml: unknown theme 'pink'; choose one of dark, light, ansi-dark"),
    ],
)
def test_an_unknown_theme_is_a_clear_error(
    tmp_path: Path, monkeypatch, capsys, argv: list[str], config: str, message: str
) -> None:
    monkeypatch.setenv("RANDNOTIZ_CONFIG", str(settings_file(tmp_path, config)))
    assert main([*argv, str(SEEDS / "xiaomi-usa.de.txt")]) == 1
    error = capsys.readouterr().err
    assert message in error and "nord" in error and error.count("\n") == 1


def test_a_config_with_an_unknown_ui_lang_is_refused(tmp_path: Path) -> None:
    path = settings_file(tmp_path, 'ui_lang = "fr"\n')
    with pytest.raises(ConfigError, match="ui_lang: no interface in 'fr'; choose one of en, de"):
        load_settings(path)


async def test_a_textual_theme_by_name_keeps_highlights_apart_without_colour() -> None:
    app = make_app(theme="nord")
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await analysed(pilot)
        assert app.theme == "nord"
        view = screen.article
        styles = {
            component: view.get_component_rich_style(f"article-view--{component}", partial=True)
            for component in ("per", "org", "loc", "misc", "number")
        }
        # Bold, underline and italic alone tell them apart (NO_COLOR, monochrome).
        text_styles = {(s.bold, s.italic, s.underline) for s in styles.values()}
        assert len(text_styles) == len(styles)


async def test_the_palette_names_the_key_in_effect() -> None:
    app = make_app(keymap={"reader.next_entity": "ctrl+e"})
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await analysed(pilot)
        commands = {name: key for name, key, _ in ReaderCommands(screen)._commands()}
        assert commands["Entity"] == "Key: Ctrl+E"
        assert commands["Quote"] == "Key: c"
