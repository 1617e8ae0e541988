"""The five services running as real gunicorn processes on free ports, for the gateway's tests and bench."""
from __future__ import annotations

import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from chassis.testing.processes import ServiceProcess, free_port

SERVICES = ("customers", "jobs", "billing", "comms", "insights")


def _process(name: str, log_dir: Path, command: str = "web", env: dict | None = None) -> ServiceProcess:
    return ServiceProcess(name, command, dict(env or {}), port=free_port() if command == "web" else None,
                          log_dir=log_dir)


def _started(process: ServiceProcess) -> bool:
    try:
        process.start().wait_ready(60)
        return True
    except RuntimeError:
        return False


class Stack:
    def __init__(self, processes: dict[str, ServiceProcess], workers: list[ServiceProcess]):
        self.processes = processes
        self.workers = workers
        self.running = {name for name, p in processes.items() if p.running}

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
    processes = {name: _process(name, log_dir) for name in SERVICES}
    common = {
        **os.environ, "FIELDWORK_JWT_SECRET": jwt_secret, "FIELDWORK_BROKER_URL": broker_url,
        "FIELDWORK_EXCHANGE": exchange, "FIELDWORK_QUEUE_PREFIX": queue_prefix,
        "WEB_CONCURRENCY": str(web_concurrency), "WEB_THREADS": "8",
        "FIELDWORK_PHOTOS_DIR": str(log_dir / "photos"),
        # comms refuses to send without a mail server and an SMS provider; no sender worker runs here, so these
        # reserved, never-listening ports only let messages be accepted and queued
        "FIELDWORK_SMTP_HOST": "127.0.0.1", "FIELDWORK_SMTP_PORT": str(free_port()),
        "FIELDWORK_SMS_BASE_URL": f"http://127.0.0.1:{free_port()}",
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
        results = dict(zip(starters, pool.map(_started, starters.values())))
    for name, ok in results.items():
        if not ok:
            processes[name].stop()
            print(f"gateway tests: {name} did not start (see {processes[name].log_path})", file=sys.stderr)
    workers = [_process(name, log_dir, command, processes[name].env)
               for name, ok in results.items() if ok and events
               for command in ["relay"] + (["consumer"] if name == "insights" else [])]
    with ThreadPoolExecutor(len(workers) or 1) as pool:
        for worker, ok in zip(workers, pool.map(_started, workers)):
            if not ok:
                print(f"gateway tests: {worker.service} {worker.command} did not start", file=sys.stderr)
    return Stack(processes, workers)
