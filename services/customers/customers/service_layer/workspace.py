"""The customers part of the workspace as the part store keeps it: every section as its own endpoint answers it, in
one unit of work, and until when it holds."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from customers.adapters import queries
from customers.service_layer import presenters
from customers.service_layer.loading import profile
from customers.service_layer.membership import memberships
from customers.service_layer.relations import related_customers

HISTORY_PAGE = 10
OPEN_INVITES = 5


def workspace_part(session: Session, customer_id: uuid.UUID, *, activity_limit: int,
                   now: dt.datetime) -> tuple[dict, dt.datetime | None]:
    """The profile (one statement, which is also the visibility check: 404) and the first activity page, as
    `GET /customers/<id>` and `GET …/activity` answer them; beside them related customers and membership (as their
    routes answer), the first status-history page and the open portal invites as of ``now``. And the moment time
    alone changes the part: when the first open invite expires (it then leaves the open ones); None if none is open.

    Nothing else shown is derived from the clock: the follow-up date, last contacted, geocoded-at, installation and
    warranty dates, note and status times are stored values shown as stored (the part says nothing like "follow-up
    overdue" or "under warranty").
    """
    customer, pinned_notes = profile(session, customer_id)
    activity = queries.activity_page(session, customer_id, limit=activity_limit, cursor=None)
    invites = queries.open_invites(session, customer_id, now, limit=OPEN_INVITES)
    history = queries.status_history(session, customer_id, limit=HISTORY_PAGE, cursor=None)
    document = {
        "profile": presenters.profile(customer, pinned_notes),
        "activity": activity.as_dict(presenters.activity_item),
        "related_customers": related_customers(session, customer_id),
        "membership": memberships(session, customer_id),
        "status_history": history.as_dict(),
        "portal_invites": {"items": [presenters.invite(i, now) for i in invites], "next_cursor": None},
    }
    return document, min((i.expires_at for i in invites), default=None)
