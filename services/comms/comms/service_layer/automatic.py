"""Messages other services ask comms to send: portal invitations, statements, pricing tables, invoices and estimates
sent."""
from __future__ import annotations

import datetime as dt
import uuid

from fieldwork_contracts.billing import InvoiceSent, PricingTableRequested, StatementRequested
from fieldwork_contracts.customers import PortalInviteRequested
from fieldwork_contracts.jobs import EstimateStatusChanged
from sqlalchemy.orm import Session

from comms.adapters.orm import Communication
from comms.domain.communication import HandledBy
from comms.domain.contact_points import normalise_email
from comms.domain.documents import estimate_email, invoice_email, time_shown
from comms.domain.withheld import PORTAL_LINK
from comms.service_layer import contacts
from comms.service_layer.sending import NOT_CONFIGURED, queue_message, record_unsendable

AUTOMATIC = HandledBy("staff", None, "Fieldwork (automatic)")


def send_portal_invite(session: Session, invite: PortalInviteRequested, *, sender: str, now: dt.datetime,
                       mail_configured: bool = True) -> Communication:
    expires = time_shown(invite.expires_at)
    body = (f"Hello {invite.customer_name},\n\n"
            f"You are invited to your customer portal. Open this link to sign in:\n\n{PORTAL_LINK}\n\n"
            f"The link works once and expires on {expires}.\n")
    if not mail_configured:
        return record_unsendable(session, customer_id=invite.customer_id, channel="email",
                                 subject="Your customer portal invitation", body=body, handled_by=AUTOMATIC,
                                 reason=NOT_CONFIGURED["email"], now=now,
                                 source_ref=f"portal_invite:{invite.invite_id}")
    return queue_message(session, customer_id=invite.customer_id, channel="email",
                         to=normalise_email(invite.email), subject="Your customer portal invitation", body=body,
                         handled_by=AUTOMATIC, from_address=sender, now=now,
                         source_ref=f"portal_invite:{invite.invite_id}", withheld={PORTAL_LINK: invite.magic_link})


def send_statement(session: Session, request: StatementRequested, *, sender: str, now: dt.datetime,
                   mail_configured: bool = True) -> Communication:
    """Queues the statement email; the sender fetches the PDF from billing when it sends."""
    as_of = request.as_of.isoformat()
    return _requested_document(
        session, request, f"Your account statement as of {as_of}",
        f"Hello,\n\nPlease find attached your account statement as of {as_of}.\n",
        sender=sender, now=now, mail_configured=mail_configured, source_ref=f"statement:{request.statement_id}",
        attachment={"kind": "statement", "as_of": as_of})


def send_pricing_table(session: Session, request: PricingTableRequested, *, sender: str, now: dt.datetime,
                       mail_configured: bool = True) -> Communication:
    """Queues the pricing table email; the sender fetches the PDF from billing when it sends."""
    return _requested_document(
        session, request, "Our prices for your property",
        "Hello,\n\nPlease find attached the prices of our services for your property.\n",
        sender=sender, now=now, mail_configured=mail_configured, source_ref=f"pricing_table:{request.request_id}",
        attachment={"kind": "pricing_table"})


def _requested_document(session: Session, request: StatementRequested | PricingTableRequested, subject: str,
                        body: str, *, sender: str, now: dt.datetime, mail_configured: bool, source_ref: str,
                        attachment: dict) -> Communication:
    """A document a user asked to send: to the address they gave, else the customer's primary email."""
    customer_id = request.customer_id
    requested_by = HandledBy.staff(str(request.requested_by), request.requested_by_name or None)
    to = normalise_email(request.email) or contacts.primary(session, customer_id, contacts.EMAIL)
    if to is None or not mail_configured:
        reason = NOT_CONFIGURED["email"] if not mail_configured else "The customer has no email address on file."
        return record_unsendable(session, customer_id=customer_id, channel="email", subject=subject, body=body,
                                 handled_by=requested_by, reason=reason, now=now, source_ref=source_ref)
    return queue_message(session, customer_id=customer_id, channel="email", to=to, subject=subject, body=body,
                         handled_by=requested_by, from_address=sender, now=now, source_ref=source_ref,
                         attachment=attachment)


def send_invoice(session: Session, sent: InvoiceSent, *, sender: str, now: dt.datetime, portal: str,
                 mail_configured: bool = True) -> Communication:
    """Emails an invoice that was sent, its PDF fetched from billing when it goes; once per invoice. An invoice billed
    to another customer (a bill-to parent) goes to them, and is kept in their communications."""
    subject, body = invoice_email(sent, portal)
    return _document(session, sent.bill_to_customer_id or sent.customer_id, subject, body, sender=sender,
                     now=now, mail_configured=mail_configured,
                     source_ref=f"invoice_sent:{sent.invoice_id}",
                     attachment={"kind": "invoice", "invoice_id": str(sent.invoice_id), "number": sent.number})


def send_estimate(session: Session, changed: EstimateStatusChanged, *, sender: str, now: dt.datetime, portal: str,
                  mail_configured: bool = True) -> Communication | None:
    """Emails an estimate that moved to sent, with its PDF (fetched from jobs when it goes) and approve and
    decline links; once per estimate."""
    if changed.to != "sent":
        return None
    subject, body = estimate_email(changed, portal)
    return _document(session, changed.customer_id, subject, body, sender=sender, now=now,
                     mail_configured=mail_configured, source_ref=f"estimate_sent:{changed.estimate_id}",
                     attachment={"kind": "estimate", "estimate_id": str(changed.estimate_id), "number": changed.number})


def _document(session: Session, customer_id: uuid.UUID, subject: str, body: str, *, sender: str, now: dt.datetime,
              mail_configured: bool, source_ref: str, attachment: dict | None = None) -> Communication:
    to = contacts.primary(session, customer_id, contacts.EMAIL)
    if to is None or not mail_configured:
        reason = NOT_CONFIGURED["email"] if not mail_configured else "The customer has no email address on file."
        return record_unsendable(session, customer_id=customer_id, channel="email", subject=subject, body=body,
                                 handled_by=AUTOMATIC, reason=reason, now=now, source_ref=source_ref)
    return queue_message(session, customer_id=customer_id, channel="email", to=to, subject=subject, body=body,
                         handled_by=AUTOMATIC, from_address=sender, now=now, source_ref=source_ref,
                         attachment=attachment)
