"""The interface's language: gettext catalogs through Babel, and numbers,
dates and counts formatted for the reader's locale.

The language is chosen once, before the interface modules are imported
(their key descriptions are translated as they are defined): ``--ui-lang``,
then ``ui_lang`` in the settings file, then ``LC_ALL``/``LC_MESSAGES``/
``LANG``, else English. The analysis JSON never goes through here: it stays
language-neutral.

Catalogs live in ``tui/locale/<lang>/LC_MESSAGES/randnotiz.po``; installing
the package compiles them to ``.mo`` (``hatch_build.py``). A source checkout
that was never installed compiles the ``.po`` in memory instead.
"""

from __future__ import annotations

import gettext
import io
from datetime import date
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import default_locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import Translations

DOMAIN = "randnotiz"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# English is the source language: its messages are the msgids themselves.
UI_LANGUAGES = ("en", "de")
FALLBACK = "en"
ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")


class _Interface:
    """The language in force: one per process, set once by :func:`install`."""

    translations: gettext.NullTranslations = gettext.NullTranslations()
    locale: Locale = Locale.parse(FALLBACK)


class UnknownLanguageError(ValueError):
    """A UI language Randnotiz has no catalog for; the message lists those it has."""


def choose_locale(flag: str | None = None, setting: str | None = None) -> Locale:
    """The UI locale: the flag, the setting, the environment, else English.

    An explicit choice (flag or setting) must be a UI language; the
    environment is only a hint, and an unsupported one falls back quietly.
    The locale keeps its territory for formatting (``de_CH`` groups digits
    with ``’``) while the messages come from its language's catalog.
    """
    for explicit in (flag, setting):
        if explicit:
            locale = _parse(explicit)
            if locale is None or locale.language not in UI_LANGUAGES:
                raise UnknownLanguageError(
                    _("no interface in {language!r}; choose one of {languages}").format(
                        language=explicit, languages=", ".join(UI_LANGUAGES)
                    )
                )
            return locale
    from_environment = _parse(default_locale(ENVIRONMENT) or "")
    # LANG=C reads as en_US_POSIX, which groups no digits: plain English instead.
    if (
        from_environment is not None
        and from_environment.language in UI_LANGUAGES
        and not from_environment.variant
    ):
        return from_environment
    return Locale.parse(FALLBACK)


def _parse(name: str) -> Locale | None:
    try:
        return Locale.parse(name.split(".")[0].replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def install(locale: Locale) -> None:
    """Make ``locale`` the interface's language for everything that follows."""
    _Interface.locale = locale
    _Interface.translations = catalog(locale.language)


def catalog(language: str) -> gettext.NullTranslations:
    """The translations into ``language`` (none needed for English)."""
    if language == FALLBACK:
        return gettext.NullTranslations()
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    compiled = folder / f"{DOMAIN}.mo"
    if compiled.exists():
        with compiled.open("rb") as file:
            return Translations(file, domain=DOMAIN)
    with (folder / f"{DOMAIN}.po").open("rb") as source:
        buffer = io.BytesIO()
        write_mo(buffer, read_po(source, locale=language, domain=DOMAIN))
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def current_locale() -> Locale:
    return _Interface.locale


def _(message: str) -> str:
    """The message in the interface's language."""
    return _Interface.translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The message for ``count`` things, with the language's plural rules."""
    return _Interface.translations.ngettext(singular, plural, count)


def number(value: float) -> str:
    """A number as the reader writes it: ``1.500`` in German, ``1,500`` in English."""
    return format_decimal(value, locale=_Interface.locale)


def percent(fraction: float) -> str:
    """``0.5`` as ``50 %`` in German, ``50%`` in English."""
    return format_percent(fraction, locale=_Interface.locale)


def count(value: int, singular: str, plural: str) -> str:
    """``1.500 Wörter`` / ``1,500 words``: the formatted number and its noun.
    ``singular`` and ``plural`` contain ``{count}``."""
    return ngettext(singular, plural, value).format(count=number(value))


def day(value: date) -> str:
    """A date in the reader's locale's medium format."""
    return format_date(value, format="medium", locale=_Interface.locale)
