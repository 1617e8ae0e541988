"""Internal notes: markdown, pinned ones first, optionally about a communication; authors edit their own.

A note about a communication is published as `note.changed` whenever it is written, edited, moved, unlinked or
deleted, so comms can show it on its communication without reading this service's tables.
"""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from chassis.errors import Forbidden, NotFound
from chassis.messaging import emit
from chassis.references import CallersApi
from customers.adapters.orm import Customer, Note
from chassis.commands import sent
from customers.service_layer import publishing
from customers.service_layer.commands import AddNote, EditNote
from customers.service_layer.references import check_communication


def add_note(session: Session, customer: Customer, command: AddNote, *, comms_api: CallersApi, by: str,
             now: dt.datetime) -> Note:
    check_communication(session, customer.id, command.communication_id, comms_api)
    note = Note(customer_id=customer.id, body=command.body, pinned=command.pinned, author=by,
                communication_id=command.communication_id, created_at=now)
    session.add(note)
    session.flush()
    if note.communication_id is not None:
        emit(session, publishing.note_changed(note, deleted=False, changed_at=now))
    return note


def own_note(session: Session, customer: Customer, note_id: uuid.UUID, *, by: str) -> Note:
    note = session.get(Note, note_id)
    if note is None or note.customer_id != customer.id:
        raise NotFound("No such note for this customer.")
    if note.author != by:
        raise Forbidden("Only the author of a note can change or delete it.")
    return note


def edit_note(session: Session, customer: Customer, note_id: uuid.UUID, command: EditNote, *,
              comms_api: CallersApi, by: str, now: dt.datetime) -> Note:
    changes = sent(command)
    note = own_note(session, customer, note_id, by=by)
    was_linked = note.communication_id is not None
    if changes.get("communication_id") not in (None, note.communication_id):
        check_communication(session, customer.id, changes["communication_id"], comms_api)
    for name in ("body", "pinned", "communication_id"):
        if name in changes:
            setattr(note, name, changes[name])
    note.updated_at = now
    session.flush()
    if was_linked or note.communication_id is not None:
        emit(session, publishing.note_changed(note, deleted=False, changed_at=now))
    return note


def delete_note(session: Session, customer: Customer, note_id: uuid.UUID, *, by: str, now: dt.datetime) -> None:
    note = own_note(session, customer, note_id, by=by)
    if note.communication_id is not None:
        emit(session, publishing.note_changed(note, deleted=True, changed_at=now))
    session.delete(note)
    session.flush()

