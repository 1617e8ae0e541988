"""The PDFs other services make (billing's statement and invoice, jobs' estimate), fetched at send time with a
short-lived service token."""
from __future__ import annotations

import datetime as dt
import uuid
from urllib.parse import urlencode

from chassis.auth import mint_token
from chassis.service_calls.client import ServiceUnavailable
from chassis.service_calls.services import headers_for, other_service

from comms.domain.retry import DeliveryError

SERVICE_SUBJECT = "service:comms"
TOKEN_SECONDS = 300


class _ServicePdfs:
    """``GET`` a PDF of one service as the account itself, with only that service's view permission.

    The service checks every token like any caller's; the token comms mints is scoped to the one account the
    document belongs to and lives five minutes, so it is never stored.
    """

    service = ""
    permission = ""

    def __init__(self, jwt_secret: str, base_url: str | None = None, *, timeout: float = 15.0):
        self.jwt_secret = jwt_secret
        self._client = other_service(self.service, base_url, timeout_seconds=timeout)

    def token(self, account_id: uuid.UUID) -> str:
        return mint_token(self.jwt_secret, sub=SERVICE_SUBJECT, account_id=account_id, perms=[self.permission],
                          ttl_seconds=TOKEN_SECONDS)

    def _pdf(self, account_id: uuid.UUID, path: str, what: str, query: dict | None = None) -> bytes:
        name = self.service.capitalize()
        try:
            response = self._client.get(path, query=urlencode(query or {}), headers=headers_for(self.token(account_id)))
        except ServiceUnavailable as exc:
            raise DeliveryError(f"{name} could not be reached for {what}: {exc.reason}") from exc
        if response.status == 404:
            raise DeliveryError(f"{name} has no such document ({what}).", permanent=True)
        if response.status != 200:
            raise DeliveryError(f"{name} answered {response.status} for {what}.",
                                permanent=response.status in (400, 401, 403, 422))
        return response.body


class BillingStatements(_ServicePdfs):
    """Billing's ``/customers/{id}/statement.pdf``, ``/customers/{id}/pricing-table.pdf`` and ``/invoices/{id}/pdf``."""

    service, permission = "billing", "billing:view"

    def fetch(self, account_id: uuid.UUID, customer_id: uuid.UUID, as_of: dt.date | None) -> bytes:
        return self._pdf(account_id, f"/customers/{customer_id}/statement.pdf", "the statement",
                         {"as_of": as_of.isoformat()} if as_of else None)

    def fetch_invoice(self, account_id: uuid.UUID, invoice_id: uuid.UUID) -> bytes:
        return self._pdf(account_id, f"/invoices/{invoice_id}/pdf", "the invoice")

    def fetch_pricing_table(self, account_id: uuid.UUID, customer_id: uuid.UUID) -> bytes:
        return self._pdf(account_id, f"/customers/{customer_id}/pricing-table.pdf", "the pricing table")


class JobsEstimates(_ServicePdfs):
    """Jobs' ``/estimates/{id}/pdf``."""

    service, permission = "jobs", "jobs:view"

    def fetch(self, account_id: uuid.UUID, estimate_id: uuid.UUID) -> bytes:
        return self._pdf(account_id, f"/estimates/{estimate_id}/pdf", "the estimate")
