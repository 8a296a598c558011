"""Name lists for the rule layer, built from Babel's CLDR data and small
curated files in ``data/``.

CLDR gives localised names of countries, regions and continents, and the
exemplar cities of the time-zone database: place names that are precise,
maintained upstream and available offline in every language Babel knows.
"""

from __future__ import annotations

import zoneinfo
from functools import cache

from babel import Locale
from babel.dates import get_timezone_location

from tui.analysis.bundled import data_lines

# CLDR names that are, far more often, ordinary words ("Kanton" is Guangzhou).
_COMMON_WORDS = frozenset({"Kanton", "Stanley"})
# The pattern id of rule-layer matches, so their origin shows on the entity.
RULES_ID = "rules"
# Territory codes that name groupings rather than places a reader would look
# up ("Welt", "EU" as a currency area, pseudo-regions).
_SKIPPED_TERRITORIES = frozenset({"001", "EZ", "UN", "ZZ", "XA", "XB", "QO", "EU"})


@cache
def place_names(lang: str) -> frozenset[str]:
    """Countries, regions, continents and cities, as written in ``lang``."""
    names = set(cldr_place_names(lang)) - _COMMON_WORDS
    names.update(data_lines(f"places.{lang}.txt"))
    if lang == "de":
        # German genitive: "Chinas Wirtschaft", "Deutschlands Süden".
        names.update(name + "s" for name in list(names) if " " not in name and name[-1] not in "sxzß")
    return frozenset(names)


def cldr_place_names(lang: str) -> list[str]:
    """Territories and time-zone cities from CLDR (about 0.08 s per language,
    once per process, while the pipeline is built)."""
    locale = Locale.parse(lang)
    names = {
        name
        for code, name in locale.territories.items()
        if code not in _SKIPPED_TERRITORIES and not name.isupper()
    }
    for zone in zoneinfo.available_timezones():
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/")):
            continue
        city = get_timezone_location(zone, locale=locale, return_city=True)
        if city and city[0].isupper():
            names.add(city)
    return sorted(names)


@cache
def organisation_names() -> frozenset[str]:
    return frozenset(data_lines("organisations.txt"))


@cache
def common_noun_abbreviations() -> frozenset[str]:
    return frozenset(data_lines("common_abbreviations.txt"))


@cache
def given_names() -> frozenset[str]:
    return frozenset(data_lines("given_names.txt"))


@cache
def currency_codes(lang: str) -> dict[str, str]:
    """Map currency names and symbols as written in ``lang`` to ISO 4217 codes."""
    locale = Locale.parse(lang)
    codes: dict[str, str] = {}
    for code, name in locale.currencies.items():
        codes.setdefault(name, code)
    for code, symbol in locale.currency_symbols.items():
        if symbol != code and not symbol.isalpha():
            codes.setdefault(symbol, code)
    for line in data_lines(f"currencies.{lang}.txt"):
        name, code = line.rsplit(maxsplit=1)
        codes[name] = code
    return codes


@cache
def known_labels(lang: str) -> dict[str, str]:
    """Curated names and their labels: organisations and places."""
    labels = dict.fromkeys(organisation_names(), "ORG")
    labels.update(dict.fromkeys(place_names(lang), "LOC"))
    return labels
