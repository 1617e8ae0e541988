"""Webhook signatures the way the common telephony providers make them (Twilio's scheme, with SHA-256).

The provider takes the full URL it called, appends every form parameter as name + value in
name order, signs that string with HMAC-SHA256 under the shared secret and sends the base64
digest in a header. The URL is part of what is signed, so an account id in the URL cannot be
changed without breaking the signature.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable

HEADER = "X-Fieldwork-Signature"


def signing_payload(url: str, params: Iterable[tuple[str, str]]) -> bytes:
    ordered = sorted(params)  # (name, value) pairs: repeated names stay in a stable order
    return (url + "".join(name + value for name, value in ordered)).encode("utf-8")


def sign(secret: str, url: str, params: Iterable[tuple[str, str]]) -> str:
    digest = hmac.new(secret.encode("utf-8"), signing_payload(url, params), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def is_valid(secret: str, url: str, params: Iterable[tuple[str, str]], signature: str | None) -> bool:
    if not secret or not signature:
        return False
    return hmac.compare_digest(sign(secret, url, params), signature.strip())
