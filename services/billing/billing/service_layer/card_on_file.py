"""A customer's card on file: the processor's token and what may be shown of the card, never its number."""
from __future__ import annotations

import uuid
from dataclasses import asdict

from sqlalchemy.orm import Session

from billing.adapters import queries
from billing.adapters.orm import CardOnFile
from billing.service_layer.commands import KeepCard


def keep_card(session: Session, customer_id: uuid.UUID, command: KeepCard) -> CardOnFile:
    """Keeps the customer's card, in place of the one kept before if any."""
    card = session.get(CardOnFile, customer_id)
    if card is None:
        card = CardOnFile(customer_id=customer_id, **asdict(command))
        session.add(card)
    else:
        for name, value in asdict(command).items():
            setattr(card, name, value)
    session.flush()
    return card


def forget_card(session: Session, customer_id: uuid.UUID) -> None:
    session.delete(queries.card_on_file(session, customer_id))
