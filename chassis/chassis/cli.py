"""The command line of every service: `fieldwork-<service> migrate|web|relay|consumer|…`."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from chassis import logs
from chassis.migrations import upgrade
from chassis.service import Runtime, ServiceSpec, build_runtime

Command = Callable[[Runtime, list[str]], None]


def _migrate(runtime: Runtime, _argv: list[str]) -> None:
    upgrade(runtime.settings.database_url, runtime.spec.migrations)


def _web(runtime: Runtime, argv: list[str]) -> None:
    if runtime.database is not None:
        _migrate(runtime, [])
    os.environ["FIELDWORK_MIGRATE_AT_START"] = "0"  # done once above, not once per worker
    os.environ.setdefault("PORT", str(runtime.settings.port))
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    os.execv(gunicorn, [gunicorn, "-c", "python:chassis.gunicorn_conf", *argv, runtime.spec.app_factory])


def _relay(runtime: Runtime, _argv: list[str]) -> None:
    from chassis.messaging.relay import run_relay
    _migrate(runtime, [])
    run_relay(runtime)


def _consumer(runtime: Runtime, _argv: list[str]) -> None:
    from chassis.messaging.consumer import run_consumer
    _migrate(runtime, [])
    run_consumer(runtime)


def run(spec: ServiceSpec, argv: list[str] | None = None, extra: dict[str, Command] | None = None) -> None:
    commands: dict[str, Command] = {"migrate": _migrate, "web": _web}
    if spec.migrations is not None:
        commands.update(relay=_relay, consumer=_consumer)
    if spec.handlers is not None:
        from chassis.messaging.dead_letters import command as dead_letters
        commands["dead-letters"] = dead_letters
    commands.update(extra or {})
    parser = argparse.ArgumentParser(prog=f"fieldwork-{spec.name}", description=spec.title)
    parser.add_argument("command", choices=sorted(commands))
    args, rest = parser.parse_known_args(argv)
    logs.configure(spec.name)
    commands[args.command](build_runtime(spec), rest)
