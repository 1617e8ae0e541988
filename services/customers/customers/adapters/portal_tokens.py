"""Signed portal magic-link tokens: they say which invite they belong to and cannot be forged."""
from __future__ import annotations

import uuid

from itsdangerous import BadSignature, URLSafeSerializer

_SALT = "fieldwork.portal-invite.v1"


class InvalidToken(Exception):
    pass


class PortalTokens:
    """Expiry and single use are kept with the invite row; the signature proves the token is ours."""

    def __init__(self, secret: str):
        self._serializer = URLSafeSerializer(secret, salt=_SALT)

    def issue(self, invite_id: uuid.UUID, account_id: uuid.UUID) -> str:
        return self._serializer.dumps({"i": str(invite_id), "a": str(account_id)})

    def read(self, token: str) -> tuple[uuid.UUID, uuid.UUID]:
        """(invite id, account id) of a token we signed."""
        try:
            claims = self._serializer.loads(token)
            return uuid.UUID(claims["i"]), uuid.UUID(claims["a"])
        except (BadSignature, KeyError, TypeError, ValueError):
            raise InvalidToken() from None
