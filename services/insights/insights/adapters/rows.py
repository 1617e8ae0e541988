"""Upserts for the projection: take the row an event is about, creating it when the event is the first heard of it."""
from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session


def locked(session: Session, model, values: dict):
    """The row keyed by ``values`` (inserted from them when missing), locked until the transaction ends.

    The lock serialises two consumers applying events about the same entity at once.
    """
    key = {column.key: values[column.key] for column in inspect(model).primary_key}
    session.execute(insert(model).values(**values).on_conflict_do_nothing())
    return session.get(model, key, with_for_update=True, populate_existing=True)


def insert_once(session: Session, model, values: dict) -> None:
    """Facts that never change once told (a payment, a statement request): a repeat adds nothing."""
    session.execute(insert(model).values(**values).on_conflict_do_nothing())
