"""Contacts of a customer: several, exactly one primary; emails and phones (E.164 and extension kept beside what
was typed)."""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from chassis.errors import NotFound
from customers.adapters.orm import Contact, ContactEmail, ContactPhone, Customer
from customers.domain import phones
from customers.domain.primary import keep_one_primary, make_primary, refuse_unsetting_primary
from chassis.commands import sent
from customers.service_layer.commands import AddContact, EditContact, Phone
from customers.service_layer.customer_changes import customer_change


def _phone(position: int, phone: Phone) -> ContactPhone:
    e164, extension = phones.parse(phone.number)
    return ContactPhone(position=position, entered=phone.number, e164=e164, extension=extension, label=phone.label)


def _set_points(contact: Contact, body: dict) -> None:
    if "emails" in body:
        contact.emails = [ContactEmail(position=i, address=address) for i, address in enumerate(body["emails"])]
    if "phones" in body:
        contact.phones = [_phone(i, p) for i, p in enumerate(body["phones"])]


def _apply(customer: Customer, contact: Contact, command: AddContact | EditContact) -> None:
    body = sent(command)
    for name in ("name", "role"):
        if name in body:
            setattr(contact, name, body[name])
    _set_points(contact, body)
    refuse_unsetting_primary(contact, body.get("is_primary"))
    if body.get("is_primary"):
        make_primary(customer.contacts, contact)
    keep_one_primary(customer.contacts)


def add_contact(session: Session, customer: Customer, command: AddContact, *, publish: bool = True) -> Contact:
    def add() -> Contact:
        contact = Contact(customer_id=customer.id, is_primary=False, name=command.name)
        customer.contacts.append(contact)
        _apply(customer, contact, command)
        session.flush()
        return contact
    if not publish:
        return add()
    with customer_change(session, customer):
        return add()


def find_contact(customer: Customer, contact_id: uuid.UUID) -> Contact:
    contact = next((c for c in customer.contacts if c.id == contact_id), None)
    if contact is None:
        raise NotFound("No such contact for this customer.")
    return contact


def update_contact(session: Session, customer: Customer, contact_id: uuid.UUID, command: EditContact) -> Contact:
    contact = find_contact(customer, contact_id)
    with customer_change(session, customer):
        _apply(customer, contact, command)
    return contact


def remove_contact(session: Session, customer: Customer, contact_id: uuid.UUID) -> None:
    contact = find_contact(customer, contact_id)
    with customer_change(session, customer):
        customer.contacts.remove(contact)
        keep_one_primary(customer.contacts)
