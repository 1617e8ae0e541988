"""The app factory every service and the gateway are built with."""
from __future__ import annotations

import os
import time

from flask import Flask, g, request

from chassis import health, logs, metrics
from chassis.api import Api
from chassis.auth.guard import authenticate_request, unguarded_views
from chassis.db import request as db_request
from chassis.migrations import upgrade
from chassis.request_parser import refuse_nul_in_path
from chassis.service import Runtime, ServiceSpec, build_runtime
from chassis.settings import Settings
from chassis.wire_json import OrjsonProvider


def create_app(spec: ServiceSpec, settings: Settings | None = None, *, adapters: dict | None = None,
               migrate: bool = True, runtime: Runtime | None = None) -> Flask:
    runtime = runtime or build_runtime(spec, settings, adapters, web=True)
    logs.configure(spec.name)
    if migrate and runtime.database is not None and os.environ.get("FIELDWORK_MIGRATE_AT_START", "1") != "0":
        upgrade(runtime.settings.database_url, spec.migrations)

    # An explicit root path: Flask would otherwise look the package up by name, and a same-named folder in
    # the working directory (the repository's gateway/ when run from the root) shadows the installed one.
    app = Flask(spec.name, root_path=os.getcwd())
    app.json = OrjsonProvider(app)
    app.config.update(
        FIELDWORK_SETTINGS=runtime.settings,
        API_TITLE=spec.title,
        API_VERSION="1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS={
            "info": {"description": spec.description},
            "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}},
            "security": [{"bearer": []}],
        },
        MAX_CONTENT_LENGTH=runtime.settings.extra.get("max_content_length", 16 * 1024 * 1024),
    )
    app.extensions["fieldwork"] = runtime

    _install_request_id(app)
    metrics.install(app, spec.name)
    app.before_request(authenticate_request)
    app.before_request(refuse_nul_in_path)
    db_request.install(app)

    api = Api(app)
    for blueprint in spec.blueprints:
        api.register_blueprint(blueprint)
    app.register_blueprint(health.blueprint)

    missing = unguarded_views(app)
    if missing:
        raise RuntimeError(f"Routes that are neither public nor declare a permission: {', '.join(sorted(missing))}")
    if runtime.database is not None:
        runtime.database.warm()
    return app


def _install_request_id(app: Flask) -> None:
    @app.before_request
    def _bind():
        g.request_started = time.perf_counter()
        g.request_id_token = logs.bind_request_id(request.headers.get(logs.REQUEST_ID_HEADER))

    @app.after_request
    def _echo(response):
        response.headers[logs.REQUEST_ID_HEADER] = logs.current_request_id() or ""
        # The access log: gunicorn's own has no request id, so the app writes it (one JSON line a request), naming
        # the route matched rather than the path, which may hold a secret (a portal magic link's token).
        # A hook put before this one (the gateway's CORS preflight) may answer first: then there is no start time.
        started = g.get("request_started")
        rule = request.url_rule
        logs.log_access(request.method, rule.rule if rule is not None else None, response.status_code,
                        round((time.perf_counter() - started) * 1000, 2) if started is not None else None)
        return response

    @app.teardown_request
    def _unbind(_exc):
        token = g.pop("request_id_token", None)
        if token is not None:
            logs.reset_request_id(token)
