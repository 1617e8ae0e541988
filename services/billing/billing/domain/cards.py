"""Card data we refuse to hold: full card numbers (Luhn-valid 13–19 digits) and security codes.

Only a processor token, brand, last four digits and expiry may be stored. A request body that
carries anything resembling a card number or a CVV anywhere is refused as a whole, and the value is
never echoed or logged: the finding names only where it was found. The token itself is held to the
processor's shape (an allow-list), since no pattern of what a card number looks like catches every
way of writing one.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

# The processor's references to a card (Stripe's: a token, a payment method, a card or a source id),
# an underscore, then letters and digits only.
PROCESSOR_TOKEN = re.compile(r"^(?:tok|pm|card|src)_[A-Za-z0-9]{6,100}$")
_DIGITS = re.compile(r"\d+")

# 13–19 digits, optionally grouped by up to two spaces, dots, dashes, underscores or slashes
# ("4242 4242 4242 4242", "4242.4242…"), not within a longer run of digits. UUIDs are removed
# first: their dashed digit groups can join into a Luhn-valid run by chance.
_DIGIT_RUN = re.compile(r"(?<!\d)\d(?:[ ._/-]{0,2}\d){12,18}(?!\d)")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_SECURITY_CODE_KEYS = {"cvv", "cvc", "cvv2", "cvc2", "cid", "csc", "security_code", "card_code", "card_verification",
                       "verification_value"}


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def has_card_number(text: str) -> bool:
    for match in _DIGIT_RUN.finditer(_UUID.sub(" ", text)):
        if luhn_valid(re.sub(r"\D", "", match.group())):
            return True
    return False


def is_processor_token(text: str) -> bool:
    """A reference of the processor's shape that does not carry a card number inside it."""
    return bool(PROCESSOR_TOKEN.fullmatch(text)) and not any(  # fullmatch: "$" lets a final newline through
        13 <= len(run) <= 19 and luhn_valid(run) for run in _DIGITS.findall(text))


def card_expired(exp_month: int, exp_year: int, *, today: dt.date) -> bool:
    """A card is good through the last day of its expiry month."""
    return (exp_year, exp_month) < (today.year, today.month)


def _normalised_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_")


def sensitive_fields(body: Any, path: str = "") -> list[str]:
    """Where ``body`` holds a card number or a security code (paths only, never values)."""
    found: list[str] = []
    if isinstance(body, dict):
        for key, value in body.items():
            here = f"{path}.{key}" if path else str(key)
            if _normalised_key(str(key)) in _SECURITY_CODE_KEYS:
                found.append(here)
            elif has_card_number(str(key)):
                found.append(path or "_schema")
            else:
                found.extend(sensitive_fields(value, here))
    elif isinstance(body, list):
        for index, value in enumerate(body):
            found.extend(sensitive_fields(value, f"{path}.{index}" if path else str(index)))
    elif isinstance(body, (str, int)) and not isinstance(body, bool):
        if has_card_number(str(body)):
            found.append(path or "_schema")
    return found
