"""Whether Google Maps is configured, for Settings → Integrations: yes or no and the key's last four, never the key."""
from __future__ import annotations

from chassis.api import Blueprint
from chassis.request_context import adapter
from customers.entrypoints.http.schemas.responses import MapsStatus

blp = Blueprint("integration_status", __name__, description="The outside services this one uses, as configured")

NOT_CONFIGURED = ("No Google Maps API key is configured (FIELDWORK_GOOGLE_MAPS_API_KEY): new addresses are not "
                  "located, and properties show as not geocoded.")


@blp.get("/settings/integrations/maps", "settings:edit", response=MapsStatus)
def maps_integration():
    """Google Maps as this deployment configures it: geocodes each property's address when saved."""
    configured = bool(adapter("geocoder").configured)
    last4 = adapter("maps_key_last4") if configured else None
    return {"configured": configured, "api_key_last4": last4, "message": None if configured else NOT_CONFIGURED}
