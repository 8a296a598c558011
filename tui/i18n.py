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

import argparse
import gettext
import io
import os
import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

DOMAIN = "randnotiz"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# English is the source language: its messages are the msgids themselves.
UI_LANGUAGES = ("en", "de")
FALLBACK = "en"
ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")
# "de", "de_CH", "de-AT", "de_DE.UTF-8", "de_DE@euro"; not "C" or "POSIX".
_LOCALE_NAME = re.compile(r"([a-zA-Z]{2,3})(?:[_-]([a-zA-Z]{2}|[0-9]{3}))?(?:[.@].*)?")


class _Interface:
    """The language in force: one per process, set once by :func:`install`.
    The locale is a name (``de_CH``): Babel, which formats numbers and
    dates for it, is imported on the first number, not before the first paint."""

    translations: gettext.NullTranslations = gettext.NullTranslations()
    locale: str = FALLBACK


class UnknownLanguageError(ValueError):
    """A UI language Randnotiz has no catalog for; the message lists those it has."""


def choose_locale(flag: str | None = None, setting: str | None = None) -> str:
    """The UI locale: the flag, the setting, the environment, else English.

    An explicit choice (flag or setting) must be a UI language; the
    environment is only a hint, and an unsupported one (or ``C``) falls back
    quietly. The locale keeps its territory for formatting (``de_CH`` groups
    digits with ``’``) while the messages come from its language's catalog.
    """
    for explicit in (flag, setting):
        if explicit:
            locale = _parse(explicit)
            if locale is None or _language(locale) not in UI_LANGUAGES:
                raise UnknownLanguageError(
                    _("no interface in {language!r}; choose one of {languages}").format(
                        language=explicit, languages=", ".join(UI_LANGUAGES)
                    )
                )
            return locale
    found = next((value for name in ENVIRONMENT if (value := os.environ.get(name))), "")
    from_environment = _parse(found)
    if from_environment is not None and _language(from_environment) in UI_LANGUAGES:
        return from_environment
    return FALLBACK


def _parse(name: str) -> str | None:
    match = _LOCALE_NAME.fullmatch(name.strip())
    if match is None:
        return None
    language, territory = match.group(1).lower(), match.group(2)
    return f"{language}_{territory.upper()}" if territory else language


def _language(locale: str) -> str:
    return locale.split("_")[0]


def install(locale: str | Locale) -> None:
    """Make ``locale`` the interface's language for everything that follows,
    argparse's own words (``usage:``, ``options:``, its errors) included."""
    _Interface.locale = str(locale)
    _Interface.translations = catalog(_language(str(locale)))
    # argparse words its help and errors through the gettext functions it
    # imported (the default domain, where no catalog of ours is): pointed at
    # ours, they take their translations from our catalog (ARGPARSE_MESSAGES).
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def catalog(language: str) -> gettext.NullTranslations:
    """The translations into ``language`` (none needed for English)."""
    if language == FALLBACK:
        return gettext.NullTranslations()
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    compiled, source_file = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    # A .mo older than its .po (a checkout whose catalog changed since the
    # install) would hide the new messages: then the .po is compiled here.
    if compiled.exists() and compiled.stat().st_mtime >= source_file.stat().st_mtime:
        with compiled.open("rb") as file:
            return gettext.GNUTranslations(file)
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source_file.open("rb") as source:
        buffer = io.BytesIO()
        write_mo(buffer, read_po(source, locale=language, domain=DOMAIN))
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def N_(message: str) -> str:  # noqa: N802 (the name pybabel extracts by default)
    """Marks a message for extraction that is translated where it is used."""
    return message


# The messages of argparse that a reader meets (its --help and its errors), in
# our catalog so that they come out in the interface's language.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def current_locale() -> str:
    return _Interface.locale


@cache
def _babel_locale(name: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError):  # a territory CLDR does not know: the language's
        return Locale.parse(_language(name))


def _(message: str) -> str:
    """The message in the interface's language."""
    return _Interface.translations.gettext(message)


def pgettext(context: str, message: str) -> str:
    """The message in the interface's language, where ``context`` tells two
    uses of one English word apart ("End" the key, "End" the action)."""
    return _Interface.translations.pgettext(context, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The message for ``count`` things, with the language's plural rules."""
    return _Interface.translations.ngettext(singular, plural, count)


def number(value: float) -> str:
    """A number as the reader writes it: ``1.500`` in German, ``1,500`` in English."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_babel_locale(_Interface.locale))


def percent(fraction: float) -> str:
    """``0.5`` as ``50 %`` in German, ``50%`` in English."""
    from babel.numbers import format_percent

    return format_percent(fraction, locale=_babel_locale(_Interface.locale))


def count(value: int, singular: str, plural: str) -> str:
    """``1.500 Wörter`` / ``1,500 words``: the formatted number and its noun.
    ``singular`` and ``plural`` contain ``{count}``."""
    return ngettext(singular, plural, value).format(count=number(value))


def day(value: date) -> str:
    """A date in the reader's locale's medium format."""
    from babel.dates import format_date

    return format_date(value, format="medium", locale=_babel_locale(_Interface.locale))
