"""User settings from ``config.toml`` in the platform's config folder
(``~/.config/randnotiz/`` on Linux), or the file named by
``RANDNOTIZ_CONFIG``. Every setting has a command-line flag that wins.

    theme = "light"            # "dark", "light" or any Textual theme ("nord")
    ui_lang = "de"             # the interface's language: "de" or "en"

    [models]                   # spaCy pipeline per language: a package or a folder
    de = "de_core_news_lg"
    en = "en_core_web_sm"

    [keymap]                   # binding id = keys (comma-separated); see the help (?)
    "reader.next_entity" = "ctrl+e"
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_path

from tui.i18n import UnknownLanguageError, _, choose_locale

# Randnotiz's own names for Textual's two built-in themes.
THEME_ALIASES = {"dark": "textual-dark", "light": "textual-light"}


class ConfigError(Exception):
    """The config file cannot be used; the message says why and where."""


@dataclass(frozen=True, slots=True)
class Settings:
    theme: str | None = None  # None: the theme of the last run, else dark
    models: dict[str, str] = field(default_factory=dict)
    ui_lang: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)


def config_path() -> Path:
    override = os.environ.get("RANDNOTIZ_CONFIG")
    return Path(override) if override else user_config_path("randnotiz") / "config.toml"


def textual_theme(name: str) -> str:
    """The Textual theme for a theme name of the settings or ``--theme``
    (the CLI checks that Textual has it: this module knows no Textual)."""
    return THEME_ALIASES.get(name, name)


def _unreadable(path: Path, error: Exception) -> ConfigError:
    return ConfigError(_("cannot read settings from {path}: {error}").format(path=path, error=error))


def load_settings(path: Path | None = None) -> Settings:
    path = path or config_path()
    try:
        source = path.read_text("utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as error:
        raise _unreadable(path, error) from None
    import tomllib  # only a start with a settings file parses one

    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise _unreadable(path, error) from None
    theme = data.get("theme")  # None: the theme of the last run
    models = data.get("models", {})
    ui_lang = data.get("ui_lang")
    keymap = data.get("keymap", {})
    if theme is not None and not isinstance(theme, str):
        raise ConfigError(_('{path}: theme is a name, e.g. theme = "nord"').format(path=path))
    if not isinstance(models, dict) or not all(isinstance(v, str) for v in models.values()):
        raise ConfigError(
            _('{path}: [models] maps a language to a pipeline name, e.g. de = "de_core_news_lg"').format(
                path=path
            )
        )
    if ui_lang is not None:
        try:
            choose_locale(setting=str(ui_lang))
        except UnknownLanguageError as error:
            raise ConfigError(_("{path}: ui_lang: {error}").format(path=path, error=error)) from None
    if not isinstance(keymap, dict) or not all(isinstance(v, str) for v in keymap.values()):
        raise ConfigError(
            _('{path}: [keymap] maps a binding id to keys, e.g. "reader.next_entity" = "ctrl+e"').format(
                path=path
            )
        )
    return Settings(theme=theme, models=dict(models), ui_lang=ui_lang, keymap=dict(keymap))
