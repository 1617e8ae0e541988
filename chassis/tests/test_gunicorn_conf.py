"""The web process's gunicorn settings, shared by every service."""
import importlib
import os

from chassis import gunicorn_conf
from chassis.settings import Settings


def test_workers_keep_connections_alive_and_their_heartbeat_in_memory_where_the_machine_has_it():
    assert gunicorn_conf.worker_class == "gthread" and gunicorn_conf.keepalive > 0
    assert gunicorn_conf.worker_tmp_dir == ("/dev/shm" if os.path.isdir("/dev/shm") else None)


def test_a_worker_runs_as_many_threads_as_its_database_pool_is_sized_to(monkeypatch):
    monkeypatch.setenv("WEB_THREADS", "5")
    try:
        assert importlib.reload(gunicorn_conf).threads == 5 == Settings.from_env("toy").web_threads
    finally:
        monkeypatch.undo()
        importlib.reload(gunicorn_conf)
