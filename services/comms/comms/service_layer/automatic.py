"""Messages other services ask comms to send: portal invitations, statements, pricing tables, invoices and estimates
sent."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from comms.adapters.orm import Communication
from comms.domain.communication import HandledBy
from comms.domain.contact_points import normalise_email
from comms.domain.documents import estimate_email, invoice_email
from comms.domain.withheld import PORTAL_LINK
from comms.service_layer import contacts
from comms.service_layer.sending import NOT_CONFIGURED, queue_message, record_unsendable

AUTOMATIC = HandledBy("staff", None, "Fieldwork (automatic)")


def send_portal_invite(session: Session, data: dict, *, sender: str, now: dt.datetime,
                       mail_configured: bool = True) -> Communication:
    expires = data["expires_at"]
    body = (f"Hello {data['customer_name']},\n\n"
            f"You are invited to your customer portal. Open this link to sign in:\n\n{PORTAL_LINK}\n\n"
            f"The link works once and expires at {expires}.\n")
    if not mail_configured:
        return record_unsendable(session, customer_id=uuid.UUID(data["customer_id"]), channel="email",
                                 subject="Your customer portal invitation", body=body, handled_by=AUTOMATIC,
                                 reason=NOT_CONFIGURED["email"], now=now,
                                 source_ref=f"portal_invite:{data['invite_id']}")
    return queue_message(session, customer_id=uuid.UUID(data["customer_id"]), channel="email",
                         to=normalise_email(data["email"]), subject="Your customer portal invitation", body=body,
                         handled_by=AUTOMATIC, from_address=sender, now=now,
                         source_ref=f"portal_invite:{data['invite_id']}", withheld={PORTAL_LINK: data["magic_link"]})


def send_statement(session: Session, data: dict, *, sender: str, now: dt.datetime,
                   mail_configured: bool = True) -> Communication:
    """Queues the statement email; the sender fetches the PDF from billing when it sends."""
    return _requested_document(
        session, data, f"Your account statement as of {data['as_of']}",
        f"Hello,\n\nPlease find attached your account statement as of {data['as_of']}.\n",
        sender=sender, now=now, mail_configured=mail_configured, source_ref=f"statement:{data['statement_id']}",
        attachment={"kind": "statement", "as_of": data["as_of"]})


def send_pricing_table(session: Session, data: dict, *, sender: str, now: dt.datetime,
                       mail_configured: bool = True) -> Communication:
    """Queues the pricing table email; the sender fetches the PDF from billing when it sends."""
    return _requested_document(
        session, data, "Our prices for your property",
        "Hello,\n\nPlease find attached the prices of our services for your property.\n",
        sender=sender, now=now, mail_configured=mail_configured, source_ref=f"pricing_table:{data['request_id']}",
        attachment={"kind": "pricing_table"})


def _requested_document(session: Session, data: dict, subject: str, body: str, *, sender: str, now: dt.datetime,
                        mail_configured: bool, source_ref: str, attachment: dict) -> Communication:
    """A document a user asked to send: to the address they gave, else the customer's primary email."""
    customer_id = uuid.UUID(data["customer_id"])
    requested_by = HandledBy.staff(data["requested_by"], data.get("requested_by_name"))
    to = normalise_email(data.get("email")) or contacts.primary(session, customer_id, contacts.EMAIL)
    if to is None or not mail_configured:
        reason = NOT_CONFIGURED["email"] if not mail_configured else "The customer has no email address on file."
        return record_unsendable(session, customer_id=customer_id, channel="email", subject=subject, body=body,
                                 handled_by=requested_by, reason=reason, now=now, source_ref=source_ref)
    return queue_message(session, customer_id=customer_id, channel="email", to=to, subject=subject, body=body,
                         handled_by=requested_by, from_address=sender, now=now, source_ref=source_ref,
                         attachment=attachment)


def send_invoice(session: Session, data: dict, *, sender: str, now: dt.datetime, portal: str,
                 mail_configured: bool = True) -> Communication:
    """Emails an invoice that was sent, its PDF fetched from billing when it goes; once per invoice. An invoice billed
    to another customer (a bill-to parent) goes to them, and is kept in their communications."""
    subject, body = invoice_email(data, portal)
    payer = data.get("bill_to_customer_id")
    return _document(session, {**data, "customer_id": payer} if payer else data, subject, body, sender=sender,
                     now=now, mail_configured=mail_configured,
                     source_ref=f"invoice_sent:{data['invoice_id']}",
                     attachment={"kind": "invoice", "invoice_id": data["invoice_id"], "number": data["number"]})


def send_estimate(session: Session, data: dict, *, sender: str, now: dt.datetime, portal: str,
                  mail_configured: bool = True) -> Communication | None:
    """Emails an estimate that moved to sent, with its PDF (fetched from jobs when it goes) and approve and
    decline links; once per estimate."""
    if data["to"] != "sent":
        return None
    subject, body = estimate_email(data, portal)
    return _document(session, data, subject, body, sender=sender, now=now, mail_configured=mail_configured,
                     source_ref=f"estimate_sent:{data['estimate_id']}",
                     attachment={"kind": "estimate", "estimate_id": data["estimate_id"], "number": data["number"]})


def _document(session: Session, data: dict, subject: str, body: str, *, sender: str, now: dt.datetime,
              mail_configured: bool, source_ref: str, attachment: dict | None = None) -> Communication:
    customer_id = uuid.UUID(data["customer_id"])
    to = contacts.primary(session, customer_id, contacts.EMAIL)
    if to is None or not mail_configured:
        reason = NOT_CONFIGURED["email"] if not mail_configured else "The customer has no email address on file."
        return record_unsendable(session, customer_id=customer_id, channel="email", subject=subject, body=body,
                                 handled_by=AUTOMATIC, reason=reason, now=now, source_ref=source_ref)
    return queue_message(session, customer_id=customer_id, channel="email", to=to, subject=subject, body=body,
                         handled_by=AUTOMATIC, from_address=sender, now=now, source_ref=source_ref,
                         attachment=attachment)
