"""What the stored copy of a message leaves out: a secret only the message that goes out may carry.

A portal invite's magic link signs its holder in; kept in the communications feed, anyone who may read the feed
could use it. The stored body carries a placeholder instead, and the value waits beside the pending delivery
until the sender puts it back into the message it hands over.
"""
from __future__ import annotations

PORTAL_LINK = "[portal link]"


def put_back(body: str, withheld: dict[str, str] | None) -> str:
    """The body as it goes out: every placeholder replaced by the value withheld from the stored copy."""
    for placeholder, value in (withheld or {}).items():
        body = body.replace(placeholder, value)
    return body
