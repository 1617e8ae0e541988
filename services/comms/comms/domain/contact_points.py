"""Phone numbers and email addresses as comparable keys, however people or providers wrote them."""
from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "US"


def normalise_phone(raw: str | None, region: str = DEFAULT_REGION) -> str | None:
    """The E.164 form of ``raw`` ("(512) 555-0142", "512.555.0142", "+1 512 555 0142" → "+15125550142").

    None when it is not a possible number: an unreadable sender must not match anyone.
    """
    if not raw or not raw.strip():
        return None
    try:
        number = phonenumbers.parse(raw.strip(), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(raw: str | None) -> str | None:
    """Emails compare case-insensitively (the local part too, as every real mailbox provider does)."""
    if not raw or "@" not in raw:
        return None
    return raw.strip().lower()
