"""The customers part of the workspace as the part store keeps it: the profile, the first activity page, and until
when they hold."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from types import SimpleNamespace

from sqlalchemy.orm import Session

from chassis.pagination import Page
from customers.adapters import queries
from customers.service_layer.loading import profile


@dataclass(frozen=True)
class PartRead:
    customer: SimpleNamespace
    pinned_notes: list[SimpleNamespace]
    activity: Page


def workspace_part(session: Session, customer_id: uuid.UUID, *,
                   activity_limit: int) -> tuple[PartRead, dt.datetime | None]:
    """The profile (one statement, which is also the visibility check: 404) and the first activity page; and the
    moment time alone would change them, which is never (None), so only writes make the stored part stale.

    Nothing shown is derived from the clock: the follow-up date, last contacted, geocoded-at, installation and
    warranty dates, note and status times are stored values shown as stored (the part says nothing like "follow-up
    overdue" or "under warranty"), and portal invites, whose status does age, are not in the part.
    """
    customer, pinned_notes = profile(session, customer_id)
    activity = queries.activity_page(session, customer_id, limit=activity_limit, cursor=None)
    return PartRead(customer, pinned_notes, activity), None
