"""The typed event of everything customers publishes, built in this one place (fieldwork_contracts.customers).

Callers emit what these return (``emit(session, publishing.customer_archived(customer))``); nothing here emits.
"""
from __future__ import annotations

import datetime as dt
import uuid

from fieldwork_contracts.customers import (CustomerArchived, CustomerCreated, CustomerErased, CustomerMerged,
                                           CustomerStatusChanged, CustomerUnarchived, CustomerUnmerged,
                                           CustomerUpdated, HistoryImported, ImportedInvoice, ImportedJob,
                                           NoteChanged, PortalInviteRequested)
from fieldwork_contracts.defs import CustomerSnapshot

from chassis.auth import tokens
from customers.adapters.orm import Customer, Erasure, Merge, Note, PortalInvite
from customers.domain.import_history import HistoryRow
from customers.domain.lifecycle import StatusChange


def customer_created(snapshot: CustomerSnapshot, revision: int) -> CustomerCreated:
    return CustomerCreated(customer=snapshot, revision=revision)


def customer_updated(snapshot: CustomerSnapshot, revision: int, changed: list[str]) -> CustomerUpdated:
    return CustomerUpdated(customer=snapshot, revision=revision, changed=changed)


def customer_status_changed(customer: Customer, change: StatusChange, user_id: str | None) -> CustomerStatusChanged:
    return CustomerStatusChanged(customer_id=customer.id, from_=change.from_status, to=change.to_status,
                                 automatic=change.automatic, changed_by=user_id_of(user_id),
                                 changed_at=change.changed_at)


def customer_archived(customer: Customer) -> CustomerArchived:
    return CustomerArchived(customer_id=customer.id)


def customer_unarchived(customer: Customer) -> CustomerUnarchived:
    return CustomerUnarchived(customer_id=customer.id)


def customer_merged(record: Merge) -> CustomerMerged:
    return CustomerMerged(merge_id=record.id, duplicate_id=record.duplicate_id, target_id=record.target_id)


def customer_unmerged(record: Merge) -> CustomerUnmerged:
    return CustomerUnmerged(merge_id=record.id, duplicate_id=record.duplicate_id, target_id=record.target_id)


def customer_erased(customer: Customer, erasure: Erasure, merged: list[Customer]) -> CustomerErased:
    return CustomerErased(customer_id=customer.id, number=customer.number, pseudonym=erasure.pseudonym,
                          merged_ids=[m.id for m in merged], revision=customer.revision, erased_at=erasure.erased_at)


def portal_invite_requested(record: PortalInvite, customer: Customer, link: str, send_to: dict,
                            **announced) -> PortalInviteRequested:
    """``send_to`` is the email or the phone comms sends to; ``announced`` a purpose and its record, if any."""
    return PortalInviteRequested(invite_id=record.id, customer_id=customer.id, customer_name=customer.display_name,
                                 magic_link=link, expires_at=record.expires_at, **send_to, **announced)


def note_changed(note: Note, *, deleted: bool, changed_at: dt.datetime) -> NoteChanged:
    """The note as it now stands; ``changed_at`` lets a consumer ignore an older state delivered late."""
    return NoteChanged(note_id=note.id, customer_id=note.customer_id, communication_id=note.communication_id,
                       body=note.body, pinned=note.pinned, deleted=deleted, changed_at=changed_at)


def history_imported(import_id: uuid.UUID, row: HistoryRow, customer_id: uuid.UUID, source: str,
                     job_id: uuid.UUID, invoice_id: uuid.UUID) -> HistoryImported:
    """A history row's past job and invoice, under the ids ``record_ids`` gave them."""
    return HistoryImported(import_id=import_id, row_number=row.row_number, customer_id=customer_id, source=source,
                           job=_job(row, job_id), invoice=_invoice(row, invoice_id, job_id))


def _job(row: HistoryRow, job_id: uuid.UUID) -> ImportedJob | None:
    job = row.job
    return None if job is None else ImportedJob(
        id=job_id, source_number=job.source_number, title=job.title, description=job.description, property_id=None,
        completed_on=job.completed_on, technician=job.technician)


def _invoice(row: HistoryRow, invoice_id: uuid.UUID, job_id: uuid.UUID) -> ImportedInvoice | None:
    invoice = row.invoice
    return None if invoice is None else ImportedInvoice(
        id=invoice_id, source_number=invoice.source_number, job_id=job_id if row.job else None,
        issued_on=invoice.issued_on, due_on=invoice.due_on, currency=invoice.currency,
        total_cents=invoice.total_cents, paid_cents=invoice.paid_cents, voided=invoice.voided,
        description=invoice.description)


def user_id_of(sub: str | None) -> uuid.UUID | None:
    """The user an event names (the contracts' user ids are UUIDs): a token subject that is a UUID as it is, any
    other (a dev login) as a stable UUID of it, the one billing gives the same subject; None where no user acted."""
    return None if sub is None else tokens.user_id_of(sub)
