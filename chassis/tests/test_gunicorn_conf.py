"""The web process's gunicorn settings, shared by every service."""
import os

from chassis import gunicorn_conf


def test_workers_keep_connections_alive_and_their_heartbeat_in_memory_where_the_machine_has_it():
    assert gunicorn_conf.worker_class == "gthread" and gunicorn_conf.keepalive > 0
    assert gunicorn_conf.worker_tmp_dir == ("/dev/shm" if os.path.isdir("/dev/shm") else None)
