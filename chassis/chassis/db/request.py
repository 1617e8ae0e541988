"""One session per HTTP request, committed only when the response is a success."""
from __future__ import annotations

import uuid

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from chassis.auth import current_principal


def request_session(*, account_id: uuid.UUID | None = None) -> Session:
    """The request's session, scoped to the caller's account (or to ``account_id`` on a public route)."""
    session = g.get("db_session")
    if session is None:
        database = current_app.extensions["fieldwork"].database
        scope = account_id if account_id is not None else current_principal().account_id
        session = g.db_session = database.session(account_id=scope)
    return session


def install(app: Flask) -> None:
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
        session = g.pop("db_session", None)
        if session is not None:
            session.rollback()
            session.close()
