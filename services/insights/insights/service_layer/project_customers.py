"""Customers into the read model (events of the customers service): profile, status, archive, merges."""
from __future__ import annotations

import uuid

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from chassis.messaging import Event
from insights.adapters.orm import CustomerFact, MergeFact
from insights.adapters.rows import insert_once, locked
from insights.domain.ordering import earliest, is_newer, parse_moment
from insights.service_layer.registry import projects


def customer_row(session: Session, account: uuid.UUID, customer_id: str | uuid.UUID) -> CustomerFact:
    """Events about a customer's things also make sure the customer exists here (its own events may be late)."""
    return locked(session, CustomerFact, {"account_id": account, "id": uuid.UUID(str(customer_id)), "revision": 0,
                                          "archived": False, "do_not_service": False})


@projects("customer.created", "customer.updated")
def _snapshot(session: Session, event: Event) -> None:
    snapshot, revision, at = event.data["customer"], event.data["revision"], event.occurred_at
    row = customer_row(session, event.account_id, snapshot["id"])
    if revision > row.revision:
        row.revision = revision
        row.number, row.display_name = snapshot["number"], snapshot["display_name"]
        row.kind, row.lead_source = snapshot["kind"], snapshot.get("lead_source")
        row.do_not_service = bool(snapshot.get("do_not_service"))
    if is_newer(at, row.status_at):
        row.status, row.status_at = snapshot["status"], at
    if is_newer(at, row.archived_at):
        row.archived, row.archived_at = bool(snapshot.get("archived")), at
    if event.type == "customer.created":
        row.created_at = earliest(row.created_at, at)


@projects("customer.status_changed")
def _status_changed(session: Session, event: Event) -> None:
    row = customer_row(session, event.account_id, event.data["customer_id"])
    changed_at = parse_moment(event.data["changed_at"])
    if is_newer(changed_at, row.status_at):
        row.status, row.status_at = event.data["to"], changed_at


@projects("customer.archived", "customer.unarchived")
def _archived(session: Session, event: Event) -> None:
    row = customer_row(session, event.account_id, event.data["customer_id"])
    if is_newer(event.occurred_at, row.archived_at):
        row.archived, row.archived_at = event.type == "customer.archived", event.occurred_at


def _merge_values(event: Event, *, undone: bool) -> dict:
    data = event.data
    return {"account_id": event.account_id, "id": uuid.UUID(data["merge_id"]),
            "duplicate_id": uuid.UUID(data["duplicate_id"]), "target_id": uuid.UUID(data["target_id"]),
            "undone": undone, "merged_at": event.occurred_at}


@projects("customer.merged")
def _merged(session: Session, event: Event) -> None:
    insert_once(session, MergeFact, _merge_values(event, undone=False))


@projects("customer.unmerged")
def _unmerged(session: Session, event: Event) -> None:
    # An undo is final for its merge_id, whether the merge itself has arrived yet or not.
    stmt = insert(MergeFact).values(**_merge_values(event, undone=True))
    session.execute(stmt.on_conflict_do_update(index_elements=[MergeFact.id, MergeFact.account_id],
                                               set_={"undone": True}))
