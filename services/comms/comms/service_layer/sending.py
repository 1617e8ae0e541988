"""Sending: a message is written first (queued) with its delivery; the sender worker hands it over later."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from chassis.customer_directory import require_customer
from chassis.errors import Conflict, field_error
from chassis.references import CallersApi

from comms.adapters import queries
from comms.adapters.customer_answer import snapshot_of_answer
from comms.adapters.orm import Communication, Delivery
from comms.domain.communication import FAILED, QUEUED, HandledBy
from comms.domain.contact_points import normalise_email, normalise_phone
from comms.service_layer import contacts
from comms.service_layer.commands import SendMessage
from comms.service_layer.promotion import refuse_marketing_if_flagged
from comms.service_layer.threads import touch_thread


NOT_CONFIGURED = {
    "email": "Email is not configured: no mail server is set (FIELDWORK_SMTP_HOST).",
    "sms": "Texting is not configured: no SMS provider is set (FIELDWORK_SMS_BASE_URL).",
}


def configured_channels(mailer, sms) -> dict[str, bool]:
    """Which sending channels have somewhere to go: whether the mailer and the SMS provider are configured."""
    return {"email": mailer.configured, "sms": sms.configured}


def require_configured(channel: str, configured: dict[str, bool]) -> None:
    """Refuses a send up front when nothing could carry it, rather than queue a message that can only fail."""
    if not configured.get(channel):
        raise Conflict(NOT_CONFIGURED[channel], fields={"channel": [NOT_CONFIGURED[channel]]})


def recipient(session: Session, customer_id: uuid.UUID, channel: str, to: str | None, region: str,
              customers: CallersApi | None = None) -> str:
    """Where the message goes: the address given (checked and normalised) or the customer's primary one.

    A customer whose snapshot has not reached us yet (created a moment ago) is asked of the customers service,
    as the customer directory does for ids, and its contact points kept."""
    kind = contacts.PHONE if channel == "sms" else contacts.EMAIL
    if to:
        value = normalise_phone(to, region) if channel == "sms" else normalise_email(to)
        if value is None:
            raise field_error("to", "Not a valid phone number." if channel == "sms" else "Not a valid email address.")
        return value
    value = contacts.primary(session, customer_id, kind)
    if value is None and customers is not None and not queries.knows(session, customer_id):
        body = customers.fetch(customer_id)
        if body is not None:
            contacts.apply_snapshot(session, session.info["account_id"], snapshot_of_answer(body),
                                    int(body.get("revision", 0)), region)
            value = contacts.primary(session, customer_id, kind)
    if value is None:
        raise field_error("to", f"The customer has no {'phone number' if channel == 'sms' else 'email'} on file.")
    return value


def queue_message(session: Session, *, customer_id: uuid.UUID | None, channel: str, to: str, subject: str | None,
                  body: str, handled_by: HandledBy, from_address: str, now: dt.datetime,
                  source_ref: str | None = None, attachment: dict | None = None,
                  withheld: dict[str, str] | None = None) -> Communication:
    """Writes the message (status queued) and its pending delivery; with ``source_ref``, at most once.

    ``withheld`` maps placeholders in ``body`` to the secrets only the message that goes out carries
    (``comms.domain.withheld``)."""
    if source_ref is not None:
        existing = session.scalars(select(Communication).where(Communication.source_ref == source_ref)).first()
        if existing is not None:
            return existing
    thread_id = touch_thread(session, to, customer_id, now, body).id if channel == "sms" else None
    comm = Communication(
        id=uuid.uuid4(), customer_id=customer_id, channel=channel, direction="outbound",
        handled_by_kind=handled_by.kind, handled_by_id=handled_by.id, handled_by_name=handled_by.name,
        from_address=from_address, to_address=to, subject=subject, body=body, status=QUEUED,
        thread_id=thread_id, occurred_at=now, source_ref=source_ref, attempts=0, next_attempt_at=now,
    )
    session.add(comm)
    session.flush()
    session.add(Delivery(communication_id=comm.id, account_id=comm.account_id, state="pending", attempts=0,
                         next_attempt_at=now, attachment=attachment, withheld=withheld))
    session.flush()
    return comm


def send_message(session: Session, command: SendMessage, *, configured: dict[str, bool], senders: dict[str, str],
                 region: str, customers: CallersApi, by: str, user_id: str | None,
                 now: dt.datetime) -> Communication:
    """Queues a user's message (``queue_message``) after every check: a channel with somewhere to go, a customer
    that may be written to, no marketing to one flagged do-not-service, and where it goes (``recipient``: the
    customers service is asked as the caller about a customer not heard of yet). 409 or 422 queue nothing.

    ``by`` is the display name of who sends, ``user_id`` their token subject."""
    require_configured(command.channel, configured)
    customer = require_customer(session, command.customer_id, customers)
    refuse_marketing_if_flagged(session, customer.id, command.purpose)
    to = recipient(session, customer.id, command.channel, command.to, region, customers)
    return queue_message(session, customer_id=customer.id, channel=command.channel, to=to, subject=command.subject,
                         body=command.body, handled_by=HandledBy.staff(user_id, by),
                         from_address=senders[command.channel], now=now)


def record_unsendable(session: Session, *, customer_id: uuid.UUID, channel: str, subject: str | None, body: str,
                      handled_by: HandledBy, reason: str, now: dt.datetime, source_ref: str) -> Communication:
    """A message asked for by another service that cannot go anywhere: kept, visibly failed, never retried."""
    existing = session.scalars(select(Communication).where(Communication.source_ref == source_ref)).first()
    if existing is not None:
        return existing
    comm = Communication(
        id=uuid.uuid4(), customer_id=customer_id, channel=channel, direction="outbound",
        handled_by_kind=handled_by.kind, handled_by_id=handled_by.id, handled_by_name=handled_by.name,
        subject=subject, body=body, status=FAILED, failure_reason=reason, occurred_at=now, source_ref=source_ref,
    )
    session.add(comm)
    session.flush()
    return comm
