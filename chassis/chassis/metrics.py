"""Prometheus metrics: request counts and latencies here; services and the messaging code add their own."""
from __future__ import annotations

import os
import time

from flask import Flask, Response, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess

HTTP_REQUESTS = Counter("http_requests_total", "HTTP requests answered", ["service", "method", "endpoint", "status"])
HTTP_LATENCY = Histogram("http_request_seconds", "HTTP request latency", ["service", "endpoint"],
                         buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5))


def _registry():
    # Under gunicorn each worker is a process: PROMETHEUS_MULTIPROC_DIR makes /metrics sum them all.
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    from prometheus_client import REGISTRY
    return REGISTRY


def render() -> Response:
    return Response(generate_latest(_registry()), mimetype=CONTENT_TYPE_LATEST)


def install(app: Flask, service: str) -> None:
    """Counts and times every request (the app factory starts the clock, in ``g.request_started``)."""
    # The labelled series of each (endpoint, method, status) seen: ``labels()`` checks and joins its values on
    # every call, more than the observation itself costs.
    series: dict[tuple, tuple] = {}

    @app.after_request
    def _observe(response):
        endpoint = request.endpoint or "unmatched"
        key = (endpoint, request.method, response.status_code)
        found = series.get(key)
        if found is None:
            found = series[key] = (HTTP_LATENCY.labels(service, endpoint),
                                   HTTP_REQUESTS.labels(service, request.method, endpoint, response.status_code))
        latency, count = found
        started = g.get("request_started")
        if started is not None:
            latency.observe(time.perf_counter() - started)
        count.inc()
        return response
