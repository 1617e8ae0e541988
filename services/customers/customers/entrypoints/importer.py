"""`fieldwork-customers importer [--once] [--every-seconds S]`: runs the imports started, and those an importer
stopped half way, batch by batch."""
from __future__ import annotations

import argparse
import logging
import uuid

from chassis.db import Database
from chassis.messaging.event import utcnow
from chassis.messaging.stopping import stop_on_signals
from chassis.migrations import upgrade
from chassis.service import Runtime
from customers.service_layer import imports

log = logging.getLogger(__name__)


def importer_command(runtime: Runtime, argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="fieldwork-customers importer")
    parser.add_argument("--once", action="store_true", help="run what is pending, then exit")
    parser.add_argument("--every-seconds", type=float, default=1.0, help="pause between looks for imports")
    args = parser.parse_args(argv)
    upgrade(runtime.settings.database_url, runtime.spec.migrations)
    stopping = stop_on_signals()
    while not stopping.is_set():
        try:
            ran = run_pending(runtime.database)
        except Exception:  # the database itself failed (run_pending counts a failing batch); look again later
            log.exception("import batch failed")
            ran = 0
        if ran:
            log.info("imports run", extra={"imports": ran})
        if args.once:
            return
        stopping.wait(args.every_seconds)


def run_pending(database: Database) -> int:
    """Runs every import queued or left unfinished (an importer stopped half way); how many it ran. An import whose
    batch fails is left at the last batch committed and tried again on the next call, ATTEMPTS times in all."""
    pending = imports.pending(database)
    for import_id, account_id in pending:
        try:
            run_import(database, import_id, account_id)
        except Exception as exc:  # the batch rolled back whole; what is kept is only the kind of error
            log.exception("import batch failed", extra={"import_id": str(import_id)})
            imports.record_failure(database, import_id, account_id, type(exc).__name__, now=utcnow())
    return len(pending)


def run_import(database: Database, import_id: uuid.UUID, account_id: uuid.UUID) -> None:
    """Every batch left of one import, each in its own transaction and stamped with the moment it is stored (the
    rate an import's time left is reckoned from)."""
    with imports.stored_rows(database, import_id, account_id) as rows:
        more = True
        while more:
            with database.transaction(account_id=account_id) as session:
                more = imports.run_batch(session, import_id, rows, now=utcnow())
