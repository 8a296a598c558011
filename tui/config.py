"""User settings from ``config.toml`` in the platform's config folder
(``~/.config/randnotiz/`` on Linux), or the file named by
``RANDNOTIZ_CONFIG``. Every setting has a command-line flag that wins.

    theme = "light"            # or "dark"

    [models]                   # spaCy pipeline per language: a package or a folder
    de = "de_core_news_lg"
    en = "en_core_web_sm"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_path


class ConfigError(Exception):
    """The config file cannot be used; the message says why and where."""


@dataclass(frozen=True, slots=True)
class Settings:
    theme: str | None = None  # None: the theme of the last run, else dark
    models: dict[str, str] = field(default_factory=dict)


def config_path() -> Path:
    override = os.environ.get("RANDNOTIZ_CONFIG")
    return Path(override) if override else user_config_path("randnotiz") / "config.toml"


def load_settings(path: Path | None = None) -> Settings:
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read settings from {path}: {error}") from None
    theme = data.get("theme")
    models = data.get("models", {})
    if theme not in {None, "dark", "light"}:
        raise ConfigError(f'{path}: theme must be "dark" or "light", not {theme!r}')
    if not isinstance(models, dict) or not all(isinstance(v, str) for v in models.values()):
        raise ConfigError(f'{path}: [models] maps a language to a pipeline name, e.g. de = "de_core_news_lg"')
    return Settings(theme=theme, models=dict(models))
