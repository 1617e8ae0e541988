"""The customers part's sections beside the profile: related customers, membership, status history and open portal
invites, each as its own endpoint shows it (first pages), and the moment time alone changes them."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from customers.adapters import queries
from customers.entrypoints.http import presenters
from customers.entrypoints.http.relations import memberships_document, relations_document

HISTORY_PAGE = 10
OPEN_INVITES = 5


def sections(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> tuple[dict, dt.datetime | None]:
    """The sections, and when the first open invitation expires (it then leaves the open ones): None if none."""
    invites = queries.open_invites(session, customer_id, now, limit=OPEN_INVITES)
    history = queries.status_history(session, customer_id, limit=HISTORY_PAGE, cursor=None)
    document = {
        "related_customers": relations_document(session, customer_id),
        "membership": memberships_document(session, customer_id),
        "status_history": history.as_dict(),
        "portal_invites": {"items": [presenters.invite(i, now) for i in invites], "next_cursor": None},
    }
    return document, min((i.expires_at for i in invites), default=None)
