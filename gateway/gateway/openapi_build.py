"""`fieldwork-gateway openapi`: writes contracts/openapi/fieldwork.json from the gateway and every installed service.

Each service's app is built in this process without touching a database (its document needs no data).
"""
from __future__ import annotations

import argparse
import importlib
import json
from pathlib import Path

from chassis.app import create_app
from chassis.service import Runtime
from chassis.settings import Settings
from gateway.composition.openapi import merge
from gateway.config import SERVICES

DEFAULT_OUT = Path("contracts/openapi/fieldwork.json")


def document_of(spec, settings: Settings) -> dict:
    app = create_app(spec, settings, migrate=False)
    return app.test_client().get("/openapi.json").get_json()


def service_document(name: str, jwt_secret: str) -> dict | None:
    try:
        spec = importlib.import_module(f"{name}.bootstrap").SPEC
    except ImportError:
        return None
    settings = Settings(service=name, database_url=f"postgresql+psycopg://postgres@127.0.0.1:5432/fieldwork_{name}",
                        broker_url="amqp://guest:guest@127.0.0.1:5672/%2F", exchange="fieldwork.events",
                        queue_prefix="fieldwork", jwt_secret=jwt_secret, port=0)
    return document_of(spec, settings)


def build(runtime_settings: Settings) -> dict:
    from gateway.bootstrap import SPEC
    own = document_of(SPEC, runtime_settings)
    return merge(own, {name: service_document(name, runtime_settings.jwt_secret) for name in SERVICES})


def write_command(runtime: Runtime, argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="fieldwork-gateway openapi")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    document = build(runtime.settings)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")
    print(f"wrote {args.out}: {len(document['paths'])} paths")
