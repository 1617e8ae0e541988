"""`fieldwork-customers importer [--once] [--every-seconds S]`: runs the imports started, and those an importer
stopped half way, batch by batch."""
from __future__ import annotations

import argparse
import datetime as dt
import logging

from chassis.messaging.stopping import stop_on_signals
from chassis.migrations import upgrade
from chassis.service import Runtime
from customers.service_layer.imports import run_pending

log = logging.getLogger(__name__)


def _clock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def importer_command(runtime: Runtime, argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="fieldwork-customers importer")
    parser.add_argument("--once", action="store_true", help="run what is pending, then exit")
    parser.add_argument("--every-seconds", type=float, default=1.0, help="pause between looks for imports")
    args = parser.parse_args(argv)
    upgrade(runtime.settings.database_url, runtime.spec.migrations)
    stopping = stop_on_signals()
    while not stopping.is_set():
        try:
            ran = run_pending(runtime.database, clock=_clock)
        except Exception:  # the database itself failed (run_pending counts a failing batch); look again later
            log.exception("import batch failed")
            ran = 0
        if ran:
            log.info("imports run", extra={"imports": ran})
        if args.once:
            return
        stopping.wait(args.every_seconds)
