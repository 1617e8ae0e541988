"""The sender's unit of work: claim one due delivery, hand it to its provider, record the outcome.

A delivery is claimed with ``FOR UPDATE SKIP LOCKED`` and its row stays locked while the provider
is called, so any number of sender processes never hand one message over twice. The outcome is
committed right after the provider took the message; only a crash in between could repeat a send,
which is why emails carry a stable Message-ID and SMS a stable Idempotency-Key.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from chassis.db import Database
from chassis.messaging import emit

from comms.adapters.orm import Communication, Delivery
from comms.adapters.smtp import Attachment, OutgoingEmail
from comms.domain.communication import FAILED, QUEUED, SENDING, SENT
from comms.domain.retry import DeliveryError, RetryPolicy
from comms.domain.withheld import put_back
from comms.service_layer import publishing

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Providers:
    mailer: Any       # .send(OutgoingEmail) -> provider ref
    sms: Any          # .send(to=, body=, reference=) -> provider ref
    statements: Any   # billing's PDFs: .fetch(account_id, customer_id, as_of), .fetch_invoice(account_id, invoice_id)
    estimates: Any = None  # jobs' PDFs: .fetch(account_id, estimate_id)


# How long a claimed message is held as "sending" before another sender may take it again: longer than any
# hand-over (provider and PDF timeouts), so only a sender that died mid-send lets it go.
SENDING_LEASE = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class _Claimed:
    """What the hand-over needs, read while the claim was made (the provider is called outside the transaction)."""
    communication_id: Any
    account_id: Any
    customer_id: Any
    channel: str
    to: str
    subject: str
    body: str
    attachment: dict | None
    status_callback: str | None


def _attachments(providers: Providers, claimed: _Claimed) -> list[Attachment]:
    spec = claimed.attachment or {}
    if spec.get("kind") == "estimate":
        pdf = providers.estimates.fetch(claimed.account_id, spec["estimate_id"])
        return [Attachment(f"{spec.get('number') or 'estimate'}.pdf", "application/pdf", pdf)]
    if spec.get("kind") == "invoice":
        pdf = providers.statements.fetch_invoice(claimed.account_id, spec["invoice_id"])
        return [Attachment(f"{spec.get('number') or 'invoice'}.pdf", "application/pdf", pdf)]
    if spec.get("kind") == "pricing_table":
        return [Attachment("pricing.pdf", "application/pdf",
                           providers.statements.fetch_pricing_table(claimed.account_id, claimed.customer_id))]
    if spec.get("kind") != "statement":
        return []
    as_of = dt.date.fromisoformat(spec["as_of"]) if spec.get("as_of") else None
    pdf = providers.statements.fetch(claimed.account_id, claimed.customer_id, as_of)
    return [Attachment(f"statement-{spec.get('as_of') or 'current'}.pdf", "application/pdf", pdf)]


def _hand_over(providers: Providers, claimed: _Claimed) -> str:
    reference = str(claimed.communication_id)
    if claimed.channel == "sms":
        return providers.sms.send(to=claimed.to, body=claimed.body, reference=reference,
                                  status_callback=claimed.status_callback)
    email = OutgoingEmail(message_id=f"<{reference}@comms.fieldwork>", to=claimed.to, subject=claimed.subject,
                          body=claimed.body, attachments=_attachments(providers, claimed),
                          status_callback=claimed.status_callback)
    return providers.mailer.send(email)


def _claim(session: Session, now: dt.datetime) -> Delivery | None:
    return session.scalars(
        select(Delivery).where(Delivery.state == "pending", Delivery.next_attempt_at <= now)
        .order_by(Delivery.next_attempt_at).limit(1).with_for_update(skip_locked=True)).first()


def _start(database: Database, now: dt.datetime, callback_base: str) -> _Claimed | None:
    """Claims one due delivery and commits it as ``sending``, held from other senders for ``SENDING_LEASE``."""
    with database.transaction(unscoped=True) as session:
        delivery = _claim(session, now)
        if delivery is None:
            return None
        comm = session.get(Communication, delivery.communication_id)
        delivery.attempts += 1
        delivery.next_attempt_at = now + SENDING_LEASE
        comm.status, comm.attempts, comm.next_attempt_at = SENDING, delivery.attempts, None
        return _Claimed(comm.id, comm.account_id, comm.customer_id, comm.channel, comm.to_address or "",
                        comm.subject or "", put_back(comm.body or "", delivery.withheld), delivery.attachment,
                        f"{callback_base}/webhooks/delivery/{comm.account_id}" if callback_base else None)


def deliver_one(database: Database, providers: Providers, policy: RetryPolicy, *, now: dt.datetime,
                callback_base: str = "") -> bool:
    """Works on one delivery due at ``now``; False when none is due (or all due ones are held by other senders).

    ``callback_base`` is where the provider may post the message's later status (``/webhooks/delivery``)."""
    claimed = _start(database, now, callback_base)
    if claimed is None:
        return False
    error = None
    try:
        reference = _hand_over(providers, claimed)
    except DeliveryError as exc:
        error = exc
    except Exception as exc:  # a bug must not pin this row at the head of the queue: back off like an outage
        log.exception("delivery broke", extra={"communication_id": str(claimed.communication_id)})
        error = DeliveryError(f"Unexpected error: {exc!r}")
    with database.transaction(unscoped=True) as session:
        delivery = session.get(Delivery, claimed.communication_id, with_for_update=True)
        comm = session.get(Communication, claimed.communication_id)
        if error is not None:
            _failed_attempt(session, policy, comm, delivery, error, now)
            return True
        delivery.state, delivery.last_error, delivery.withheld = "done", None, None
        comm.status, comm.failure_reason, comm.provider_ref = SENT, None, reference or None
        session.flush()
        emit(session, publishing.communication_logged(comm), account_id=comm.account_id)
        log.info("message sent", extra={"communication_id": str(comm.id), "channel": comm.channel,
                                        "attempts": delivery.attempts})
        return True


def _failed_attempt(session: Session, policy: RetryPolicy, comm: Communication, delivery: Delivery,
                    error: DeliveryError, now: dt.datetime) -> None:
    delivery.last_error = error.reason
    if policy.gives_up(delivery.attempts, error):
        delivery.state, delivery.withheld = "done", None
        comm.status, comm.failure_reason = FAILED, error.reason
        log.warning("message failed", extra={"communication_id": str(comm.id), "reason": error.reason})
    else:
        delivery.next_attempt_at = now + policy.delay(delivery.attempts)
        # Queued again, and the reason of the last try shown, so the office sees why it waits.
        comm.status, comm.failure_reason, comm.next_attempt_at = QUEUED, error.reason, delivery.next_attempt_at
        log.info("delivery will be retried", extra={"communication_id": str(comm.id), "reason": error.reason,
                                                    "next_attempt_at": delivery.next_attempt_at.isoformat()})
    session.flush()


def backlog(database: Database, *, now: dt.datetime) -> dict:
    """For /readyz: how many messages wait, and how late the most overdue one is at ``now``."""
    with database.engine.connect() as connection:
        waiting, oldest_due = connection.execute(text(
            "SELECT count(*), min(next_attempt_at) FROM deliveries WHERE state = 'pending'")).one()
    late = (now - oldest_due).total_seconds() if oldest_due else 0.0
    return {"pending_deliveries": waiting, "most_overdue_seconds": round(max(late, 0.0), 1)}
