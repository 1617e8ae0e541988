"""`GET /status`: every service's readiness in one answer (the chassis serves /healthz and /readyz)."""
from __future__ import annotations

from chassis.api import PUBLIC, Blueprint
from gateway.config import SERVICES
from gateway.entrypoints.http.context import json_answer, upstreams
from gateway.entrypoints.http.shapes import Status
from gateway.upstream.fanout import Failed, Get

blp = Blueprint("operators", __name__, description="Operators: the readiness of every service.")


def _readiness(outcome) -> dict:
    if isinstance(outcome, Failed):
        return {"status": "unavailable", "reason": outcome.reason}
    try:
        body = outcome.json()
    except ValueError:
        body = {}
    return {"status": body.get("status", "ready" if outcome.ok else "not_ready"), "checks": body.get("checks", {})}


@blp.get("/status", PUBLIC, response=Status,
         description="ok when every service this deployment has is ready, else degraded.")
def status():
    """Readiness of every service (its database, broker, outbox backlog), asked in parallel."""
    registry = upstreams()
    outcomes = registry.fanout.gather({name: Get(client, "/readyz") for name, client in registry.clients.items()},
                                      {}, registry.deadline_seconds)
    services = {name: (_readiness(outcomes[name]) if name in outcomes else {"status": "not_configured"})
                for name in SERVICES}
    for name, client in registry.clients.items():
        services[name]["breaker"] = client.breaker.state
    ready = all(s["status"] in ("ready", "not_configured") for s in services.values())
    return json_answer({"status": "ok" if ready else "degraded", "services": services})
