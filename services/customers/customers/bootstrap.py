"""The composition root of the customers service: its spec, its outside systems, and the app gunicorn serves."""
from __future__ import annotations

from pathlib import Path

from chassis.app import create_app as chassis_create_app
from chassis.references import RecordsApi
from chassis.service import Runtime, ServiceSpec
from customers.adapters.geocoding import NoGeocoder, google_geocoder
from customers.adapters.portal_tokens import PortalTokens
from customers.entrypoints.events import handlers
from customers.entrypoints.http import (customers, erasure, imports, integration_status, merges, notes, parts, portal,
                                        relations, review_settings, workspace_part)

DEFAULT_PORTAL_URL = "http://127.0.0.1:8080/portal/magic"
IMPORT_MAX_BYTES = 48 * 1024 * 1024


def wire(runtime: Runtime) -> None:
    """Geocoding only when a Google Maps key is configured; without one, properties stay "not geocoded"."""
    settings = runtime.settings
    key = settings.option("google_maps_api_key", "FIELDWORK_GOOGLE_MAPS_API_KEY")
    base_url = settings.option("google_maps_base_url", "FIELDWORK_GOOGLE_MAPS_BASE_URL") or None
    runtime.adapters["geocoder"] = google_geocoder(key, base_url=base_url) if key else NoGeocoder()
    runtime.adapters["maps_key_last4"] = key[-4:] if key else None  # all Settings → Integrations shows of the key
    runtime.adapters["portal_tokens"] = PortalTokens(runtime.settings.jwt_secret)
    runtime.adapters["portal_url"] = settings.option("portal_url", "FIELDWORK_PORTAL_URL", DEFAULT_PORTAL_URL)
    runtime.adapters["comms_api"] = RecordsApi("comms", "/communications/{id}")
    # An export of 100,000 customers (POST /imports) runs to about 20 MB, past the chassis's 16 MB default.
    runtime.settings.extra.setdefault("max_content_length", IMPORT_MAX_BYTES)


SPEC = ServiceSpec(
    name="customers",
    title="Fieldwork customers",
    description="Customers, contacts, properties, equipment, notes, search, merges and portal invites.",
    blueprints=[customers.blp, parts.blp, notes.blp, merges.blp, portal.blp, workspace_part.blp,
                review_settings.blp, integration_status.blp, imports.blp, erasure.blp,
                relations.blp],
    migrations=Path(__file__).parent / "migrations",
    handlers=handlers,
    wire=wire,
    app_factory="customers.bootstrap:create_app()",
)


def create_app():
    return chassis_create_app(SPEC)
