"""One session per HTTP request, committed only when the response is a success; a request whose transaction lost
a deadlock or a serialization conflict is run again whole."""
from __future__ import annotations

import logging
import uuid

from flask import Flask, current_app, g, request
from sqlalchemy.orm import Session

from chassis.auth import current_principal
from chassis.errors import Unavailable

log = logging.getLogger(__name__)

# A request and a consumer writing the same customer can take the same rows in opposite orders; PostgreSQL then
# cancels one of them. Running the loser again is the standard answer: it then waits for the winner and succeeds.
ATTEMPTS = 3


def request_session(*, account_id: uuid.UUID | None = None) -> Session:
    """The request's session, scoped to the caller's account (or to ``account_id`` on a public route)."""
    session = g.get("db_session")
    if session is None:
        database = current_app.extensions["fieldwork"].database
        scope = account_id if account_id is not None else current_principal().account_id
        session = g.db_session = database.session(account_id=scope)
    return session


def lost_to_another_transaction(exc: BaseException) -> bool:
    """A deadlock (40P01) or a serialization failure (40001): the transaction may succeed if run again."""
    return getattr(getattr(exc, "orig", exc), "sqlstate", None) in ("40001", "40P01")


def _discard_session() -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.rollback()
        session.close()


def _run_again_when_a_transaction_loses(app: Flask) -> None:
    dispatch = app.dispatch_request

    def dispatch_with_retries():
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return dispatch()
            except Exception as exc:
                if not lost_to_another_transaction(exc):
                    raise
                _discard_session()
                if attempt == ATTEMPTS:
                    raise Unavailable("The records were busy with other changes: try again.") from exc
                log.warning("transaction lost to another, request run again", extra={"attempt": attempt})
                for upload in request.files.values():  # an upload is read again from its start
                    upload.stream.seek(0)

    app.dispatch_request = dispatch_with_retries


def install(app: Flask) -> None:
    _run_again_when_a_transaction_loses(app)

    @app.after_request
    def _finish_unit_of_work(response):
        session = g.pop("db_session", None)
        if session is not None:
            try:
                if response.status_code < 400:
                    session.commit()
                else:
                    session.rollback()
            finally:
                session.close()
        return response

    @app.teardown_request
    def _close_on_error(_exc):
        _discard_session()
