"""Marking an invoice viewed is a write: it needs billing:edit, as the gateway asks for every POST."""
from __future__ import annotations


def test_viewed_needs_billing_edit(api, client, make_token, account_id, customer):
    invoice = api.invoice(customer)
    viewer = {"Authorization": f"Bearer {make_token(account_id, perms=['billing:view'])}"}
    refused = client.post(f"/invoices/{invoice['id']}/viewed", headers=viewer)
    assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "forbidden"
    assert api.call("get", f"/invoices/{invoice['id']}")["status"] == "sent"
    editor = {"Authorization": f"Bearer {make_token(account_id, perms=['billing:edit'])}"}
    marked = client.post(f"/invoices/{invoice['id']}/viewed", headers=editor)
    assert marked.status_code == 200 and marked.get_json()["status"] == "viewed"
