"""`fieldwork-comms sender`: the process that delivers queued emails and texts, with retries and backoff."""
from __future__ import annotations

import logging

from chassis.messaging.event import utcnow
from chassis.messaging.stopping import stop_on_signals
from chassis.migrations import upgrade
from chassis.service import Runtime

from comms.service_layer.delivery import Providers, deliver_one

log = logging.getLogger(__name__)


def providers_of(runtime: Runtime) -> Providers:
    adapters = runtime.adapters
    return Providers(mailer=adapters["mailer"], sms=adapters["sms"], statements=adapters["statements"],
                     estimates=adapters["estimates"])


def run_sender(runtime: Runtime, _argv: list[str] | None = None) -> None:
    """Delivers what is due, sleeps when nothing is, stops cleanly on SIGTERM/SIGINT between messages.

    The moment is read for each message: its claim is leased from it (``SENDING_LEASE``), so a moment read once for
    many slow hand-overs could lease a message already past its lease, for another sender to take as well."""
    upgrade(runtime.settings.database_url, runtime.spec.migrations)
    config = runtime.adapters["config"]
    providers = providers_of(runtime)
    stopping = stop_on_signals()
    log.info("sender started", extra={"poll_seconds": config.sender_poll_seconds})
    while not stopping.is_set():
        try:
            worked = deliver_one(runtime.database, providers, config.retry, now=utcnow(),
                                 callback_base=config.status_callback_base)
        except Exception:  # the database went away, say: log, wait, and carry on rather than die
            log.exception("sender pass failed")
            worked = False
        if not worked:
            stopping.wait(config.sender_poll_seconds)
    log.info("sender stopped")
