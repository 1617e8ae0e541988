"""The composition root of billing: what the chassis runs, and the outside systems it is wired to."""
from __future__ import annotations

from pathlib import Path

from billing.entrypoints.events import handlers
from billing.entrypoints.http import customers, invoices, payments, price_book, workspace_part
from chassis.app import create_app as chassis_create_app
from chassis.customer_directory import CustomersApi
from chassis.references import RecordsApi
from chassis.service import Runtime, ServiceSpec


def wire(runtime: Runtime) -> None:
    runtime.adapters["customers_api"] = CustomersApi()
    runtime.adapters["jobs_api"] = RecordsApi("jobs", "/jobs/{id}")
    runtime.adapters["customer_relations_api"] = RecordsApi("customers", "/customers/{id}/relations")


SPEC = ServiceSpec(
    name="billing", title="Fieldwork billing",
    description="Invoices, payments, credits, refunds, balances, statements and card on file.",
    blueprints=[invoices.blp, payments.blp, customers.blp, price_book.blp, workspace_part.blp],
    migrations=Path(__file__).parent / "migrations",
    handlers=handlers, wire=wire, app_factory="billing.bootstrap:create_app()")


def create_app():
    return chassis_create_app(SPEC)
