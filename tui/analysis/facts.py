"""Offline facts about places and currencies from CLDR, through Babel.

A country or territory named in the article (in its language or in English,
or by a common short form listed in ``data/territories.txt``) gets its ISO
code, its name in the article's language and in English, and the currency
in use there; a currency code gets its name.
"""

from __future__ import annotations

from functools import cache

from babel import Locale
from babel.numbers import get_territory_currencies

from tui.analysis.bundled import data_lines

Facts = tuple[tuple[str, str], ...]


@cache
def _territory_codes(lang: str) -> dict[str, str]:
    """Territory names as written in ``lang`` or English, to CLDR codes."""
    codes: dict[str, str] = {}
    for locale_name in ("en", lang):
        for code, name in Locale.parse(locale_name).territories.items():
            if code not in ("ZZ", "001") and not code.startswith("Q"):
                codes.setdefault(name, code)
    for line in data_lines("territories.txt"):
        name, code = line.rsplit(maxsplit=1)
        codes[name] = code
    return codes


@cache
def _currency_codes() -> frozenset[str]:
    return frozenset(Locale.parse("en").currencies)


def territory_code(name: str, lang: str) -> str | None:
    """The CLDR code of a territory ("US" for "USA", "019" for "Amerika")."""
    codes = _territory_codes(lang)
    code = codes.get(name)
    if code is None and lang == "de" and name.endswith("s"):
        code = codes.get(name[:-1])  # the genitive: "Chinas"
    return code


def territory_facts(code: str, lang: str) -> Facts:
    facts = [
        ("iso", code),
        ("name", Locale.parse(lang).territories.get(code, code)),
        ("name_en", Locale.parse("en").territories.get(code, code)),
    ]
    if code.isalpha():  # "019" is a region of several countries
        currencies = get_territory_currencies(code, tender=True)
        if currencies:
            facts += currency_facts(currencies[0], lang, prefix="currency")
    return tuple(facts)


def currency_facts(code: str, lang: str, prefix: str = "") -> Facts:
    """``(code, NOK), (name, Norwegische Krone), (name_en, Norwegian Krone)``,
    the keys prefixed (``currency``, ``currency_name``) for a country's."""
    if code not in _currency_codes():
        return ()
    name_key = f"{prefix}_name" if prefix else "name"
    return (
        (prefix or "code", code),
        (name_key, Locale.parse(lang).currencies.get(code, code)),
        (f"{name_key}_en", Locale.parse("en").currencies.get(code, code)),
    )


def facts_for(names: list[str], label: str, lang: str) -> Facts:
    """The facts for an entry known by ``names`` (its name first)."""
    for name in names:
        if label in ("LOC", "MISC") and (code := territory_code(name, lang)) is not None:
            return territory_facts(code, lang)
        if name.isupper() and name in _currency_codes():
            return currency_facts(name, lang)
    return ()
