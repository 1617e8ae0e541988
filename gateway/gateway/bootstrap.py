"""The gateway's composition root: its spec for the chassis, its upstream clients, its app."""
from __future__ import annotations

from chassis.app import create_app as chassis_create_app
from chassis.service import Runtime, ServiceSpec
from gateway.config import GatewayConfig
from gateway.entrypoints.http import cors, front_end, openapi, operators, portal, proxy, timeline, workspace
from gateway.upstream.registry import Upstreams


def wire(runtime: Runtime) -> None:
    config = GatewayConfig.from_settings(runtime.settings)
    runtime.adapters["config"] = config
    runtime.adapters["upstreams"] = Upstreams(config)
    # The largest body passed on: a customer export of 100,000 rows (the customers service's POST /imports).
    runtime.settings.extra.setdefault("max_content_length", 48 * 1024 * 1024)


SPEC = ServiceSpec(
    name="gateway",
    title="Fieldwork API",
    description="The one door of Fieldwork: every service's API under /api, the customer workspace, "
                "the merged timeline and the client portal.",
    blueprints=[cors.blueprint, front_end.blueprint, operators.blp, openapi.blp, workspace.blp, timeline.blp,
                portal.blp, proxy.blp],
    migrations=None,
    wire=wire,
    app_factory="gateway.bootstrap:create_app()",
)


def create_app():
    return chassis_create_app(SPEC)
