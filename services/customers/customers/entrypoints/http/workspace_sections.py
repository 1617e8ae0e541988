"""The customers part's sections beside the profile: related customers, membership, status history and open portal
invites, each as its own endpoint shows it (first pages), and the moment time alone changes them."""
from __future__ import annotations

import datetime as dt
import uuid

from marshmallow import fields
from sqlalchemy import select
from sqlalchemy.orm import Session

from customers.adapters import queries
from customers.adapters.orm import PortalInvite
from customers.entrypoints.http import presenters
from customers.entrypoints.http.relations import (MembershipsOut, RelationsOut, memberships_document,
                                                  relations_document)
from customers.entrypoints.http.schemas.responses import InvitePage, StatusChangePage

HISTORY_PAGE = 10
OPEN_INVITES = 5

SCHEMAS = {
    "related_customers": fields.Nested(RelationsOut, required=True),
    "membership": fields.Nested(MembershipsOut, required=True),
    "status_history": fields.Nested(StatusChangePage, required=True),
    "portal_invites": fields.Nested(InvitePage, required=True,
                                    metadata={"description": "The open (pending) invitations, newest first."}),
}


def open_invites(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> list[PortalInvite]:
    return list(session.scalars(select(PortalInvite).where(
        PortalInvite.customer_id == customer_id, PortalInvite.redeemed_at.is_(None), PortalInvite.expires_at > now)
        .order_by(PortalInvite.created_at.desc(), PortalInvite.id.desc()).limit(OPEN_INVITES)))


def sections(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> tuple[dict, dt.datetime | None]:
    """The sections, and when the first open invitation expires (it then leaves the open ones): None if none."""
    invites = open_invites(session, customer_id, now)
    history = queries.status_history(session, customer_id, limit=HISTORY_PAGE, cursor=None)
    document = {
        "related_customers": relations_document(session, customer_id),
        "membership": memberships_document(session, customer_id),
        "status_history": history.as_dict(),
        "portal_invites": {"items": [presenters.invite(i, now) for i in invites], "next_cursor": None},
    }
    return document, min((i.expires_at for i in invites), default=None)
