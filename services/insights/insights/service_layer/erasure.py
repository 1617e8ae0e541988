"""customer.erased into the read model: the customer's facts show the pseudonym, the words about the person go
(titles, comments, subjects), and so do the AI answers and fact snapshots written from them. The event log keeps
every event, so that a rebuild makes the same model, each emptied of the person: a rebuild cannot bring them back."""
from __future__ import annotations

import uuid

from fieldwork_contracts.customers import CustomerErased
from sqlalchemy import Text, cast, delete, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from chassis.erasure import forget_stored_parts
from chassis.messaging import Event
from insights.adapters.erasures import ErasedCustomer, erased_among
from insights.adapters.orm import (AIAnswer, CommunicationFact, CustomerFact, EstimateFact, EventLogEntry, FactSnapshot,
                                   JobFact, ReviewFact)
from insights.service_layer.project_customers import customer_row
from insights.service_layer.registry import projects

ERASED_TITLE = "Erased"
SNAPSHOT_EVENTS = ("customer.created", "customer.updated")


def _scrubbed(value, pseudonym: str):
    """An event's data without the person: the same shape (it still passes its contract), every personal field
    emptied wherever it sits."""
    personal = {"display_name": pseudonym, "company": None, "lead_source": None, "do_not_service_reason": None,
                "emails": [], "phones": [], "primary_address": None, "properties": [], "title": ERASED_TITLE,
                "job_title": ERASED_TITLE, "customer_name": pseudonym, "property_address": None, "subject": None,
                "comment": None, "body": None, "email": None}
    if isinstance(value, dict):
        return {key: personal[key] if key in personal and item is not None else _scrubbed(item, pseudonym)
                for key, item in value.items()}
    if isinstance(value, list):
        return [_scrubbed(item, pseudonym) for item in value]
    return value


def _about(entry: EventLogEntry, ids: set[str]) -> bool:
    if entry.event_type in SNAPSHOT_EVENTS:  # a snapshot names others too (merged_into): only its own is the person
        return entry.envelope["data"]["customer"]["id"] in ids
    return True


def _scrub_logged_events(session: Session, erased: CustomerErased) -> None:
    """The log keeps every event (a rebuild makes the same model), each emptied of the person."""
    ids = {str(i) for i in erased.ids}
    mentions = [cast(EventLogEntry.envelope, Text).contains(i) for i in ids]
    for entry in session.scalars(select(EventLogEntry).where(
            EventLogEntry.account_id == session.info["account_id"], or_(*mentions))):
        if _about(entry, ids):
            entry.envelope = {**entry.envelope, "data": _scrubbed(entry.envelope["data"], erased.pseudonym)}


def _forget(session: Session, ids: list[uuid.UUID], pseudonym: str) -> None:
    session.execute(update(CustomerFact).where(CustomerFact.id.in_(ids))
                    .values(display_name=pseudonym, lead_source=None))
    for model in (JobFact, EstimateFact):
        session.execute(update(model).where(model.customer_id.in_(ids)).values(title=ERASED_TITLE))
    session.execute(update(ReviewFact).where(ReviewFact.customer_id.in_(ids)).values(comment=None))
    session.execute(update(CommunicationFact).where(CommunicationFact.customer_id.in_(ids)).values(subject=None))
    for model in (AIAnswer, FactSnapshot):  # written from the facts above, names and all
        session.execute(delete(model).where(model.customer_id.in_(ids)))
    forget_stored_parts(session, session.info["account_id"], ids)


@projects("customer.erased")
def _erased(session: Session, event: Event, erased: CustomerErased) -> None:
    customer_row(session, event.account_id, erased.customer_id)  # an erasure heard first still names its customer
    session.execute(insert(ErasedCustomer).values([
        {"account_id": event.account_id, "customer_id": i, "erased_id": erased.customer_id, "number": erased.number,
         "pseudonym": erased.pseudonym} for i in erased.ids]).on_conflict_do_nothing())
    session.flush()
    _forget(session, erased.ids, erased.pseudonym)
    _scrub_logged_events(session, erased)


def erase_again(session: Session, event: Event, named: set[uuid.UUID]) -> None:
    """After any event is applied: one about an erased customer (late, redelivered, replayed) leaves nothing of the
    person in the model or in the log, whatever order the events came in."""
    if event.type == "customer.erased":
        return
    for found in erased_among(session, named):
        session.flush()
        _forget(session, [found.customer_id], found.pseudonym)
        entry = session.scalar(select(EventLogEntry).where(EventLogEntry.event_id == event.id))
        if entry is not None and _about(entry, {str(found.customer_id)}):
            entry.envelope = {**entry.envelope, "data": _scrubbed(entry.envelope["data"], found.pseudonym)}
