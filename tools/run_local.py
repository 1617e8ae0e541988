"""`make run`: the whole system on this machine, from the Procfile, with demo data on first start.

PostgreSQL and RabbitMQ are used where they already answer; otherwise they are started with
Docker Compose when a Docker engine is there. Every service's database is created and migrated
before its processes start. Ctrl-C stops everything this started.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SERVICES = {"customers": 8001, "jobs": 8002, "billing": 8003, "comms": 8004, "insights": 8005}
GATEWAY_PORT = int(os.environ.get("FIELDWORK_GATEWAY_PORT", "8080"))
SINK_SMTP_PORT, SINK_HTTP_PORT = 1025, 1080
SINK_URL = f"http://127.0.0.1:{SINK_HTTP_PORT}"
# The sink runs unless both a real mail server and SMS provider are configured.
USE_SINK = not (os.environ.get("FIELDWORK_SMTP_HOST") and os.environ.get("FIELDWORK_SMS_BASE_URL"))

sys.path.insert(0, str(ROOT / "chassis"))
from chassis.testing.infrastructure import DEFAULT_BROKER, DEFAULT_POSTGRES, reachable  # noqa: E402
from warm_up import warm_up  # noqa: E402  (tools/ is the script's own folder)


def _say(message: str) -> None:
    print(f"[fieldwork] {message}", flush=True)


def _ensure_infrastructure(env: dict) -> None:
    postgres = env.get("FIELDWORK_CUSTOMERS_DATABASE_URL", DEFAULT_POSTGRES)
    broker = env.get("FIELDWORK_BROKER_URL", DEFAULT_BROKER)
    missing = [name for name, url, port in (("postgres", postgres, 5432), ("rabbitmq", broker, 5672))
               if not reachable(url, port)]
    if not missing:
        return
    if shutil.which("docker") is None or subprocess.run(["docker", "info"], capture_output=True).returncode != 0:
        sys.exit(f"{', '.join(missing)} not reachable, and no Docker engine to start them with. "
                 "Start PostgreSQL on 127.0.0.1:5432 and RabbitMQ on 127.0.0.1:5672, or set the URLs (see README).")
    _say(f"starting {', '.join(missing)} with Docker Compose")
    subprocess.run(["docker", "compose", "up", "-d", "--wait", *missing], cwd=ROOT, check=True)
    # Compose's servers have the credentials of docker-compose.yml, not the local trust defaults.
    if "postgres" in missing:
        for service in SERVICES:
            env[f"FIELDWORK_{service.upper()}_DATABASE_URL"] = (
                f"postgresql+psycopg://postgres:postgres@127.0.0.1:5432/fieldwork_{service}")
    if "rabbitmq" in missing:
        env["FIELDWORK_BROKER_URL"] = "amqp://fieldwork:fieldwork@127.0.0.1:5672/%2F"


def _environment() -> dict:
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.setdefault("FIELDWORK_CONTRACTS_DIR", str(ROOT / "contracts" / "events"))
    env.setdefault("FIELDWORK_PHOTOS_DIR", str(ROOT / ".run" / "photos"))
    # What is sent goes to the delivery sink (tools/delivery_sink.py) unless a real server is configured.
    env.setdefault("FIELDWORK_SMTP_HOST", "127.0.0.1")
    env.setdefault("FIELDWORK_SMTP_PORT", str(SINK_SMTP_PORT))
    env.setdefault("FIELDWORK_SMS_BASE_URL", SINK_URL)
    env.setdefault("FIELDWORK_WEBHOOK_SECRET", "local-webhook-secret")
    for service, port in SERVICES.items():
        env.setdefault(f"FIELDWORK_{service.upper()}_PORT", str(port))
        env.setdefault(f"FIELDWORK_{service.upper()}_URL", f"http://127.0.0.1:{env[f'FIELDWORK_{service.upper()}_PORT']}")
    env.setdefault("FIELDWORK_GATEWAY_PORT", str(GATEWAY_PORT))
    # A person reads these logs: one short line an event (chassis.logs), in colour when this runs on a terminal
    # (the processes write into honcho's pipe, so they cannot tell for themselves).
    env.setdefault("FIELDWORK_LOG_FORMAT", "console")
    env.setdefault("FIELDWORK_LOG_COLOR", "1" if sys.stdout.isatty() else "0")
    env.setdefault("FIELDWORK_STATUS_CALLBACK_BASE", env["FIELDWORK_COMMS_URL"])  # where the sink reports delivery
    return env


def _installed_services() -> list[str]:
    return [s for s in SERVICES if (BIN / f"fieldwork-{s}").exists()]


def _procfile(services: list[str]) -> Path:
    """The Procfile's lines for the packages that exist in this checkout."""
    wanted = set(services) | ({"gateway"} if (BIN / "fieldwork-gateway").exists() else set())
    lines = [_named(line) for line in (ROOT / "Procfile").read_text().splitlines()
             if line.strip() and line.split("-", 1)[0] in wanted]
    if USE_SINK:
        lines.append(f"delivery-sink: python {ROOT / 'tools' / 'delivery_sink.py'} "
                     f"--smtp-port {SINK_SMTP_PORT} --http-port {SINK_HTTP_PORT}")
    path = ROOT / ".run" / "Procfile"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return path


def _named(line: str) -> str:
    """A Procfile line whose process logs under its own name (customers-web), since honcho adds no prefix."""
    name, command = line.split(":", 1)
    return f"{name}: env FIELDWORK_PROCESS_NAME={name.strip()} {command.strip()}"


def _wait_healthy(url: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


def main() -> None:
    env = _environment()
    _ensure_infrastructure(env)
    services = _installed_services()
    for service in services:
        _say(f"migrating {service}")
        subprocess.run([str(BIN / f"fieldwork-{service}"), "migrate"], env=env, check=True)
    # --no-prefix: each line names its process and time itself (chassis.logs), so honcho's prefix would say it twice.
    honcho = subprocess.Popen([str(BIN / "honcho"), "start", "--no-prefix", "-f", str(_procfile(services)),
                               "-d", str(ROOT / ".run")],
                              env=env, start_new_session=True)

    def stop(*_):
        if honcho.poll() is None:
            os.killpg(honcho.pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    try:
        front = f"http://127.0.0.1:{env['FIELDWORK_GATEWAY_PORT']}"
        if _wait_healthy(f"{front}/healthz"):
            subprocess.run([str(BIN / "python"), str(ROOT / "tools" / "demo_data.py"), "--if-empty", "--gateway", front],
                           env=env, check=False)
            token = subprocess.run([str(BIN / "fieldwork-token")], env=env, capture_output=True, text=True).stdout.strip()
            _say("warming every process up (workspaces through the gateway until they come back whole)")
            if missing := warm_up(front, token):
                _say(f"still cold after the warm-up: {', '.join(missing)} (see {front}/status)")
            _say(f"Fieldwork is running. Open {front}/customers?token={token}")
            _say(f"(the API is under {front}/api/ with that bearer token; every service's readiness at {front}/status)")
            if USE_SINK:
                _say(f"Every email and text sent lands in the inbox at {SINK_URL}/ (nothing leaves this machine)")
        honcho.wait()
    except KeyboardInterrupt:
        stop()
        honcho.wait()


if __name__ == "__main__":
    main()
