"""The events comms consumes: customer snapshots (contact points), merges, notes about communications, and messages
to send (invites, statements, invoices and estimates sent)."""
from __future__ import annotations

from fieldwork_contracts import event_class
from fieldwork_contracts.billing import InvoiceSent, PricingTableRequested, StatementRequested
from fieldwork_contracts.customers import CustomerErased, NoteChanged, PortalInviteRequested
from fieldwork_contracts.jobs import EstimateStatusChanged
from sqlalchemy.orm import Session

from chassis import customer_directory, do_not_service
from chassis.messaging import Event, Handlers
from chassis.messaging.event import utcnow

from comms.config import CommsConfig
from comms.service_layer import automatic, contacts, erasure, merges, notes, review_requests
from comms.service_layer.sending import configured_channels

handlers = Handlers().include(customer_directory.handlers).include(do_not_service.handlers)
handlers.include(merges.MERGES.handlers)  # customer.merged and customer.unmerged


@handlers.on("customer.created", adapters=("config",))
@handlers.on("customer.updated", adapters=("config",))
def keep_contact_points(session: Session, event: Event, config: CommsConfig) -> None:
    changed = event_class(event.type, event.version).from_data(event.data)
    contacts.apply_snapshot(session, event.account_id, changed.customer, changed.revision, config.phone_region)


@handlers.on("customer.erased")
def erase_customer(session: Session, event: Event) -> None:
    erasure.erase_customer(session, CustomerErased.from_data(event.data))


@handlers.on("note.changed")
def keep_note(session: Session, event: Event) -> None:
    note = NoteChanged.from_data(event.data)
    notes.apply_note(session, event.account_id, note.note_id, note.communication_id, note.body,
                     deleted=note.deleted, changed_at=note.changed_at)


@handlers.on("portal.invite_requested", adapters=("config", "mailer", "sms"))
def email_portal_invite(session: Session, event: Event, config: CommsConfig, mailer, sms) -> None:
    invite, now = PortalInviteRequested.from_data(event.data), utcnow()
    if review_requests.is_review_request(invite):
        review_requests.send_review_request(
            session, invite, senders=config.senders, configured=configured_channels(mailer, sms),
            region=config.phone_region, now=now)
        return
    automatic.send_portal_invite(session, invite, sender=config.smtp_from, now=now,
                                 mail_configured=mailer.configured)


@handlers.on("statement.requested", adapters=("config", "mailer"))
def email_statement(session: Session, event: Event, config: CommsConfig, mailer) -> None:
    automatic.send_statement(session, StatementRequested.from_data(event.data), sender=config.smtp_from, now=utcnow(),
                             mail_configured=mailer.configured)


@handlers.on("pricing_table.requested", adapters=("config", "mailer"))
def email_pricing_table(session: Session, event: Event, config: CommsConfig, mailer) -> None:
    automatic.send_pricing_table(session, PricingTableRequested.from_data(event.data), sender=config.smtp_from,
                                 now=utcnow(), mail_configured=mailer.configured)


@handlers.on("invoice.sent", adapters=("config", "mailer"))
def email_invoice(session: Session, event: Event, config: CommsConfig, mailer) -> None:
    automatic.send_invoice(session, InvoiceSent.from_data(event.data), sender=config.smtp_from, now=utcnow(),
                           portal=config.portal_base_url, mail_configured=mailer.configured)


@handlers.on("estimate.status_changed", adapters=("config", "mailer"))
def email_estimate(session: Session, event: Event, config: CommsConfig, mailer) -> None:
    automatic.send_estimate(session, EstimateStatusChanged.from_data(event.data), sender=config.smtp_from, now=utcnow(),
                            portal=config.portal_base_url, mail_configured=mailer.configured)
