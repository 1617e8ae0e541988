"""Portal sessions: short-lived tokens the gateway signs for a customer who opened a magic link.

They are signed with the portal key, never the staff JWT secret, so a portal session can never pass
as a staff token at the gateway or at any service. Service calls made for a portal visitor carry a
separate, one-minute staff-style token limited to reading that visitor's own records.
"""
from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

import jwt

from chassis.auth import mint_token
from chassis.errors import Unauthenticated

AUDIENCE = "fieldwork-portal"
SUBJECT_PREFIX = "portal:"
READ_PERMISSIONS = ("customers:view", "jobs:view", "billing:view")
# What the gateway may do with a visitor's own records, one narrow set per kind of act; the gateway checks the record
# is the visitor's before each call. customers:view lets jobs look the customer up when its copy has not heard yet.
APPROVE_PERMISSIONS = ("customers:view", "jobs:view", "jobs:edit")  # approve or decline an estimate, upload, request
MARK_VIEWED_PERMISSIONS = ("billing:view", "billing:edit")  # the customer opened their invoice
REVIEW_PERMISSIONS = ("jobs:view", "reviews:create")  # rate a completed job of theirs


@dataclass(frozen=True)
class PortalVisitor:
    customer_id: uuid.UUID
    account_id: uuid.UUID


def issue(key: bytes, visitor: PortalVisitor, ttl_seconds: int) -> tuple[str, int]:
    expires = int(time.time()) + ttl_seconds
    claims = {"sub": f"{SUBJECT_PREFIX}{visitor.customer_id}", "account_id": str(visitor.account_id),
              "aud": AUDIENCE, "exp": expires}
    return jwt.encode(claims, key, algorithm="HS256"), expires


def verify(key: bytes, token: str) -> PortalVisitor:
    try:
        claims = jwt.decode(token, key, algorithms=["HS256"], audience=AUDIENCE,
                            options={"require": ["sub", "account_id", "aud", "exp"]})
        subject = str(claims["sub"])
        if not subject.startswith(SUBJECT_PREFIX):
            raise ValueError("not a portal subject")
        return PortalVisitor(uuid.UUID(subject.removeprefix(SUBJECT_PREFIX)), uuid.UUID(str(claims["account_id"])))
    except jwt.ExpiredSignatureError:
        raise Unauthenticated("The portal session has expired; open the link in a new invitation.") from None
    except (jwt.InvalidTokenError, ValueError):
        raise Unauthenticated("The portal session is not valid.") from None


def service_token(jwt_secret: str, visitor: PortalVisitor, perms=READ_PERMISSIONS) -> str:
    """What the gateway shows the services when it acts on a visitor's behalf: narrow, one minute."""
    return mint_token(jwt_secret, sub=f"{SUBJECT_PREFIX}{visitor.customer_id}", account_id=visitor.account_id,
                      perms=perms, ttl_seconds=60)
