"""The process's database: warmed at start so that a worker's first request costs what every other does."""
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
