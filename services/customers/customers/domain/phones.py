"""Phone numbers: kept in E.164 so they match however they were typed, and shown as entered."""
from __future__ import annotations

import re

import phonenumbers

DEFAULT_REGION = "US"
_PHONE_LIKE = re.compile(r"^[\d\s().+\-/]+$")
MIN_SEARCH_DIGITS = 4


class InvalidPhone(ValueError):
    """Text that cannot be a phone number."""


def parse(entered: str, region: str = DEFAULT_REGION) -> tuple[str, str | None]:
    """``"(555) 010-2233 x12"`` → ``("+15550102233", "12")``: the number in E.164 and its extension, if any.

    E.164 has no room for an extension ("x12", "ext. 12", "#12", ";ext=12"), so it is kept beside the number.
    Possible rather than valid numbers are accepted: a valid-number check rejects the 555
    numbers used in films and demos, and numbering plans change faster than the library.
    """
    try:
        parsed = phonenumbers.parse(entered, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone(str(exc)) from None
    if not phonenumbers.is_possible_number(parsed):
        raise InvalidPhone("Not a possible phone number.")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), parsed.extension or None


def to_e164(entered: str, region: str = DEFAULT_REGION) -> str:
    """``"(555) 010-2233"`` → ``"+15550102233"`` (an extension is left out: see ``parse``)."""
    return parse(entered, region)[0]


def search_digits(text: str) -> str | None:
    """The digits of a search that looks like (part of) a phone number, else None."""
    if not _PHONE_LIKE.match(text):
        return None
    digits = re.sub(r"\D", "", text)
    return digits if len(digits) >= MIN_SEARCH_DIGITS else None
