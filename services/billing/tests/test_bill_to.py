"""An invoice billed to the service customer's bill-to parent: in both customers' invoices, in the payer's books."""
import requests


def _customers(customers_service, make_token, account_id, *names) -> list[str]:
    auth = {"Authorization": f"Bearer {make_token(account_id)}"}
    ids = []
    for name in names:
        response = requests.post(f"{customers_service.url}/customers", json={"display_name": name}, headers=auth,
                                 timeout=10)
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    return ids


def _link(customers_service, make_token, account_id, customer, related, kind="bill_to"):
    response = requests.post(f"{customers_service.url}/customers/{customer}/relations",
                             json={"related_id": related, "kind": kind},
                             headers={"Authorization": f"Bearer {make_token(account_id)}"}, timeout=10)
    assert response.status_code == 201, response.text


def _invoices(api, customer) -> list[str]:
    return [i["number"] for i in api.call("get", f"/customers/{customer}/invoices")["items"]]


def test_a_billed_to_invoice_shows_for_both_and_its_money_is_the_payers(api, app, emitted, customers_service,
                                                                         make_token, account_id):
    tenant, parent = _customers(customers_service, make_token, account_id, "Tia Tenant", "Parent Holdings")
    _link(customers_service, make_token, account_id, tenant, parent)
    invoice = api.invoice(tenant, bill_to_customer_id=parent,
                          lines=[{"description": "Furnace repair", "unit_price_cents": 25000}])
    assert invoice["customer_id"] == tenant and invoice["bill_to_customer_id"] == parent
    # Comms mails what billing says was sent: to the payer.
    [sent] = [e["data"] for e in emitted(app, account_id, "invoice.sent") if e["data"]["invoice_id"] == invoice["id"]]
    assert (sent["customer_id"], sent["bill_to_customer_id"]) == (tenant, parent)
    assert _invoices(api, tenant) == [invoice["number"]] == _invoices(api, parent)
    assert api.call("get", f"/customers/{parent}/billing-summary")["balance_cents"] == 25000
    assert api.call("get", f"/customers/{tenant}/billing-summary")["balance_cents"] == 0
    # the payer pays it: the invoice is theirs to pay, by name or oldest first
    api.pay(parent, 25000)
    assert api.call("get", f"/invoices/{invoice['id']}")["status"] == "paid"
    assert api.call("get", f"/customers/{parent}/billing-summary")["balance_cents"] == 0
    api.pay(tenant, 100, allocations=[(invoice["id"], 100)], expect=422)


def test_only_a_linked_bill_to_parent_may_be_billed(api, customers_service, make_token, account_id):
    tenant, stranger, manager = _customers(customers_service, make_token, account_id, "Tom", "Stranger", "Manager")
    _link(customers_service, make_token, account_id, tenant, manager, kind="tenant")
    for other in (stranger, manager):
        response = api.call("post", "/invoices", 422, json={
            "customer_id": tenant, "bill_to_customer_id": other,
            "lines": [{"description": "Tune-up", "unit_price_cents": 100}]})
        assert "bill_to_customer_id" in response["error"]["fields"]
    assert _invoices(api, tenant) == []
