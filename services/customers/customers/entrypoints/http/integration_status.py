"""Whether Google Maps is configured, for Settings → Integrations: yes or no and the key's last four, never the key."""
from __future__ import annotations

from flask.views import MethodView

from chassis.api import Blueprint
from chassis.auth import require
from chassis.request_context import adapter
from customers.entrypoints.http.schemas.responses import MapsStatus

blp = Blueprint("integration_status", __name__, description="The outside services this one uses, as configured")

NOT_CONFIGURED = ("No Google Maps API key is configured (FIELDWORK_GOOGLE_MAPS_API_KEY): new addresses are not "
                  "located, and properties show as not geocoded.")


@blp.route("/settings/integrations/maps")
class MapsIntegration(MethodView):
    @require("settings:edit")
    @blp.response(200, MapsStatus)
    def get(self):
        """Google Maps as this deployment configures it: geocodes each property's address when saved."""
        configured = bool(adapter("geocoder").configured)
        last4 = adapter("maps_key_last4") if configured else None
        return {"configured": configured, "api_key_last4": last4, "message": None if configured else NOT_CONFIGURED}
