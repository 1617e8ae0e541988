"""customer.erased: the money records stay whole under the pseudonym; emails and the card on file go."""
import uuid

from fieldwork_contracts.checking import examples
from chassis.testing.erasure import relayed, where_held

CARD = {"processor_token": "tok_1N3T00LkdIwHu7ixt44h1F8k", "brand": "visa", "last4": "4242", "exp_month": 8,
        "exp_year": 2099}


def _erased(event_data, account_id, customer_id) -> dict:
    envelope = next(e for _, e in examples() if e["type"] == "customer.erased")
    return {**envelope, "id": str(uuid.uuid4()), "account_id": str(account_id),
            "data": {**envelope["data"], **event_data, "customer_id": str(customer_id)}}


def test_money_stays_and_what_is_about_the_person_goes(app, api, client, auth, new_customer, deliver, account_id):
    tag = uuid.uuid4().hex[:10]
    name, email = f"Cressida Vantongeren{tag}", f"ap.{tag}@example.com"
    customer = new_customer(name)
    invoice = api.invoice(customer, lines=[{"description": "Furnace tune-up", "unit_price_cents": 25000}])
    api.pay(customer, 10000, allocations=[(invoice["id"], 10000)])
    api.call("post", f"/customers/{customer}/statements", 202, json={"email": email})
    api.call("post", f"/customers/{customer}/pricing-table/send", 202, json={"email": email})
    assert client.put(f"/customers/{customer}/card", json=CARD, headers=auth).status_code == 200
    before = api.summary(customer)
    api.call("get", f"/customers/{customer}/workspace-part")  # a stored part, the name in it
    engine = app.extensions["fieldwork"].database.engine
    with engine.begin() as connection:
        relayed(connection)
        assert where_held(connection, [name, email])

    assert deliver(app, _erased({"pseudonym": "Erased customer C-1042"}, account_id, customer))

    with engine.connect() as connection:
        assert where_held(connection, [name, email]) == []
    assert api.summary(customer) == before
    kept = api.call("get", f"/invoices/{invoice['id']}")
    assert (kept["number"], kept["total_cents"], kept["balance_cents"]) == (invoice["number"], 25000, 15000)
    assert client.get(f"/customers/{customer}/card", headers=auth).status_code == 404
    assert client.get(f"/invoices/{invoice['id']}/pdf", headers=auth).status_code == 200


def test_redelivered_or_repeated_the_erasure_changes_nothing_more(app, api, new_customer, deliver, account_id):
    customer = new_customer(f"Cressida {uuid.uuid4().hex[:6]}")
    api.invoice(customer)
    envelope = _erased({}, account_id, customer)
    assert deliver(app, envelope) and not deliver(app, envelope)
    before = api.summary(customer)
    assert deliver(app, _erased({}, account_id, customer))
    assert api.summary(customer) == before
