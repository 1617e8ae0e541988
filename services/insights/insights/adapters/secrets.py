"""Secrets at rest (the account's OpenAI key), sealed with Fernet under FIELDWORK_SECRETS_KEY."""
from __future__ import annotations

import base64
import hashlib
import logging

from cryptography.fernet import Fernet, InvalidToken

log = logging.getLogger(__name__)
SECRETS_KEY_ENV = "FIELDWORK_SECRETS_KEY"
# Local runs only: a key anyone can derive from this source, so production must set FIELDWORK_SECRETS_KEY.
_DEVELOPMENT_SEED = b"fieldwork-insights-development-secrets-not-for-production"

SecretUnreadable = InvalidToken


def development_key() -> bytes:
    return base64.urlsafe_b64encode(hashlib.sha256(_DEVELOPMENT_SEED).digest())


class SecretBox:
    def __init__(self, key: bytes | str):
        self._fernet = Fernet(key)

    @classmethod
    def from_key(cls, key: str) -> "SecretBox":
        """The box sealing with ``key`` (FIELDWORK_SECRETS_KEY); none given: the development key, said in the log."""
        if not key:
            log.warning("FIELDWORK_SECRETS_KEY is not set: using the development key (local runs only)")
            return cls(development_key())
        return cls(key)

    def seal(self, secret: str) -> bytes:
        return self._fernet.encrypt(secret.encode())

    def open(self, sealed: bytes) -> str:
        """Raises SecretUnreadable when the secret was sealed under another key."""
        return self._fernet.decrypt(bytes(sealed)).decode()

    def __repr__(self) -> str:
        return "SecretBox(<key hidden>)"
