"""Customers into the read model (events of the customers service): profile, status, archive, merges."""
from __future__ import annotations

import uuid

from fieldwork_contracts.customers import (CustomerArchived, CustomerCreated, CustomerMerged, CustomerStatusChanged,
                                           CustomerUnarchived, CustomerUnmerged, CustomerUpdated)
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from chassis.messaging import Event
from insights.adapters.orm import CustomerFact, MergeFact
from insights.adapters.rows import insert_once, locked
from insights.domain.ordering import earliest, is_newer
from insights.service_layer.registry import projects


def customer_row(session: Session, account: uuid.UUID, customer_id: uuid.UUID) -> CustomerFact:
    """Events about a customer's things also make sure the customer exists here (its own events may be late)."""
    return locked(session, CustomerFact, {"account_id": account, "id": customer_id, "revision": 0,
                                          "archived": False, "do_not_service": False})


@projects("customer.created", "customer.updated")
def _snapshot(session: Session, event: Event, changed: CustomerCreated | CustomerUpdated) -> None:
    snapshot, revision, at = changed.customer, changed.revision, event.occurred_at
    row = customer_row(session, event.account_id, snapshot.id)
    if revision > row.revision:
        row.revision = revision
        row.number, row.display_name = snapshot.number, snapshot.display_name
        row.kind, row.lead_source = snapshot.kind, snapshot.lead_source
        row.do_not_service = bool(snapshot.do_not_service)
    if is_newer(at, row.status_at):
        row.status, row.status_at = snapshot.status, at
    if is_newer(at, row.archived_at):
        row.archived, row.archived_at = bool(snapshot.archived), at
    if event.type == "customer.created":
        row.created_at = earliest(row.created_at, at)


@projects("customer.status_changed")
def _status_changed(session: Session, event: Event, changed: CustomerStatusChanged) -> None:
    row = customer_row(session, event.account_id, changed.customer_id)
    if is_newer(changed.changed_at, row.status_at):
        row.status, row.status_at = changed.to, changed.changed_at


@projects("customer.archived", "customer.unarchived")
def _archived(session: Session, event: Event, archived: CustomerArchived | CustomerUnarchived) -> None:
    row = customer_row(session, event.account_id, archived.customer_id)
    if is_newer(event.occurred_at, row.archived_at):
        row.archived, row.archived_at = event.type == "customer.archived", event.occurred_at


def _merge_values(event: Event, merge: CustomerMerged | CustomerUnmerged, *, undone: bool) -> dict:
    return {"account_id": event.account_id, "id": merge.merge_id, "duplicate_id": merge.duplicate_id,
            "target_id": merge.target_id, "undone": undone, "merged_at": event.occurred_at}


@projects("customer.merged")
def _merged(session: Session, event: Event, merged: CustomerMerged) -> None:
    insert_once(session, MergeFact, _merge_values(event, merged, undone=False))


@projects("customer.unmerged")
def _unmerged(session: Session, event: Event, unmerged: CustomerUnmerged) -> None:
    # An undo is final for its merge_id, whether the merge itself has arrived yet or not.
    stmt = insert(MergeFact).values(**_merge_values(event, unmerged, undone=True))
    session.execute(stmt.on_conflict_do_update(index_elements=[MergeFact.id, MergeFact.account_id],
                                               set_={"undone": True}))
