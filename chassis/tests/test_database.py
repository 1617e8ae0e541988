"""The process's database: warmed at start so that a worker's first request costs what every other does."""
import threading

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError, OperationalError

from chassis.app import create_app
from chassis.db import Database
from chassis.testing.processes import free_port
from toy_service.service import SPEC


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


@pytest.fixture
def dispose_after():
    """Keeps each Database a test makes for itself, to dispose of once the test ends."""
    made: list[Database] = []

    def keep(database: Database) -> Database:
        made.append(database)
        return database

    yield keep
    for database in made:
        database.dispose()


@pytest.fixture
def own_database(app, dispose_after):
    """A Database of the test's own on the app's database, with the options the test names."""
    return lambda **options: dispose_after(Database(app.extensions["fieldwork"].database.url, **options))


@pytest.fixture
def web_worker(app, dispose_after):
    """The Database of a web worker with the threads the test names, as the app factory makes it."""

    def make(threads: int) -> Database:
        worker = create_app(SPEC, app.extensions["fieldwork"].settings.with_(web_threads=threads), migrate=False)
        return dispose_after(worker.extensions["fieldwork"].database)

    return make


def test_a_pooled_connection_that_died_while_idle_is_replaced_before_use(app, own_database):
    database = own_database(ping_after_idle_seconds=0)
    first = _backend_pid(database)
    _terminate(app, first)
    assert _backend_pid(database) != first  # no error reached the caller


def test_a_connection_used_a_moment_ago_is_not_pinged(app, own_database):
    # The trade made for speed: a connection back in the pool for less than the idle time is trusted, so
    # one killed within that window fails its next statement (and the pool then replaces it).
    database = own_database(ping_after_idle_seconds=3600)
    first = _backend_pid(database)
    _terminate(app, first)
    with pytest.raises(OperationalError):
        _backend_pid(database)
    assert _backend_pid(database) != first


def _together(threads: int, work) -> list[Exception]:
    """Runs ``work(barrier)`` on ``threads`` threads that meet at the barrier; what any of them raised (a thread's
    failure must fail the test, not vanish with the thread)."""
    all_together = threading.Barrier(threads)
    failures = []

    def run():
        try:
            work(all_together)
        except Exception as exc:
            failures.append(exc)

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return failures


def test_a_web_worker_opens_no_more_connections_than_it_has_threads_however_long_they_work(web_worker):
    # Bursts of requests, one per thread, with a quiet moment between them (as the workspace's fan-out comes): a
    # pool that keeps fewer connections than the threads closes the others while all are idle, and opens them
    # again at the next burst, a backend fork each time.
    threads = 6
    database = web_worker(threads)
    opened = [database.engine.pool.checkedin()]  # warmed at start
    event.listen(database.engine, "connect", lambda *_: opened.append(1))

    def serve_bursts(all_together):
        for _ in range(5):
            with database.transaction() as session:
                session.execute(text("SELECT 1"))
                all_together.wait(timeout=10)  # every thread holds a connection
            all_together.wait(timeout=10)  # every connection is back in the pool

    assert _together(threads, serve_bursts) == [] and sum(opened) <= threads


def _connections_to(app) -> int:
    with app.extensions["fieldwork"].database.engine.connect() as admin:
        return admin.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")).scalar()


def test_a_web_workers_reads_and_units_of_work_share_its_connections(app, web_worker):
    # Bursts of stored-part reads, then bursts of transactions, one per thread: a pool of their own for the reads
    # kept a second connection a thread open beside the first.
    threads = 4
    before = _connections_to(app)
    database = web_worker(threads)

    def reads_then_transactions(all_together):
        for _ in range(3):
            database.read_one("SELECT pg_sleep(0.05)", {})
            all_together.wait(timeout=10)
        for _ in range(3):
            with database.transaction() as session:
                session.execute(text("SELECT pg_sleep(0.05)"))
            all_together.wait(timeout=10)

    assert _together(threads, reads_then_transactions) == [] and _connections_to(app) - before <= threads


def _xact_status(database: Database, xid: str) -> str:
    [status] = database.read_one("SELECT pg_xact_status(%(xid)s::xid8)", {"xid": xid})
    return status


def _rolled_back_work(database: Database) -> tuple[int, str]:
    """The backend and the outcome of a unit of work that writes (it takes a transaction id) and is rolled back: one
    that ran in autocommit has committed whatever the rollback says."""
    session = database.session()
    try:
        pid, xid = session.execute(text("SELECT pg_backend_pid(), pg_current_xact_id()::text")).one()
        session.rollback()
    finally:
        session.close()
    return pid, _xact_status(database, xid)


def test_a_read_outside_transactions_sends_no_begin_and_hands_its_connection_back_transactional(app, own_database):
    database = own_database(pool_size=1)
    reader, xid = database.read_one("SELECT pg_backend_pid(), pg_current_xact_id()::text", {})
    # Committed with its statement: a BEGIN before it would have held it open until the pool rolled it back.
    assert _xact_status(database, xid) == "committed"
    assert _rolled_back_work(database) == (reader, "aborted")


def test_a_read_that_fails_still_hands_its_connection_back_transactional(app, own_database):
    database = own_database(pool_size=1)
    [reader] = database.read_one("SELECT pg_backend_pid()", {})
    with pytest.raises(DBAPIError):
        database.read_one("SELECT 1 / 0", {})
    assert _rolled_back_work(database) == (reader, "aborted")


def test_a_read_on_a_connection_that_died_fails_once_and_the_next_gets_a_new_one(app, own_database):
    database = own_database(ping_after_idle_seconds=3600)
    [first] = database.read_one("SELECT pg_backend_pid()", {})
    _terminate(app, first)
    with pytest.raises(OperationalError):  # SQLAlchemy's error, as a read through Core would raise
        database.read_one("SELECT pg_backend_pid()", {})
    assert database.read_one("SELECT pg_backend_pid()", {}) != (first,)


def test_a_read_connection_that_died_while_idle_is_replaced_before_use(app, own_database):
    database = own_database(ping_after_idle_seconds=0)
    [first] = database.read_one("SELECT pg_backend_pid()", {})
    _terminate(app, first)
    assert database.read_one("SELECT pg_backend_pid()", {}) != (first,)


def test_autogenerate_leaves_the_chassis_tables_out_but_not_a_service_table_of_the_same_name():
    from sqlalchemy import Column, Integer, MetaData, Table

    from chassis.migrations import compared_tables

    own = MetaData()
    Table("merges", own, Column("id", Integer, primary_key=True))  # as the customers service owns one
    included = compared_tables(own)
    assert included(None, "merges", "table") and included(None, "customers", "table")
    others = compared_tables(MetaData())
    assert not others(None, "merges", "table") and not others(None, "outbox", "table")
    assert others(None, "outbox_position", "index")
