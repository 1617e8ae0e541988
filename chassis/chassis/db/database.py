"""The process's engine and its session factory, made at start (never at import time, which forks badly)."""
from __future__ import annotations

import contextlib
import logging
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.orm import Session, configure_mappers, sessionmaker

log = logging.getLogger(__name__)


# A pooled connection idle this long is pinged before use; one used more recently is not. A ping on every
# checkout (pool_pre_ping) is a round trip per request, and a busy service's connections are never stale.
PING_AFTER_IDLE_SECONDS = 10.0
# A process that is no web worker (relay, consumer, a command) works in a thread or two.
DEFAULT_POOL_SIZE = 4


class Database:
    def __init__(self, url: str, *, pool_size: int = DEFAULT_POOL_SIZE, service: str = "",
                 ping_after_idle_seconds: float = PING_AFTER_IDLE_SECONDS):
        self.url = url
        self.service = service
        # Overflow as large as the pool: a thread may hold its unit of work's connection while it reads a row outside
        # it (``read_one``), so a worker's threads may need two connections each at most.
        # hide_parameters: a statement's parameters (a note's text, an email) never appear in an error's message.
        self.engine: Engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size, future=True,
                                            hide_parameters=True)
        _ping_idle_connections(self.engine, ping_after_idle_seconds)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Called with each statement ``read_one`` sends, which passes SQLAlchemy's execution events by
        # (chassis.testing.statements counts them with the rest).
        self.raw_statement_listeners: list[Callable[[str], None]] = []

    def session(self, *, account_id: uuid.UUID | None = None, unscoped: bool = False) -> Session:
        return self._sessions(info={"account_id": account_id, "unscoped": unscoped, "service": self.service})

    @contextlib.contextmanager
    def transaction(self, *, account_id: uuid.UUID | None = None, unscoped: bool = False) -> Iterator[Session]:
        """A unit of work: commits when the block ends normally, rolls back as a whole when it raises."""
        session = self.session(account_id=account_id, unscoped=unscoped)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def read_one(self, sql: str, parameters: Mapping[str, Any]) -> tuple | None:
        """The first row of one statement, run outside any transaction through the driver's own cursor.

        ``sql`` is written in the driver's parameter style (``%(name)s``). It is for the one read that answers most
        requests, the stored part's lookup, where SQLAlchemy's Core costs more than the statement it sends
        (bench/README.md, "Figures behind choices"); it is not a second way to query.

        The connection is the pool's own, switched to autocommit for the statement and back before it returns:
        psycopg keeps that switch on the client, so it costs no round trip, and the one statement sends no BEGIN
        and leaves nothing to roll back; a second pool kept for such reads would hold connections of its own.
        """
        connection = self.engine.raw_connection()
        driver = connection.dbapi_connection
        cursor = None
        try:
            driver.autocommit = True
            # Results in binary: a stored part's body then crosses as its bytes, not as hex text twice its size that
            # the server encodes and the driver decodes.
            cursor = driver.cursor(binary=True)
            for listener in self.raw_statement_listeners:
                listener(sql)
            cursor.execute(sql, parameters)
            return cursor.fetchone()
        except self.engine.dialect.loaded_dbapi.Error as error:
            # As Core would: a connection that broke is not handed out again, and callers see SQLAlchemy's errors.
            gone = self.engine.dialect.is_disconnect(error, driver, cursor)
            if gone:
                connection.invalidate(error)
            raise DBAPIError.instance(sql, parameters, error, self.engine.dialect.loaded_dbapi.Error,
                                      hide_parameters=True, connection_invalidated=gone,
                                      dialect=self.engine.dialect) from error
        finally:
            if cursor is not None:
                cursor.close()
            _back_to_transactions(connection)
            connection.close()

    def warm(self) -> None:
        """Does at start what the first request would otherwise pay for: mapper configuration and a first
        connection.

        Each gunicorn worker builds its app after the fork, so this runs once per worker, before it serves.
        A database that is down is not an error here: readiness reports it, and requests reconnect.
        """
        configure_mappers()
        try:
            self.ping()
        except OperationalError as exc:
            log.warning("database not reachable at start", extra={"error": str(exc).splitlines()[0]})

    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()


def _back_to_transactions(connection) -> None:
    """Hands ``read_one``'s connection back as the pool lent it: a connection left in autocommit would make the next
    unit of work on it commit statement by statement. One that cannot be switched back (it broke) is dropped."""
    if connection.dbapi_connection is None:  # invalidated above
        return
    try:
        connection.dbapi_connection.autocommit = False
    except Exception as error:  # any driver error here means the connection is unusable
        connection.invalidate(error)


def _ping_idle_connections(engine: Engine, idle_seconds: float) -> None:
    """Pessimistic disconnect handling, only for connections that sat idle (SQLAlchemy's checkout-event
    pattern): a dead one raises DisconnectionError, and the pool discards it and connects again."""

    @event.listens_for(engine, "checkin")
    def _note_return(_dbapi_connection, record):
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection, record, _proxy):
        returned_at = record.info.get("returned_at")
        if returned_at is None or time.monotonic() - returned_at < idle_seconds:
            return  # new, or in use a moment ago
        try:
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            dbapi_connection.rollback()
        except Exception as exc:  # any driver error here means the connection is gone
            raise DisconnectionError(str(exc)) from exc
