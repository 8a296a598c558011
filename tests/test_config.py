import pytest

from tui.cli import main
from tui.config import ConfigError, Settings, load_settings

from .conftest import SEEDS


def test_missing_file_gives_defaults(tmp_path) -> None:
    assert load_settings(tmp_path / "none.toml") == Settings()


def test_a_config_without_a_theme_leaves_the_choice_to_the_last_run(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[models]\nde = "de_core_news_lg"\n')
    assert load_settings(path).theme is None


def test_theme_and_models_are_read(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "light"\n[models]\nde = "de_core_news_lg"\n')
    assert load_settings(path) == Settings(theme="light", models={"de": "de_core_news_lg"})


@pytest.mark.parametrize("content", ["theme = 3", "[models]\nde = 3", "theme = "])
def test_bad_settings_are_a_clear_error(tmp_path, content) -> None:
    path = tmp_path / "config.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=str(path).replace("\\", "\\\\")):
        load_settings(path)


def test_a_configured_model_that_is_missing_is_a_clean_cli_error(tmp_path, monkeypatch, capsys) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[models]\nde = "de_core_news_missing"\n')
    monkeypatch.setenv("RANDNOTIZ_CONFIG", str(path))
    assert main(["analyze", str(SEEDS / "xiaomi-usa.de.txt")]) == 1
    assert "no spaCy pipeline 'de_core_news_missing'" in capsys.readouterr().err
