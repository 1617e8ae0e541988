"""Calls, texts and emails the providers tell us about: stored once, matched to a customer or left unmatched."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from comms.adapters.orm import Communication, SmsThread
from comms.service_layer import contacts
from comms.service_layer.commands import Inbound
from comms.service_layer.recording import record
from comms.service_layer.threads import touch_thread


def receive(session: Session, report: Inbound) -> tuple[Communication, bool]:
    """Stores ``report`` and returns it with True; a report the provider sent before returns the stored one and
    False."""
    existing = session.scalars(select(Communication).where(
        Communication.channel == report.channel, Communication.provider_ref == report.provider_ref)).first()
    if existing is not None:
        return existing, False
    customer_id = contacts.match(session, report.counterpart_kind, report.counterpart) \
        or _assigned_conversation(session, report)
    thread_id = None
    if report.channel == "sms" and report.counterpart:
        thread_id = touch_thread(session, report.counterpart, customer_id, report.occurred_at, report.body).id
    comm = Communication(
        customer_id=customer_id, channel=report.channel, direction=report.direction,
        handled_by_kind=report.handled_by.kind, handled_by_id=report.handled_by.id,
        handled_by_name=report.handled_by.name, from_address=report.from_address, to_address=report.to_address,
        subject=report.subject, body=report.body, duration_seconds=report.duration_seconds,
        recording_url=report.recording_url, transcript=report.transcript, status=report.status,
        thread_id=thread_id, occurred_at=report.occurred_at, provider_ref=report.provider_ref,
    )
    return record(session, comm), True


def _assigned_conversation(session: Session, report: Inbound) -> uuid.UUID | None:
    """The customer someone gave this number's text conversation to (in the unmatched inbox), if anyone.

    A number nobody has on file stays unknown to matching; once a person assigned its conversation, the next
    text or call from it belongs with the same customer instead of landing in the inbox again. A number that
    several customers have on file is still left for a person: the conversation's owner may not be the caller."""
    if report.counterpart_kind != contacts.PHONE or not report.counterpart:
        return None
    if contacts.on_file(session, contacts.PHONE, report.counterpart):
        return None
    return session.scalars(select(SmsThread.customer_id).where(
        SmsThread.counterpart == report.counterpart, SmsThread.customer_id.is_not(None))).first()
