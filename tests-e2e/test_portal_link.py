"""The portal invite's emailed link opens what the gateway serves (the web app's page), never a 404."""
import re

import pytest
import requests

from polling import eventually

pytestmark = pytest.mark.system


def test_the_link_in_the_portal_invitation_email_opens_a_page(api, system):
    customer = api.post("/customers", expect=201, json={
        "display_name": "Casey Lin", "contacts": [{"name": "Casey Lin", "emails": ["casey.portal@example.com"]}]}).json()
    api.post(f"/customers/{customer['id']}/portal-invites", expect=201, json={})

    def mailed():
        return [m for m in system.smtp.messages if "casey.portal@example.com" in m["to"]]

    message = eventually(mailed, seconds=30)[0]["data"].decode()
    link = re.search(r"https?://\S+/portal/magic/\S+", message).group(0)
    path = link.split("/portal/", 1)[1]
    page = requests.get(f"{system.gateway.url}/portal/{path}", timeout=10)
    assert page.status_code != 404, page.text[:200]
