"""Erase a customer's personal data (a privacy request): the record stays, as a pseudonym, so that the money records
other services must keep still name someone; one ``customer.erased`` tells every service to erase what it holds.

Everything about the person goes: names, contacts (emails, phones), properties (addresses, access notes, equipment
and its serials), notes, tags, portal invitation addresses, the search words of the name and addresses, the
columns an import kept, and the events already sent that carried them. The customers merged into this one are
erased with it: their records hold the person's name too. The audit entry keeps the number and the pseudonym only.
"""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from chassis.erasure import forget_sent_events, forget_stored_parts
from chassis.errors import field_error
from chassis.messaging import emit
from customers.adapters.erasures import erasure_of
from customers.adapters.orm import Contact, Customer, Erasure, Note, PortalInvite, Property, Tag
from customers.service_layer import publishing
from customers.service_layer.commands import EraseCustomer
from customers.service_layer.relations import forget as forget_links


def pseudonym_for(number: str) -> str:
    return f"Erased customer {number}"


def _words_of(session: Session, ids: list[uuid.UUID]) -> list[tuple[str, str]]:
    rows = session.execute(text("SELECT DISTINCT kind, word FROM search_words WHERE customer_id = ANY(:ids)"),
                           {"ids": ids}).all()
    return [(row.kind, row.word) for row in rows]


def _forget_words(session: Session, account_id: uuid.UUID, words: list[tuple[str, str]]) -> None:
    """The account's vocabulary only grows by itself (revision 0008); a word of the erased customer that no other
    customer holds would still say the name was there."""
    if not words:
        return
    session.execute(text(
        """DELETE FROM search_vocabulary v
            USING unnest(CAST(:kinds AS text[]), CAST(:words AS text[])) AS gone(kind, word)
            WHERE v.account_id = :account AND v.kind = gone.kind AND v.word = gone.word COLLATE "C"
              AND NOT EXISTS (SELECT 1 FROM search_words s
                               WHERE s.account_id = v.account_id AND s.kind = v.kind AND s.word = v.word)"""),
        {"account": account_id, "kinds": [k for k, _ in words], "words": [w for _, w in words]})


def _erase_record(session: Session, customer: Customer, pseudonym: str, now: dt.datetime) -> None:
    # By statements: the ORM's cascades would load every row first. Emails, phones and equipment cascade in the
    # database.
    for model in (Contact, Property, Note, Tag):
        session.execute(delete(model).where(model.customer_id == customer.id))
    session.execute(update(PortalInvite).where(PortalInvite.customer_id == customer.id).values(email=None))
    session.execute(text("DELETE FROM customer_archived_fields WHERE customer_id = :id"), {"id": customer.id})
    # An import's keys name the customer by phone or email (and their history by it): gone with the person.
    session.execute(text("DELETE FROM import_keys WHERE account_id = :account AND customer_id = :id"),
                    {"account": customer.account_id, "id": customer.id})
    customer.display_name = pseudonym
    customer.company = None
    customer.lead_source = None
    customer.do_not_service_reason = None
    customer.preferred_channel = None
    customer.archived_at = customer.archived_at or now
    customer.revision += 1


def _same_name(typed: str, name: str) -> bool:
    return " ".join(typed.split()).casefold() == " ".join(name.split()).casefold()


def erase(session: Session, customer: Customer, command: EraseCustomer, *, by: str, now: dt.datetime) -> Erasure:
    """Erases ``customer`` (locked by the caller) and those merged into it; asked again, answers the first erasure
    (the name it had is gone by then, so it is not checked again)."""
    done = erasure_of(session, customer.id)
    if done is not None:
        return done
    if not _same_name(command.confirm_name, customer.display_name):
        raise field_error("confirm_name", "Type the customer's name exactly as it is shown.")
    account_id = session.info["account_id"]
    merged = list(session.scalars(select(Customer).where(Customer.merged_into == customer.id)
                                  .with_for_update().order_by(Customer.id)))
    ids = [customer.id, *(m.id for m in merged)]
    words = _words_of(session, ids)
    pseudonym = pseudonym_for(customer.number)
    for record in (customer, *merged):
        _erase_record(session, record, pseudonym, now)
    forget_links(session, ids)
    session.flush()
    for record in (customer, *merged):
        session.expire(record, ["contacts", "properties", "tags", "notes"])
    _forget_words(session, account_id, words)
    forget_stored_parts(session, account_id, ids)
    forget_sent_events(session, account_id, ids)
    erasure = Erasure(customer_id=customer.id, customer_number=customer.number, pseudonym=pseudonym, erased_by=by,
                      erased_at=now)
    session.add(erasure)
    session.flush()
    emit(session, publishing.customer_erased(customer, erasure, merged))
    return erasure
