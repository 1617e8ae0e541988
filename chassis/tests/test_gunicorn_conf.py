"""The web process's gunicorn settings, shared by every service."""
import importlib
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from chassis import gunicorn_conf
from chassis.settings import Settings
from chassis.testing.processes import free_port

GUNICORN = Path(sys.executable).parent / "gunicorn"
# Answers which parser read the request it is answering: gunicorn decides it as it parses the first request.
PARSER_APP = '''
from gunicorn.http import message

def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [repr(message._fast_parser_module).encode()]
'''


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


def _gunicorn(tmp_path, *args, **env) -> subprocess.Popen:
    (tmp_path / "parser_app.py").write_text(PARSER_APP)
    environment = {**os.environ, "WEB_CONCURRENCY": "1", "WEB_THREADS": "1", **env}
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tmp_path), environment.get("PYTHONPATH")]))
    return subprocess.Popen([str(GUNICORN), "-c", "python:chassis.gunicorn_conf", *args, "parser_app:application"],
                            env=environment, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def test_requests_are_parsed_by_gunicorns_c_parser_and_no_control_socket_is_opened(tmp_path):
    port = free_port()
    home = tmp_path / "home"
    home.mkdir()
    server = _gunicorn(tmp_path, PORT=str(port), HOME=str(home), XDG_RUNTIME_DIR=str(home))
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    assert b"gunicorn_h1c" in response.read()
                    break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, server.stdout.read().decode()
                time.sleep(0.1)
        # Serving: a control socket would be bound by now, at its default path under HOME or XDG_RUNTIME_DIR.
        assert list(home.rglob("*.ctl")) == []
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_without_gunicorns_c_parser_the_web_process_does_not_start(tmp_path):
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    (hidden / "gunicorn_h1c.py").write_text('raise ImportError("gunicorn_h1c is not installed")\n')
    server = _gunicorn(tmp_path, "--check-config", PYTHONPATH=str(hidden))
    output, _ = server.communicate(timeout=60)
    assert server.returncode != 0 and b"gunicorn_h1c is not installed" in output, output.decode()


def test_gunicorns_own_lines_take_the_form_the_environment_asks_for(tmp_path):
    port = free_port()
    server = _gunicorn(tmp_path, PORT=str(port), FIELDWORK_LOG_FORMAT="console", FIELDWORK_LOG_COLOR="0",
                       FIELDWORK_PROCESS_NAME="toy-web")
    try:
        lines = []
        while not any("Booting worker" in line for line in lines):
            line = server.stdout.readline().decode()
            assert line, "".join(lines)
            lines.append(line)
    finally:
        server.terminate()
        server.wait(timeout=30)
    # the console's line: time, level, process, message (and no gunicorn "[date] [pid] [INFO]" prefix)
    assert all(re.fullmatch(r"\d\d:\d\d:\d\d\.\d{3} INFO  toy-web \S.*\n", line) for line in lines), lines
    assert any("Starting gunicorn" in line for line in lines), lines
