"""A stop flag set by SIGTERM/SIGINT: the relay and consumer finish what they hold, then return."""
from __future__ import annotations

import logging
import signal
import threading

log = logging.getLogger(__name__)


def stop_on_signals() -> threading.Event:
    """Only the main thread may install signal handlers; tests run the loops in threads with their own Event."""
    stop = threading.Event()

    def _request_stop(signum, _frame):
        log.info("stop requested", extra={"signal": signal.Signals(signum).name})
        stop.set()

    signal.signal(signal.SIGTERM, _request_stop)
    signal.signal(signal.SIGINT, _request_stop)
    return stop
