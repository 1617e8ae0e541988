"""`/healthz` (the process is alive), `/readyz` (its dependencies answer) and `/metrics`."""
from __future__ import annotations

import logging
from collections.abc import Callable

from flask import Blueprint, current_app, jsonify

from chassis import metrics
from chassis.auth import public

log = logging.getLogger(__name__)

# A readiness check returns details to show, and raises when its dependency is not usable.
ReadinessCheck = Callable[[], dict]

blueprint = Blueprint("operations", __name__)


@blueprint.get("/healthz")
@public
def healthz():
    return jsonify({"status": "ok", "service": current_app.extensions["fieldwork"].settings.service})


@blueprint.get("/readyz")
@public
def readyz():
    checks = current_app.extensions["fieldwork"].readiness_checks
    report, ready = {}, True
    for name, check in checks.items():
        try:
            report[name] = {"ok": True, **(check() or {})}
        except Exception as exc:  # any failure of a dependency makes the service not ready
            log.warning("readiness check failed", extra={"check": name, "error": str(exc)})
            report[name] = {"ok": False, "error": str(exc) or type(exc).__name__}
            ready = False
    body = {"status": "ready" if ready else "not_ready", "checks": report}
    return jsonify(body), 200 if ready else 503


@blueprint.get("/metrics")
@public
def metrics_endpoint():
    return metrics.render()
