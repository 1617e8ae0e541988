"""The process's database: warmed at start so that a worker's first request costs what every other does."""
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from chassis.db import Database
from chassis.testing.processes import free_port


def test_a_new_app_has_a_connection_waiting_in_its_pool(app):
    pool = app.extensions["fieldwork"].database.engine.pool
    assert pool.checkedin() == 1 and pool.checkedout() == 0


def test_warming_with_the_database_down_leaves_the_worker_able_to_start():
    database = Database(f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/nothing_here")
    try:
        database.warm()  # no exception: readiness reports the database, requests reconnect
        assert database.engine.pool.checkedin() == 0
    finally:
        database.dispose()


def _backend_pid(database: Database) -> int:
    with database.engine.connect() as connection:
        return connection.execute(text("SELECT pg_backend_pid()")).scalar_one()


def _terminate(app, pid: int) -> None:
    """Ends a backend from another pool, as a database restart or an idle timeout would."""
    with app.extensions["fieldwork"].database.engine.connect() as admin:
        admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})


def test_a_pooled_connection_that_died_while_idle_is_replaced_before_use(app):
    database = Database(app.extensions["fieldwork"].database.url, ping_after_idle_seconds=0)
    try:
        first = _backend_pid(database)
        _terminate(app, first)
        assert _backend_pid(database) != first  # no error reached the caller
    finally:
        database.dispose()


def test_a_connection_used_a_moment_ago_is_not_pinged(app):
    # The trade made for speed: a connection back in the pool for less than the idle time is trusted, so
    # one killed within that window fails its next statement (and the pool then replaces it).
    database = Database(app.extensions["fieldwork"].database.url, ping_after_idle_seconds=3600)
    try:
        first = _backend_pid(database)
        _terminate(app, first)
        with pytest.raises(OperationalError):
            _backend_pid(database)
        assert _backend_pid(database) != first
    finally:
        database.dispose()
