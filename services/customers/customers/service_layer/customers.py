"""Use cases of the customer record itself: create, edit, status, tags, archive."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from chassis.db import next_number
from chassis.errors import Conflict, ValidationFailed
from chassis.messaging import emit
from customers.adapters.geocoding import Geocoder
from customers.adapters.orm import Customer, StatusChangeRow, Tag
from customers.domain import lifecycle
from customers.domain.snapshot import customer_snapshot
from customers.service_layer import contacts as contact_cases
from customers.service_layer import properties as property_cases
from chassis.commands import sent
from customers.service_layer.commands import (AddTag, ChangeStatus, CreateCustomer, DoNotService, EditCustomer,
                                             RemoveTag)
from customers.service_layer import publishing
from customers.service_layer.customer_changes import customer_change

EDITABLE = ("display_name", "company", "kind", "preferred_channel", "lead_source", "next_follow_up_at")


def _check_company(customer: Customer) -> None:
    if customer.kind == "commercial" and not customer.company:
        raise ValidationFailed({"company": ["A commercial customer needs a company name."]})


def _check_do_not_service(flag: bool, reason: str | None) -> None:
    if flag and not (reason or "").strip():
        raise ValidationFailed({"do_not_service": ["Give the reason for not servicing this customer."]})


def create_customer(session: Session, command: CreateCustomer, *, by: str, geocoder: Geocoder,
                    now: dt.datetime) -> Customer:
    dns = command.do_not_service or DoNotService(flag=False)
    _check_do_not_service(dns.flag, dns.reason)
    customer = Customer(
        number=next_number(session, "customer", prefix="C-"), status=command.status, do_not_service=dns.flag,
        do_not_service_reason=dns.reason if dns.flag else None, created_by=by, created_at=now, revision=1,
        **{k: getattr(command, k) for k in EDITABLE})
    _check_company(customer)
    session.add(customer)
    session.flush()
    session.add(StatusChangeRow(customer_id=customer.id, from_status=None, to_status=customer.status,
                                automatic=False, changed_by=by, changed_at=now, cause="created"))
    for name in command.tags:
        _tag(session, customer, name)
    for contact in command.contacts:
        contact_cases.add_contact(session, customer, contact, publish=False)
    for prop in command.properties:
        property_cases.add_property(session, customer, prop, geocoder=geocoder, now=now, publish=False)
    session.flush()
    session.expire(customer, ["contacts", "properties", "tags"])
    emit(session, publishing.customer_created(customer_snapshot(customer), customer.revision))
    return customer


def update_customer(session: Session, customer: Customer, command: EditCustomer) -> Customer:
    changes = sent(command)
    with customer_change(session, customer):
        for name in EDITABLE:
            if name in changes:
                setattr(customer, name, changes[name])
        if "do_not_service" in changes:
            dns = changes["do_not_service"]
            _check_do_not_service(dns.flag, dns.reason)
            customer.do_not_service = dns.flag
            customer.do_not_service_reason = dns.reason if dns.flag else None
        _check_company(customer)
    return customer


def apply_status_change(session: Session, customer: Customer, change: lifecycle.StatusChange, *,
                        user_id: str | None = None) -> None:
    """Writes the change (shown by the name of who made it) and announces it (naming the user by id, ``user_id``:
    the token subject, as ``publishing.user_id_of`` makes it a UUID; None for an automatic change)."""
    with customer_change(session, customer):
        customer.status = change.to_status
        if not change.automatic:
            customer.status_set_by_hand_at = change.changed_at
    session.add(StatusChangeRow(customer_id=customer.id, from_status=change.from_status, to_status=change.to_status,
                                automatic=change.automatic, changed_by=change.changed_by,
                                changed_at=change.changed_at, cause=change.cause))
    emit(session, publishing.customer_status_changed(customer, change, user_id))


def change_status(session: Session, customer: Customer, command: ChangeStatus, *, by: str, now: dt.datetime,
                  user_id: str | None = None) -> Customer:
    change = lifecycle.manual_change(customer.status, command.to, by=by, at=now, cause=command.reason)
    apply_status_change(session, customer, change, user_id=user_id)
    return customer


def add_tag(session: Session, customer: Customer, command: AddTag) -> Tag:
    return _tag(session, customer, command.tag)


def _tag(session: Session, customer: Customer, name: str) -> Tag:
    """The customer's tag of that name, whatever its case, added if it has none."""
    name = name.strip()
    existing = next((t for t in customer.tags if t.name.lower() == name.lower()), None)
    if existing is not None:
        return existing
    tag = Tag(customer_id=customer.id, name=name)
    customer.tags.append(tag)
    session.flush()
    return tag


def remove_tag(session: Session, customer: Customer, command: RemoveTag) -> None:
    name = command.tag.strip().lower()
    tag = next((t for t in customer.tags if t.name.lower() == name), None)
    if tag is None:
        raise ValidationFailed({"tag": ["The customer has no such tag."]})
    customer.tags.remove(tag)
    session.flush()


def archive(session: Session, customer: Customer, *, now: dt.datetime) -> Customer:
    if customer.archived_at is not None:
        raise Conflict("The customer is already archived.")
    with customer_change(session, customer):
        customer.archived_at = now
    emit(session, publishing.customer_archived(customer))
    return customer


def unarchive(session: Session, customer: Customer) -> Customer:
    if customer.archived_at is None:
        raise Conflict("The customer is not archived.")
    with customer_change(session, customer):
        customer.archived_at = None
    emit(session, publishing.customer_unarchived(customer))
    return customer
