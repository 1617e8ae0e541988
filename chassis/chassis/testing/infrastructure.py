"""Where the test run's PostgreSQL and RabbitMQ are: the local ones, else containers when Docker can start them."""
from __future__ import annotations

import os
import socket
from urllib.parse import urlparse

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
DEFAULT_BROKER = "amqp://guest:guest@127.0.0.1:5672/%2F"


def reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url.replace("postgresql+psycopg", "postgresql"))
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=1):
            return True
    except OSError:
        return False


def _docker_available() -> bool:
    try:
        import docker  # shipped with testcontainers
        docker.from_env().ping()
        return True
    except Exception:
        return False


class Infrastructure:
    """Starts containers only when the configured servers do not answer and a Docker engine does."""

    def __init__(self):
        self._containers = []
        self.postgres_url = os.environ.get("FIELDWORK_TEST_POSTGRES_URL", DEFAULT_POSTGRES)
        self.broker_url = os.environ.get("FIELDWORK_TEST_BROKER_URL", DEFAULT_BROKER)

    def start(self) -> "Infrastructure":
        if not reachable(self.postgres_url, 5432):
            self.postgres_url = self._start_postgres()
        if not reachable(self.broker_url, 5672):
            self.broker_url = self._start_rabbitmq()
        return self

    def _start_postgres(self) -> str:
        if not _docker_available():
            raise RuntimeError(f"PostgreSQL is not reachable at {self.postgres_url} and no Docker engine runs.")
        from testcontainers.postgres import PostgresContainer
        container = PostgresContainer("postgres:15", username="postgres", password="postgres", dbname="postgres")
        container.start()
        self._containers.append(container)
        return container.get_connection_url(driver="psycopg")

    def _start_rabbitmq(self) -> str:
        if not _docker_available():
            raise RuntimeError(f"RabbitMQ is not reachable at {self.broker_url} and no Docker engine runs.")
        from testcontainers.rabbitmq import RabbitMqContainer
        container = RabbitMqContainer("rabbitmq:3.10-management")
        container.start()
        self._containers.append(container)
        host, port = container.get_container_host_ip(), container.get_exposed_port(5672)
        return f"amqp://guest:guest@{host}:{port}/%2F"

    def stop(self) -> None:
        for container in self._containers:
            container.stop()
