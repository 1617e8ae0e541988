"""comms' share of a customer's workspace, composed from its reads (adapters.queries)."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from chassis.pagination import Page
from chassis.references import CallersApi
from comms.adapters.queries import activity_item, feed, first_of


def workspace_part(session: Session, customer_id: uuid.UUID, customers: CallersApi, *, limit: int,
                   activity_limit: int) -> tuple[dict, dt.datetime | None]:
    """The first feed page and the first timeline page, as their own routes answer them, from one read; and the
    moment time alone would change them.

    Both list the customer's communications newest first by the same key, so one read of the longer page (after
    the feed's one customer check) serves both: two statements instead of four over two requests.

    That moment is never: nothing here is read against the clock (no "recent" window, no due date, no age shown),
    and a queued send's status moves on only when the sender writes it.
    """
    newest = feed(session, customer_id, customers, channel=None, limit=max(limit, activity_limit), cursor=None)
    timeline = first_of(newest, activity_limit)
    document = {"communications": first_of(newest, limit).as_dict(),
                "activity": Page([activity_item(c) for c in timeline.items], timeline.next_cursor).as_dict()}
    return document, None
