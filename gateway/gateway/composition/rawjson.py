"""JSON documents that embed services' answers as they came, without parsing and re-encoding them."""
from __future__ import annotations

import json
import re
import secrets
from typing import Any


class Raw:
    """A JSON text to be placed in a document verbatim (a service's body, already valid JSON)."""

    __slots__ = ("text",)

    def __init__(self, body: bytes | str):
        self.text = body.decode() if isinstance(body, bytes) else body


def dumps(document: Any) -> str:
    """``json.dumps`` where every ``Raw`` value is spliced in as its text."""
    raws: list[str] = []
    nonce = secrets.token_hex(4)  # so that no string in the document can pose as a placeholder

    def placeholder(value: Any) -> str:
        if isinstance(value, Raw):
            raws.append(value.text.strip())
            return f"\x00{nonce}{len(raws) - 1}\x00"
        raise TypeError(f"{type(value).__name__} is not JSON serializable")

    text = json.dumps(document, default=placeholder, separators=(",", ":"))
    if not raws:
        return text
    placeholder_text = re.compile(r'"\\u0000' + nonce + r'(\d+)\\u0000"')
    return placeholder_text.sub(lambda match: raws[int(match.group(1))], text)
