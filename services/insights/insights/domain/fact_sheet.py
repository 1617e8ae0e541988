"""What the model is told about a customer: facts only, no contact details, bounded whatever the history.

Long histories are summarised (counts and totals over everything) and only the most recent few
items of each kind are listed, so the sheet's size does not grow with the customer's history.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

from insights.domain.facts import Communication, CustomerFacts, Estimate, Invoice, Job, Review
from insights.domain.rules import Card

MAX_TEXT = 120
# Contact details never leave the system, even when someone typed them into a subject line.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_NUMBER_RUN = re.compile(r"\+?\(?\d[\d\s().-]{5,}\d")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _phone_or_same(match: re.Match) -> str:
    text = match.group(0)
    digits = sum(ch.isdigit() for ch in text)
    return "[number removed]" if digits >= 7 and not _DATE.fullmatch(text) else text


def scrub(text: str | None) -> str | None:
    if text is None:
        return None
    cleaned = _NUMBER_RUN.sub(_phone_or_same, _EMAIL.sub("[email removed]", text))
    return cleaned[:MAX_TEXT]


def _day(moment: dt.datetime | dt.date | None) -> str | None:
    if moment is None:
        return None
    return (moment.date() if isinstance(moment, dt.datetime) else moment).isoformat()


def _job(job: Job) -> dict:
    return {"id": str(job.id), "number": job.number, "title": scrub(job.title), "status": job.status,
            "scheduled": _day(job.scheduled_start), "completed": _day(job.completed_at),
            "total_cents": job.total_cents, "currency": job.currency}


def _estimate(estimate: Estimate, today: dt.date) -> dict:
    waited = (today - estimate.waiting_since.date()).days if estimate.waiting_since else None
    return {"id": str(estimate.id), "number": estimate.number, "title": scrub(estimate.title),
            "status": estimate.status, "days_waiting": waited, "total_cents": estimate.total_cents,
            "currency": estimate.currency}


def _invoice(invoice: Invoice, today: dt.date) -> dict:
    return {"id": str(invoice.id), "number": invoice.number, "due": _day(invoice.due_date),
            "days_past_due": (today - invoice.due_date).days, "open_cents": invoice.open_cents,
            "currency": invoice.currency}


def _communication(item: Communication) -> dict:
    return {"id": str(item.id), "channel": item.channel, "direction": item.direction, "status": item.status,
            "date": _day(item.occurred_at), "subject": scrub(item.subject)}


def _review(review: Review) -> dict:
    return {"id": str(review.id), "job": {"id": str(review.job_id), "number": review.job_number},
            "rating": review.rating, "comment": scrub(review.comment), "date": _day(review.received_at)}


def build_fact_sheet(facts: CustomerFacts, cards: list[Card], now: dt.datetime) -> dict:
    today = now.date()
    profile = facts.profile
    money = facts.money
    return {
        "today": today.isoformat(),
        "customer": {"id": str(profile.id), "number": profile.number, "name": scrub(profile.display_name),
                     "kind": profile.kind, "status": profile.status, "archived": profile.archived,
                     "customer_since": _day(profile.created_at)},
        "billing": None if money is None else {
            "currency": money.currency, "balance_cents": money.balance_cents,
            "total_billed_cents": money.total_billed_cents, "total_paid_cents": money.total_paid_cents,
            "lifetime_value_cents": money.lifetime_value_cents, "credit_cents": money.credit_cents,
            "open_invoices": facts.open_invoice_count, "payments": facts.payment_count,
            "last_payment": _day(facts.last_payment_at), "last_statement": _day(facts.last_statement_at)},
        "overdue": {"total_cents": facts.overdue.total_cents, "invoices": facts.overdue.count,
                    "oldest": [_invoice(i, today) for i in facts.overdue.oldest]},
        "jobs": {"by_status": dict(sorted(facts.jobs_by_status.items())),
                 "last_completed": facts.last_completed_job and _job(facts.last_completed_job),
                 "next_scheduled": facts.next_scheduled_job and _job(facts.next_scheduled_job),
                 "recent": [_job(j) for j in facts.recent_jobs]},
        "estimates": {"by_status": dict(sorted(facts.estimates_by_status.items())),
                      "waiting": facts.waiting_estimate_count,
                      "oldest_waiting": [_estimate(e, today) for e in facts.waiting_estimates]},
        "plans": {"by_status": dict(sorted(facts.plans_by_status.items())),
                  "soonest": [{"id": str(p.id), "name": scrub(p.name), "status": p.status,
                               "next_visit": _day(p.next_visit_at), "visit_booked": p.has_open_visit}
                              for p in facts.plans]},
        "communications": {"by_channel": dict(sorted(facts.communications_by_channel.items())),
                           "last_contact": facts.last_contact and _communication(facts.last_contact),
                           "recent": [_communication(c) for c in facts.recent_communications]},
        "latest_review": facts.latest_review and _review(facts.latest_review),
        "rule_cards": [{"kind": c.kind, "reason": c.reason, "facts": list(c.facts)} for c in cards],
    }


def fact_ids(sheet: dict) -> set[str]:
    """Every id the sheet names: the only ids a suggestion may cite."""
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "id" and isinstance(value, str):
                    found.add(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(sheet)
    return found


def sheet_hash(sheet: dict, model: str) -> str:
    """Same facts and model → same answer; any change to the read model changes the hash."""
    text = json.dumps({"model": model, "sheet": sheet}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()
