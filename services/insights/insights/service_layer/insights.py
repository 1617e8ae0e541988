"""A customer's insights: the rule cards always, and the model's advice when OpenAI is connected."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from chassis.activity import api_link
from chassis.db import Database
from chassis.db.part_store import earliest
from chassis.errors import NotFound
from insights.adapters.openai_advisor import AdvisorUnavailable, OpenAIAdvisor
from insights.adapters.orm import AIAnswer
from insights.adapters.queries import stable_until
from insights.adapters.read_state import ReadState, read_state
from insights.adapters.secrets import SecretBox, SecretUnreadable
from insights.domain.advice import grounded
from insights.domain.fact_sheet import build_fact_sheet, fact_ids, sheet_hash
from insights.domain.rules import cards_change_at, rule_cards
from insights.domain.thresholds import Thresholds
from insights.service_layer import settings
from insights.service_layer.customer_facts import customer_facts

CONNECT_HINT = {
    "message": "Connect OpenAI in Settings → Integrations to get a summary and next best actions.",
    "connect": {"method": "PUT", "href": api_link("/settings/integrations/openai"), "permission": "settings:edit",
                "body": {"api_key": "sk-…", "model": settings.DEFAULT_MODEL}},
}
_UNAVAILABLE_MESSAGES = {
    "timeout": "OpenAI did not answer in time; the rule cards above still apply.",
    "error": "OpenAI answered with an error; the rule cards above still apply.",
    "invalid_answer": "OpenAI's answer could not be used; the rule cards above still apply.",
    "key_unreadable": "The stored OpenAI key cannot be read any more; enter it again in Settings → Integrations.",
    "not_ready": "No answer for the current facts yet; ask for the insights without ai=cached to get one.",
}


@dataclass
class InsightsContext:
    database: Database
    secrets: SecretBox
    advisor: OpenAIAdvisor


def _unavailable(reason: str) -> dict:
    return {"status": "unavailable", "reason": reason, "message": _UNAVAILABLE_MESSAGES[reason]}


@dataclass(frozen=True)
class _Read:
    answer: dict    # everything but the AI part
    sheet: dict     # what the model is (or would be) told
    stored: ReadState
    changes_at: dt.datetime | None  # when time alone changes ``answer`` (and the sheet)


def _read(session: Session, customer_id: uuid.UUID, now: dt.datetime) -> _Read:
    stored = read_state(session, customer_id, now)
    facts = customer_facts(session, customer_id, now, stored.snapshot)
    if facts is None:
        raise NotFound("No such customer.")
    limits = Thresholds.from_stored(stored.thresholds)
    cards = rule_cards(facts, limits, now)
    sheet = build_fact_sheet(facts, cards, now)
    # The facts shown are exactly what the model is (or would be) told.
    answer = {"customer_id": str(customer_id), "as_of": now, "cards": [card.as_dict() for card in cards],
              "facts": {key: value for key, value in sheet.items() if key != "rule_cards"}}
    # The facts hold until midnight at the latest, which is also when the sheet's days (and "today", so the
    # cached AI answer's hash) turn; the cards may turn earlier.
    return _Read(answer, sheet, stored, earliest([stable_until(facts, now), cards_change_at(facts, limits, now)]))


def _from_store(read: _Read) -> dict | None:
    """The AI part when it needs no model call: not connected, or a cached answer for exactly these facts."""
    connection, cached = read.stored.openai, read.stored.ai_answer
    if connection is None:
        return {"status": "not_configured", **CONNECT_HINT}
    if cached is not None and cached.input_hash == sheet_hash(read.sheet, connection.model):
        return {**cached.answer, "cached": True}
    return None


def cached_insights(session: Session, customer_id: uuid.UUID, *,
                    now: dt.datetime) -> tuple[dict, dt.datetime | None]:
    """The insights without waiting for the model (the workspace's), and the first moment time alone changes them.

    Reads only: the model is never asked and nothing is written but the facts' snapshot, so the answer can be
    stored (``as_of`` is then when it was worked out; it holds unchanged until the moment returned or a write).
    """
    read = _read(session, customer_id, now)
    return {**read.answer, "ai": _from_store(read) or _unavailable("not_ready")}, read.changes_at


def customer_insights(ctx: InsightsContext, account_id: uuid.UUID, customer_id: uuid.UUID, *,
                      now: dt.datetime) -> dict:
    """The cards and the AI part, asking the model when no answer for these facts is cached."""
    with ctx.database.transaction(account_id=account_id) as session:
        read = _read(session, customer_id, now)
        answer = read.answer
        ai = _from_store(read)
        if ai is not None:
            return {**answer, "ai": ai}
        connection, sheet = read.stored.openai, read.sheet
        digest, model = sheet_hash(sheet, connection.model), connection.model
        try:
            api_key = ctx.secrets.open(connection.encrypted_key)
        except SecretUnreadable:
            return {**answer, "ai": _unavailable("key_unreadable")}
    # No transaction is held open while the model thinks.
    try:
        advice = grounded(ctx.advisor.advise(api_key, model, sheet), fact_ids(sheet))
    except AdvisorUnavailable as exc:
        return {**answer, "ai": _unavailable(exc.reason)}
    ai = {"status": "ok", "model": model, "generated_at": now.isoformat(), **advice.as_dict()}
    with ctx.database.transaction(account_id=account_id) as session:
        stmt = insert(AIAnswer).values(account_id=account_id, customer_id=customer_id, input_hash=digest, answer=ai,
                                       created_at=now)
        session.execute(stmt.on_conflict_do_update(index_elements=[AIAnswer.customer_id, AIAnswer.account_id],
                                                   set_={"input_hash": digest, "answer": ai, "created_at": now}))
    return {**answer, "ai": {**ai, "cached": False}}
