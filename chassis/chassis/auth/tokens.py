"""HS256 JWTs with the claims every Fieldwork token carries: sub, account_id, perms, exp; and name, the user's
display name, which records show as who did it."""
from __future__ import annotations

import functools
import time
import uuid
from dataclasses import dataclass

import jwt
from fieldwork_contracts.permissions import ALL_PERMISSIONS

from chassis.errors import Unauthenticated

_REQUIRED_CLAIMS = ["sub", "account_id", "perms", "exp"]


def user_id_of(subject: str) -> uuid.UUID:
    """The user a token's subject names, as the contracts' user ids are (UUIDs): a subject that is a UUID as it is,
    any other (a development login, a machine) as a stable UUID of it, the same in every service."""
    try:
        return uuid.UUID(subject)
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"fieldwork:user:{subject}")


@dataclass(frozen=True)
class Principal:
    sub: str
    account_id: uuid.UUID
    perms: frozenset[str]
    token: str
    # The user's display name: what a record's "by" shows. A token without one (a machine's) shows its subject.
    name: str = ""

    @property
    def display_name(self) -> str:
        return self.name or self.sub

    def can(self, permission: str) -> bool:
        return permission in self.perms


def mint_token(secret: str, *, sub: str, account_id: uuid.UUID | str, perms=ALL_PERMISSIONS, ttl_seconds: int = 3600,
               name: str | None = None, extra: dict | None = None) -> str:
    claims = {"sub": sub, "account_id": str(account_id), "perms": list(perms), "exp": int(time.time()) + ttl_seconds}
    if name:
        claims["name"] = name
    claims.update(extra or {})
    return jwt.encode(claims, secret, algorithm="HS256")


def decode_token(token: str, secret: str) -> Principal:
    """The token's principal; 401 when it is forged, malformed or expired."""
    principal, expires_at = _verified(token, secret)
    if time.time() >= expires_at:
        raise Unauthenticated("The token has expired.")
    return principal


# A page of the workspace sends one token to every service, and a user sends the same one all session:
# verifying its signature once per process instead of once per request keeps auth off the profile
# (bench/README.md). Only verified tokens are kept (a refusal raises, and lru_cache keeps no exceptions); expiry is
# still checked on every use, above.
@functools.lru_cache(maxsize=4096)
def _verified(token: str, secret: str) -> tuple[Principal, float]:
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"], options={"require": _REQUIRED_CLAIMS})
        account_id = uuid.UUID(str(claims["account_id"]))
        perms = claims["perms"]
        if not isinstance(perms, list) or not all(isinstance(p, str) for p in perms):
            raise ValueError("perms must be a list of strings")
        expires_at = float(claims["exp"])
        name = claims.get("name", "")
        if not isinstance(name, str):
            raise ValueError("name must be a string")
    except jwt.ExpiredSignatureError:
        raise Unauthenticated("The token has expired.") from None
    except (jwt.InvalidTokenError, ValueError, TypeError):
        raise Unauthenticated("The token is not valid.") from None
    return Principal(sub=str(claims["sub"]), account_id=account_id, perms=frozenset(perms), token=token,
                     name=name.strip()), expires_at
