"""The composition root of comms: its spec, its adapters, its app."""
from __future__ import annotations

from pathlib import Path

from chassis.app import create_app as chassis_create_app
from chassis.customer_directory import CustomersApi
from chassis.messaging.event import utcnow
from chassis.service import Runtime, ServiceSpec

from comms.adapters.sms import HttpSmsProvider
from comms.adapters.smtp import SmtpMailer
from comms.adapters.statements import BillingStatements, JobsEstimates
from comms.config import CommsConfig
from comms.entrypoints import events
from comms.entrypoints.http import communications, integration_status, sending, webhooks, workspace_part
from comms.service_layer.delivery import backlog


def wire(runtime: Runtime) -> None:
    """Default adapters from the settings; a test replaces any of them through ``adapters=``."""
    config = CommsConfig.from_settings(runtime.settings)
    runtime.adapters.update(
        config=config,
        customers_api=CustomersApi(),
        mailer=SmtpMailer(config.smtp_host, config.smtp_port, config.smtp_from),
        sms=HttpSmsProvider(config.sms_base_url, config.sms_from, config.sms_api_key),
        statements=BillingStatements(runtime.settings.jwt_secret),
        estimates=JobsEstimates(runtime.settings.jwt_secret),
    )
    if runtime.database is not None:
        runtime.readiness_checks["deliveries"] = lambda: backlog(runtime.database, now=utcnow())


SPEC = ServiceSpec(
    name="comms",
    title="Fieldwork comms",
    description="Every call, text and email of a customer in one feed; inbound webhooks; outbound sending.",
    blueprints=[communications.blp, sending.blp, webhooks.blp, workspace_part.blp, integration_status.blp],
    migrations=Path(__file__).parent / "migrations",
    handlers=events.handlers,
    wire=wire,
    app_factory="comms.bootstrap:create_app()",
)


def create_app():
    return chassis_create_app(SPEC)
