"""A service process comes up on the port it was given, though other processes on the machine ask for ports too.

Test stacks choose every port before starting anything (each service's URL goes into the others' environment),
so a port must stay the service's own from free_port() until the service has bound it, and while it is stopped.
The kernel chooses ports at random; a socket option (IP_LOCAL_PORT_RANGE, Linux 6.3+) narrows another socket's
choice to the one number under test, so the collision that happens now and then on a busy machine happens every time.
"""
from __future__ import annotations

import socket
import struct
import time

import pytest

from chassis.testing.processes import ServiceProcess, free_port, settings_env

IP_LOCAL_PORT_RANGE = getattr(socket, "IP_LOCAL_PORT_RANGE", 51)


def _given_only(port: int) -> socket.socket:
    """A socket the kernel can give no local port but ``port`` when it chooses one (bind to port 0, connect)."""
    sock = socket.socket()
    try:
        sock.setsockopt(socket.IPPROTO_IP, IP_LOCAL_PORT_RANGE, struct.pack("I", port << 16 | port))
    except OSError:
        sock.close()
        pytest.skip("the kernel cannot narrow a socket's port range (IP_LOCAL_PORT_RANGE needs Linux 6.3+)")
    return sock


def another_stacks_service(port: int) -> list[socket.socket]:
    """Another stack on the machine asks the kernel for a free port, is given this one, and its gunicorn listens."""
    sock = _given_only(port)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
    try:
        sock.bind(("0.0.0.0", 0))
        sock.listen()
    except OSError:  # the kernel had no port to give it
        sock.close()
        return []
    return [sock]


def an_outgoing_connection(port: int) -> list[socket.socket]:
    """Any connection out of the machine's processes (to PostgreSQL, say) takes a local port from the same range."""
    server = socket.create_server(("127.0.0.1", 0))
    client = _given_only(port)
    try:
        client.connect(server.getsockname())
    except OSError:
        client.close()
        return [server]
    return [server, client]


def a_process_binding_the_number(port: int) -> list[socket.socket]:
    """A process that learnt the number some other way binds it and listens (needs no kernel support to reproduce)."""
    sock = socket.socket()
    try:
        sock.bind(("0.0.0.0", port))
        sock.listen()
    except OSError:
        sock.close()
        return []
    return [sock]


def _answers_healthz(port: int) -> bool:
    """GET /healthz, then a reset instead of a close: the server's side of it then lingers in no TIME_WAIT state,
    which on its own would keep the port from being given out and hide the gap a stopped service leaves."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            return sock.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


@pytest.fixture(scope="module")
def customers_env(make_settings):
    return settings_env(make_settings("customers"))


@pytest.fixture
def squatters():
    held: list[socket.socket] = []
    yield held
    for sock in held:
        sock.close()


@pytest.mark.parametrize("squatter", [another_stacks_service, an_outgoing_connection, a_process_binding_the_number])
def test_a_service_answers_on_the_url_its_port_promised_though_others_ask_for_ports_before_it_binds(
        squatter, squatters, customers_env, tmp_path):
    port = free_port()
    url_in_the_others_env = f"http://127.0.0.1:{port}"
    squatters += squatter(port)
    process = ServiceProcess("customers", "web", customers_env, port=port, log_dir=tmp_path)
    try:
        process.start().wait_ready(60)
        assert process.url == url_in_the_others_env
        assert _answers_healthz(port)
    finally:
        process.stop()


def test_a_stopped_service_comes_back_on_its_url_though_another_stack_starts_meanwhile(
        squatters, customers_env, tmp_path):
    process = ServiceProcess("customers", "web", customers_env, port=free_port(), log_dir=tmp_path).start()
    try:
        deadline = time.monotonic() + 60
        while not _answers_healthz(process.port):
            assert process.running and time.monotonic() < deadline, process.log_tail()
            time.sleep(0.2)
        with process.stopped():
            squatters += another_stacks_service(process.port)
        assert _answers_healthz(process.port)
    finally:
        process.stop()
