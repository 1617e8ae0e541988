"""Prometheus counters of the event pipeline, labelled by service and event type."""
from __future__ import annotations

import os

from prometheus_client import Counter, start_http_server

PUBLISHED = Counter("fieldwork_events_published_total", "Events the broker confirmed", ["service", "event_type"])
UNROUTABLE = Counter("fieldwork_events_unroutable_total", "Confirmed events no queue was bound for",
                     ["service", "event_type"])
CONSUMED = Counter("fieldwork_events_consumed_total", "Events applied by a handler", ["service", "event_type"])
DUPLICATES = Counter("fieldwork_events_duplicates_skipped_total", "Redelivered events found in the inbox and skipped",
                     ["service", "event_type"])
RETRIED = Counter("fieldwork_events_retried_total", "Deliveries that failed and went back to the queue",
                  ["service", "event_type"])
DEAD_LETTERED = Counter("fieldwork_events_dead_lettered_total", "Events sent to the dead-letter queue",
                        ["service", "event_type", "reason"])
REPLAYED = Counter("fieldwork_events_replayed_total", "Dead-lettered events put back on the service's queue",
                   ["service"])


def serve_if_configured() -> None:
    """Relay and consumer are not web processes: FIELDWORK_METRICS_PORT gives them their own /metrics."""
    port = os.environ.get("FIELDWORK_METRICS_PORT")
    if port:
        start_http_server(int(port))
