"""What a search box query can mean: a name, a company, a customer number, an email, a phone or an address."""
from __future__ import annotations

import re
from dataclasses import dataclass

from customers.domain.phones import InvalidPhone, search_digits, to_e164

_NUMBER = re.compile(r"^(?:c-?)?(\d{1,9})$", re.IGNORECASE)


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class SearchTerms:
    text: str                       # lower-cased, spaces collapsed
    contains: str                   # LIKE pattern: anywhere in the text
    prefix: str                     # LIKE pattern: at the start
    word_prefixes: tuple[str, ...]  # LIKE patterns over " " + text: each word typed starts a word there
    number: str | None              # "C-1001" when the query can be a customer number
    digits: str | None              # LIKE pattern over phone digits, when the query looks like a phone
    e164: str | None                # the whole number, when the query is one


def parse_query(query: str) -> SearchTerms:
    text = " ".join(query.lower().split())
    match = _NUMBER.match(text.replace(" ", ""))
    digits = search_digits(text)
    e164 = None
    if digits:
        try:
            e164 = to_e164(text)
        except InvalidPhone:
            e164 = None
    return SearchTerms(
        text=text,
        contains=f"%{like_escape(text)}%",
        prefix=f"{like_escape(text)}%",
        word_prefixes=tuple(f"% {like_escape(word)}%" for word in text.split()),
        number=f"C-{int(match.group(1))}" if match else None,
        digits=f"%{digits}%" if digits else None,
        e164=e164,
    )
