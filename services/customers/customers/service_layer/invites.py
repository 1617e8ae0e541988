"""Portal invites: a signed, expiring, single-use magic link, sent by comms (portal.invite_requested)."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import update
from sqlalchemy.orm import Session

from chassis.errors import Conflict, Unauthorized, ValidationFailed
from chassis.messaging import emit
from customers.adapters.orm import Customer, PortalInvite
from customers.adapters.portal_tokens import InvalidToken, PortalTokens

REFUSED = "This invitation link is not valid, has expired or was already used."


def invite(session: Session, customer: Customer, body: dict, *, tokens: PortalTokens, portal_url: str, by: str,
           now: dt.datetime) -> PortalInvite:
    if customer.archived_at is not None:
        raise Conflict("The customer is archived; unarchive them before inviting them to the portal.")
    email = body.get("email") or next((e.address for c in sorted(customer.contacts, key=lambda c: not c.is_primary)
                                       for e in c.emails), None)
    if email is None:
        raise ValidationFailed({"email": ["The customer has no email; give one."]})
    record = PortalInvite(customer_id=customer.id, email=email, created_by=by, created_at=now,
                          expires_at=now + dt.timedelta(days=body.get("expires_in_days", 7)))
    session.add(record)
    session.flush()
    link = f"{portal_url.rstrip('/')}/{tokens.issue(record.id, customer.account_id)}"
    emit(session, "portal.invite_requested", {
        "invite_id": record.id, "customer_id": customer.id, "customer_name": customer.display_name,
        "email": email, "magic_link": link, "expires_at": record.expires_at})
    return record


def read_token(token: str, tokens: PortalTokens) -> tuple[uuid.UUID, uuid.UUID]:
    try:
        return tokens.read(token)
    except InvalidToken:
        raise Unauthorized(REFUSED) from None


def redeem(session: Session, invite_id: uuid.UUID, *, now: dt.datetime) -> tuple[uuid.UUID, uuid.UUID]:
    """(customer id, account id) the first time an unexpired invite is redeemed; refused ever after."""
    row = session.execute(
        update(PortalInvite)
        .where(PortalInvite.id == invite_id, PortalInvite.redeemed_at.is_(None), PortalInvite.expires_at > now)
        .values(redeemed_at=now)
        .returning(PortalInvite.customer_id, PortalInvite.account_id)
    ).first()
    if row is None:
        raise Unauthorized(REFUSED)
    customer = session.get(Customer, row.customer_id)
    # A merged customer's portal is the target's: its old id only forwards.
    return (customer.merged_into or customer.id), row.account_id
