"""Reading one record a request names: found in the caller's account, or the domain's "no such" error."""
from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from chassis.errors import NotFound

Row = TypeVar("Row")


def found(session: Session, model: type[Row], key: Any, what: str, **options: Any) -> Row:
    """The ``model`` row whose primary key is ``key`` (``options`` as ``Session.get`` takes them, e.g.
    ``with_for_update=True``), or NotFound("No such <what>."): another account's row is not found either, since the
    session is scoped to the caller's account."""
    row = session.get(model, key, **options)
    if row is None:
        raise NotFound(f"No such {what}.")
    return row
