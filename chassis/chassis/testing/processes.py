"""Real service processes for tests that need the system running (gateway, end-to-end, benchmarks).

A slow or dead service is simulated by a real process that is frozen (SIGSTOP) or stopped, never a mock.
"""
from __future__ import annotations

import contextlib
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from chassis.settings import Settings

BIN = Path(sys.executable).parent


# Every port free_port() has given, each still bound by its probing socket until this process ends.
_reserved: dict[int, socket.socket] = {}


def free_port() -> int:
    """A port the kernel gives to nothing else on the machine until this process ends, yet which the caller's server
    still binds if it sets SO_REUSEADDR before it binds, as gunicorn, asyncio and http.server do.

    Test stacks choose every port first (each service's URL goes into the others' environment) and start the
    services after. Letting go of the probing socket left that gap open: another stack's bind to port 0, or any
    outgoing connection, could be given the number meanwhile, and the service failed with "Address already in use"
    on a URL the others already had. So the probing socket stays bound and never listens: a bind to port 0 or a
    connect() is never given a port a socket is bound to, and a plain bind of it fails; two SO_REUSEADDR sockets may
    share it while only one listens. Kept to the end, so a stopped service's port is still its own when it restarts.
    """
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("0.0.0.0", 0))  # the wildcard, as gunicorn binds: binds to port 0 at every local address avoid it
    port = sock.getsockname()[1]
    _reserved[port] = sock
    return port


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that makes a process of ``settings.service`` use exactly these settings."""
    env = {
        "FIELDWORK_BROKER_URL": settings.broker_url,
        "FIELDWORK_EXCHANGE": settings.exchange,
        "FIELDWORK_QUEUE_PREFIX": settings.queue_prefix,
        "FIELDWORK_JWT_SECRET": settings.jwt_secret,
    }
    if settings.database_url:
        env[f"FIELDWORK_{settings.service.upper()}_DATABASE_URL"] = settings.database_url
    return env


@dataclass
class ServiceProcess:
    """One process (`fieldwork-<service> <command>`), its output kept in a log file for failures."""

    service: str
    command: str
    env: dict[str, str]
    port: int | None = None
    log_dir: Path = Path(os.environ.get("TMPDIR", "/tmp"))
    _process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.log_dir / f"fieldwork-{self.service}-{self.command}-{self.port or os.getpid()}.log"

    def start(self, *args: str) -> "ServiceProcess":
        env = {**os.environ, **self.env, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
        if self.port is not None:
            env["PORT"] = str(self.port)
            env.setdefault("WEB_CONCURRENCY", "1")
        log = open(self.log_path, "ab")
        self._process = subprocess.Popen([str(BIN / f"fieldwork-{self.service}"), self.command, *args], env=env,
                                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                         cwd=self.log_dir)
        log.close()
        return self

    def wait_healthy(self, seconds: float = 30) -> "ServiceProcess":
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"{self.service} {self.command} exited: {self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{self.service} {self.command} did not become healthy: {self.log_tail()}")

    def wait_ready(self, seconds: float = 60) -> "ServiceProcess":
        """Web processes answer /healthz; a consumer says "consuming" once its queue is declared;
        a relay answers nothing, so it is ready when it is still alive a moment after starting."""
        if self.port is not None:
            return self.wait_healthy(seconds)
        deadline = time.monotonic() + (seconds if self.command == "consumer" else 1.5)
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"{self.service} {self.command} exited: {self.log_tail()}")
            if self.command == "consumer" and b'"consuming"' in self.log_path.read_bytes():
                return self
            time.sleep(0.2)
        if self.command == "consumer":
            raise RuntimeError(f"{self.service} consumer did not start consuming: {self.log_tail()}")
        return self

    @property
    def installed(self) -> bool:
        return importlib.util.find_spec(self.service) is not None and (BIN / f"fieldwork-{self.service}").exists()

    @contextlib.contextmanager
    def stopped(self):
        """The process is down for the block, and back (and ready) after it whatever happens."""
        self.stop()
        try:
            yield self
        finally:
            self.start().wait_ready()

    @contextlib.contextmanager
    def frozen(self):
        """SIGSTOP on the whole process group for the block, always SIGCONT after."""
        self.freeze()
        try:
            yield self
        finally:
            self.thaw()

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def signal_group(self, sig: int) -> None:
        if self._process is not None and self._process.poll() is None:
            os.killpg(self._process.pid, sig)

    def freeze(self) -> None:
        """The service stops answering but keeps its sockets open: a slow service, for real."""
        self.signal_group(signal.SIGSTOP)

    def thaw(self) -> None:
        self.signal_group(signal.SIGCONT)

    def kill(self) -> None:
        self.signal_group(signal.SIGKILL)
        if self._process is not None:
            self._process.wait(timeout=10)

    def stop(self, timeout: float = 15) -> None:
        if self._process is None or self._process.poll() is not None:
            return
        self.thaw()
        self.signal_group(signal.SIGTERM)
        try:
            self._process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def cpu_seconds(self) -> float:
        """CPU time used so far by the live processes of its group (gunicorn's master and workers), from /proc."""
        if self._process is None:
            return 0.0
        total = 0
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:  # gone meanwhile
                continue
            if int(fields[2]) == self._process.pid:  # the process group
                total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
        return total / os.sysconf("SC_CLK_TCK")

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None
