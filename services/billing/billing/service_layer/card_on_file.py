"""A customer's card on file: the processor's token and what may be shown of the card, never its number."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict

from sqlalchemy.orm import Session

from billing.adapters import queries
from billing.adapters.orm import CardOnFile
from billing.domain.cards import card_expired
from billing.service_layer.commands import KeepCard
from chassis.errors import field_error


def keep_card(session: Session, customer_id: uuid.UUID, command: KeepCard, *, now: dt.datetime) -> CardOnFile:
    """Keeps the customer's card, in place of the one kept before if any; one expired by ``now`` is refused."""
    if card_expired(command.exp_month, command.exp_year, today=queries.day_of(now)):
        raise field_error("exp_year", "The card has expired.")
    card = queries.card_if_any(session, customer_id)
    if card is None:
        card = CardOnFile(customer_id=customer_id, **asdict(command), updated_at=now)
        session.add(card)
    else:
        for name, value in asdict(command).items():
            setattr(card, name, value)
        card.updated_at = now
    session.flush()
    return card


def forget_card(session: Session, customer_id: uuid.UUID) -> None:
    session.delete(queries.card_on_file(session, customer_id))
