"""Whether email and texts can go out, for Settings → Integrations: what is configured and where it goes, never a
password or key (only a key's last four) and never a URL's credentials, path or query."""
from __future__ import annotations

from urllib.parse import urlsplit

from chassis.api import Blueprint
from chassis.request_context import adapter

from comms.entrypoints.http.schemas.responses import MessagingStatus
from comms.service_layer.sending import NOT_CONFIGURED

blp = Blueprint("integration_status", __name__, description="The outside services this one uses, as configured")


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}" if parts.port else (parts.hostname or "")


def messaging_status(mailer, sms) -> dict:
    email = ({"configured": True, "server": f"{mailer.host}:{mailer.port}", "sender": mailer.sender, "message": None}
             if mailer.configured else
             {"configured": False, "server": None, "sender": None, "message": NOT_CONFIGURED["email"]})
    # A key too short to keep most of it hidden is not shown at all.
    texts = ({"configured": True, "provider": _host(sms.base_url), "sender": sms.sender,
              "api_key_last4": sms.api_key[-4:] if len(sms.api_key) >= 8 else None, "message": None}
             if sms.configured else
             {"configured": False, "provider": None, "sender": None, "api_key_last4": None,
              "message": NOT_CONFIGURED["sms"]})
    return {"email": email, "sms": texts}


@blp.get("/settings/integrations/messaging", "settings:edit", response=MessagingStatus)
def messaging_integration():
    """Email (SMTP) and SMS as this deployment configures them."""
    return messaging_status(adapter("mailer"), adapter("sms"))
