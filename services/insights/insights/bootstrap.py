"""The composition root of the insights service."""
from __future__ import annotations

from pathlib import Path

from chassis.app import create_app as chassis_create_app
from chassis.service import Runtime, ServiceSpec
from insights.adapters.openai_advisor import OpenAIAdvisor
from insights.adapters.secrets import SECRETS_KEY_ENV, SecretBox
from insights.entrypoints.events import handlers
from insights.entrypoints.http.insights import blp


def wire(runtime: Runtime) -> None:
    """Outside systems; tests replace them with adapters={...} (a local OpenAI; a ``clock`` adapter, which
    ``chassis.request_context.now`` honours, to fix the time)."""
    settings = runtime.settings
    runtime.adapters["secrets"] = SecretBox.from_key(settings.option("secrets_key", SECRETS_KEY_ENV))
    runtime.adapters["openai"] = OpenAIAdvisor(
        base_url=settings.option("openai_base_url", "FIELDWORK_OPENAI_BASE_URL") or None,
        timeout=float(settings.option("openai_timeout", "FIELDWORK_OPENAI_TIMEOUT", "10")))


SPEC = ServiceSpec(
    name="insights", title="Fieldwork insights", blueprints=[blp], handlers=handlers, wire=wire,
    migrations=Path(__file__).parent / "migrations", app_factory="insights.bootstrap:create_app()",
    description="A per-customer read model built from events; rule cards; OpenAI advice when connected.",
)


def create_app():
    return chassis_create_app(SPEC)
