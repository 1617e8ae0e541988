"""Account scoping that makes an unscoped query hard to write.

Every ORM statement that touches a ``Tenanted`` entity gets ``account_id = <session's account>``
added by SQLAlchemy itself (``with_loader_criteria``), and new rows get the session's account.
A session with no account refuses such statements unless it was opened ``unscoped=True`` on
purpose (relays, schedulers and other cross-account maintenance work).
"""
from __future__ import annotations

import uuid

from sqlalchemy import Table, Uuid, event
from sqlalchemy.sql import visitors
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column, with_loader_criteria


class UnscopedQuery(RuntimeError):
    """A query over account-owned rows from a session that has no account."""


class Tenanted:
    """Mixin for every account-owned table."""

    account_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True, nullable=False)


def tenanted_tables() -> set[Table]:
    """The tables of every account-owned model (computed per call: models may be defined after import)."""
    tables, pending = set(), list(Tenanted.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        table = getattr(cls, "__table__", None)
        if table is not None:
            tables.add(table)
    return tables


def _touches_tenanted(state: ORMExecuteState) -> bool:
    """Whether any table the statement reads is account-owned, wherever it appears (columns, FROM, joins,
    subqueries): ``select(func.count()).select_from(Model)`` names no entity among its columns."""
    if any(issubclass(mapper.class_, Tenanted) for mapper in state.all_mappers):
        return True
    tenanted = tenanted_tables()
    return any(element in tenanted for element in visitors.iterate(state.statement) if isinstance(element, Table))


@event.listens_for(Session, "do_orm_execute")
def _scope_to_account(state: ORMExecuteState) -> None:
    if not (state.is_select or state.is_update or state.is_delete):
        return
    info = state.session.info
    account_id = info.get("account_id")
    if account_id is None:
        if info.get("unscoped") or not _touches_tenanted(state):
            return
        raise UnscopedQuery("This session has no account; open it with account_id=… or unscoped=True.")
    # Added to every statement, not only those whose columns name an account-owned entity: SQLAlchemy
    # applies it wherever such an entity appears (FROM, joins, subqueries) and nowhere else.
    state.statement = state.statement.options(
        with_loader_criteria(Tenanted, lambda cls: cls.account_id == account_id, include_aliases=True)
    )


@event.listens_for(Session, "before_flush")
def _stamp_account(session: Session, _flush_context, _instances) -> None:
    account_id = session.info.get("account_id")
    for obj in session.new:
        if not isinstance(obj, Tenanted):
            continue
        if obj.account_id is None:
            if account_id is None:
                raise UnscopedQuery(f"{type(obj).__name__} needs an account_id.")
            obj.account_id = account_id
        elif account_id is not None and obj.account_id != account_id:
            raise UnscopedQuery(f"{type(obj).__name__} belongs to another account than this session.")
