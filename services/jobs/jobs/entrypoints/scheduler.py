"""`fieldwork-jobs scheduler [--once] [--horizon-days N] [--every-seconds S]`: books plan visits ahead of time."""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import time

from chassis.messaging.event import utcnow
from chassis.migrations import upgrade
from chassis.service import Runtime
from jobs.service_layer.scheduler import HORIZON, run_once

log = logging.getLogger(__name__)


def scheduler_command(runtime: Runtime, argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="fieldwork-jobs scheduler")
    parser.add_argument("--once", action="store_true", help="one pass, then exit (for cron)")
    parser.add_argument("--horizon-days", type=int, default=HORIZON.days, help="how far ahead visits are booked")
    parser.add_argument("--every-seconds", type=int, default=300, help="pause between passes")
    args = parser.parse_args(argv)
    upgrade(runtime.settings.database_url, runtime.spec.migrations)
    horizon = dt.timedelta(days=args.horizon_days)
    while True:
        # One moment for the whole pass: every plan and estimate of it is judged as of the same instant.
        now = utcnow()
        report = run_once(runtime.database, now=now, horizon=horizon)
        log.info("scheduler pass", extra={"visits_created": report.visits_created,
                                          "estimates_expired": report.estimates_expired})
        if args.once:
            print(f"visits created: {report.visits_created}, estimates expired: {report.estimates_expired}")
            return
        time.sleep(args.every_seconds)
