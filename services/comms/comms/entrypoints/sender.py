"""`fieldwork-comms sender`: the process that delivers queued emails and texts, with retries and backoff."""
from __future__ import annotations

import logging
import signal
import threading

from chassis.migrations import upgrade
from chassis.service import Runtime

from comms.service_layer.delivery import Providers, deliver_due

log = logging.getLogger(__name__)


def providers_of(runtime: Runtime) -> Providers:
    adapters = runtime.adapters
    return Providers(mailer=adapters["mailer"], sms=adapters["sms"], statements=adapters["statements"],
                     estimates=adapters["estimates"])


def run_sender(runtime: Runtime, _argv: list[str] | None = None) -> None:
    """Delivers what is due, sleeps when nothing is, stops cleanly on SIGTERM/SIGINT between messages."""
    upgrade(runtime.settings.database_url, runtime.spec.migrations)
    config = runtime.adapters["config"]
    providers = providers_of(runtime)
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    log.info("sender started", extra={"poll_seconds": config.sender_poll_seconds})
    while not stopping.is_set():
        try:
            worked = deliver_due(runtime.database, providers, config.retry, limit=50,
                                 callback_base=config.status_callback_base)
        except Exception:  # the database went away, say: log, wait, and carry on rather than die
            log.exception("sender pass failed")
            worked = 0
        if worked == 0:
            stopping.wait(config.sender_poll_seconds)
    log.info("sender stopped")
