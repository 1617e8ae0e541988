"""Portal invites: a signed, expiring, single-use magic link, sent by comms (portal.invite_requested)."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import update
from sqlalchemy.orm import Session

from chassis.errors import Conflict, Unauthenticated, ValidationFailed
from chassis.messaging import emit
from customers.adapters.orm import Customer, PortalInvite
from customers.adapters.portal_tokens import InvalidToken, PortalTokens
from customers.service_layer import publishing
from customers.service_layer.commands import InviteToPortal, RedeemInvite

REFUSED = "This invitation link is not valid, has expired or was already used."


def invite(session: Session, customer: Customer, command: InviteToPortal, *, tokens: PortalTokens, portal_url: str,
           by: str, now: dt.datetime) -> PortalInvite:
    if customer.archived_at is not None:
        raise Conflict("The customer is archived; unarchive them before inviting them to the portal.")
    email = command.email or contact_points(customer)[0]
    if email is None:
        raise ValidationFailed({"email": ["The customer has no email; give one."]})
    return issue(session, customer, tokens=tokens, portal_url=portal_url, by=by, now=now,
                 days=command.expires_in_days, send_to={"email": email})


def issue(session: Session, customer: Customer, *, tokens: PortalTokens, portal_url: str, by: str, now: dt.datetime,
          days: int, send_to: dict, **announced) -> PortalInvite:
    """A new magic link for ``customer``, announced for comms to send to ``send_to`` (an email or a phone), with
    ``announced`` (a purpose and its record) added to the event."""
    record = PortalInvite(customer_id=customer.id, email=send_to.get("email"), created_by=by, created_at=now,
                          expires_at=now + dt.timedelta(days=days))
    session.add(record)
    session.flush()
    link = f"{portal_url.rstrip('/')}/{tokens.issue(record.id, customer.account_id)}"
    emit(session, publishing.portal_invite_requested(record, customer, link, send_to, **announced))
    return record


def contact_points(customer: Customer) -> tuple[str | None, str | None]:
    """The first email and the first phone, the primary contact's before the others'."""
    contacts = sorted(customer.contacts, key=lambda contact: not contact.is_primary)
    email = next((e.address for contact in contacts for e in contact.emails), None)
    phone = next((p.e164 for contact in contacts for p in contact.phones), None)
    return email, phone


def read_token(command: RedeemInvite, tokens: PortalTokens) -> tuple[uuid.UUID, uuid.UUID]:
    """(invite id, account id) the link's token names; refused when it is not one we signed."""
    try:
        return tokens.read(command.token)
    except InvalidToken:
        raise Unauthenticated(REFUSED) from None


def redeem(session: Session, invite_id: uuid.UUID, *, now: dt.datetime) -> tuple[uuid.UUID, uuid.UUID]:
    """(customer id, account id) the first time an unexpired invite is redeemed; refused ever after."""
    row = session.execute(
        update(PortalInvite)
        .where(PortalInvite.id == invite_id, PortalInvite.redeemed_at.is_(None), PortalInvite.expires_at > now)
        .values(redeemed_at=now)
        .returning(PortalInvite.customer_id, PortalInvite.account_id)
    ).first()
    if row is None:
        raise Unauthenticated(REFUSED)
    customer = session.get(Customer, row.customer_id)
    # A merged customer's portal is the target's: its old id only forwards.
    return (customer.merged_into or customer.id), row.account_id
