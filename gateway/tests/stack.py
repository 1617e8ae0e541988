"""The five services running as real gunicorn processes on free ports, for the gateway's tests and bench."""
from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import urllib3

SERVICES = ("customers", "jobs", "billing", "comms", "insights")
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServiceProcess:
    """One service's `fieldwork-<svc> web` (gunicorn master + workers in their own process group)."""

    def __init__(self, name: str, env: dict[str, str], log_dir: Path, command: str = "web"):
        self.name = name
        self.command = command
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**env, "PORT": str(self.port)}
        self.log_path = log_dir / f"{name}-{command}.log"
        self.process: subprocess.Popen | None = None

    @property
    def installed(self) -> bool:
        return importlib.util.find_spec(self.name) is not None and (BIN / f"fieldwork-{self.name}").exists()

    def start(self, timeout: float = 60) -> bool:
        log = open(self.log_path, "ab")
        # cwd: the log folder, because gunicorn puts its cwd on sys.path, and from the repository root the
        # folder gateway/ would pass for the package gateway (a namespace package without a file).
        self.process = subprocess.Popen([str(BIN / f"fieldwork-{self.name}"), self.command], env=self.env, stdout=log,
                                        stderr=subprocess.STDOUT, start_new_session=True, cwd=self.log_path.parent)
        ends = time.monotonic() + timeout
        if self.command == "relay":  # answers no HTTP: alive after a moment is enough
            time.sleep(2)
            return self.process.poll() is None
        if self.command == "consumer":  # ready once its queue is declared, which its log says
            while time.monotonic() < ends and self.process.poll() is None:
                if b'"consuming"' in self.log_path.read_bytes():
                    return True
                time.sleep(0.2)
            return False
        while time.monotonic() < ends:
            if self.process.poll() is not None:
                return False
            try:
                if urllib3.request("GET", f"{self.url}/healthz", timeout=1, retries=False).status == 200:
                    return True
            except urllib3.exceptions.HTTPError:
                pass
            time.sleep(0.1)
        return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    @contextmanager
    def stopped(self):
        self.stop()
        try:
            yield
        finally:
            assert self.start(), f"{self.name} did not start again; see {self.log_path}"

    @contextmanager
    def frozen(self):
        """kill -STOP on the whole process group (the master and its workers), always -CONT after."""
        os.killpg(self.process.pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.killpg(self.process.pid, signal.SIGCONT)


class Stack:
    def __init__(self, processes: dict[str, ServiceProcess], workers: list[ServiceProcess]):
        self.processes = processes
        self.workers = workers
        self.running = {name for name, p in processes.items() if p.process is not None}

    def urls(self) -> dict[str, str]:
        # A service that is not running keeps a URL nobody answers: its sections say unavailable.
        return {name: p.url for name, p in self.processes.items()}

    def __getitem__(self, name: str) -> ServiceProcess:
        return self.processes[name]

    def stop_all(self) -> None:
        for process in [*self.workers, *self.processes.values()]:
            process.stop()


def start_stack(database_url, broker_url: str, exchange: str, queue_prefix: str, jwt_secret: str, log_dir: Path,
                web_concurrency: int = 1, extra_env: dict | None = None, events: bool = True) -> Stack:
    """Starts every installed service (fresh database each, from ``database_url(name)``) in parallel.

    With ``events``, each service's outbox relay and the insights consumer run too, so that insights
    learns about customers, jobs and invoices the way it does in production.
    """
    processes = {name: ServiceProcess(name, {}, log_dir) for name in SERVICES}
    common = {
        **os.environ, "FIELDWORK_JWT_SECRET": jwt_secret, "FIELDWORK_BROKER_URL": broker_url,
        "FIELDWORK_EXCHANGE": exchange, "FIELDWORK_QUEUE_PREFIX": queue_prefix,
        "WEB_CONCURRENCY": str(web_concurrency), "WEB_THREADS": "8",
        "FIELDWORK_PHOTOS_DIR": str(log_dir / "photos"),
        **{f"FIELDWORK_{name.upper()}_URL": p.url for name, p in processes.items()},
        **(extra_env or {}),
    }
    common.pop("PROMETHEUS_MULTIPROC_DIR", None)
    for name, process in processes.items():
        process.env.update(common, **{f"FIELDWORK_{name.upper()}_DATABASE_URL": database_url(name)})
    starters = {}
    for name, process in processes.items():
        if process.installed:
            starters[name] = process
    with ThreadPoolExecutor(len(starters) or 1) as pool:
        results = dict(zip(starters, pool.map(lambda p: p.start(), starters.values())))
    for name, ok in results.items():
        if not ok:
            processes[name].stop()
            print(f"gateway tests: {name} did not start (see {processes[name].log_path})", file=sys.stderr)
    workers = [ServiceProcess(name, processes[name].env, log_dir, command=command)
               for name, ok in results.items() if ok and events
               for command in ["relay"] + (["consumer"] if name == "insights" else [])]
    with ThreadPoolExecutor(len(workers) or 1) as pool:
        for worker, ok in zip(workers, pool.map(lambda w: w.start(), workers)):
            if not ok:
                print(f"gateway tests: {worker.name} {worker.command} did not start", file=sys.stderr)
    return Stack(processes, workers)
