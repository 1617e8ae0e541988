"""The process's engine and its session factory, made at start (never at import time, which forks badly)."""
from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, configure_mappers, sessionmaker

log = logging.getLogger(__name__)


class Database:
    def __init__(self, url: str, *, pool_size: int = 4, service: str = ""):
        self.url = url
        self.service = service
        self.engine: Engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True,
                                            future=True)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

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

    def warm(self) -> None:
        """Does at start what the first request would otherwise pay for: mapper configuration and a connection.

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
