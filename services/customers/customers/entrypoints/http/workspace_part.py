"""The customers service's share of the customer workspace in one call (fieldwork_contracts.workspace_part)."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from chassis.api import Blueprint
from chassis.db import request_session
from chassis.db.part_store import earliest
from chassis.request_context import now
from chassis import stored_parts
from fieldwork_contracts.workspace_part import PATH, PartArgs
from customers.entrypoints.http import presenters, workspace_sections
from customers.entrypoints.http.schemas.responses import CustomersPart
from customers.service_layer.workspace import workspace_part

blp = Blueprint("workspace_part", __name__, description="The customer's share of the workspace")


def part_document(session: Session, customer_id: uuid.UUID, *, activity_limit: int) -> tuple[dict, dt.datetime | None]:
    """The part as `GET /customers/<id>` and `GET …/activity` show its two sections, and until when it holds."""
    read, valid_until = workspace_part(session, customer_id, activity_limit=activity_limit)
    extra, extra_until = workspace_sections.sections(session, customer_id, now())
    return {"profile": presenters.profile(read.customer, read.pinned_notes),
            "activity": read.activity.as_dict(presenters.activity_item), **extra}, earliest([valid_until, extra_until])


@blp.get(PATH, "customers:view", query=PartArgs, response=CustomersPart)
def customers_part(query, customer_id):
    """The profile (as `GET /customers/<id>`) and the first activity page (as `GET …/activity`): one statement
    while stored, else the store's lookup, two statements and the store's upsert.

    A merged customer's profile is answered too, with `merged_into`: the gateway follows it. The profile has
    no lists that grow, so `limit` is accepted for the contract's sake and changes nothing here.
    """
    stored = stored_parts.look_up(customer_id, query, now=now())
    if stored.current:
        return stored.answer()
    return stored.keep(CustomersPart, *part_document(request_session(), customer_id,
                                                     activity_limit=query["activity_limit"]))
