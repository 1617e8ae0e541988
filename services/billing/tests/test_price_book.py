"""The price book: items kept with a standard price and prices per kind of property; a customer's pricing table
priced for each of their properties, drawn as a PDF and emailed through comms."""
from __future__ import annotations

import io
import uuid
from decimal import Decimal

from pypdf import PdfReader

from fieldwork_contracts.checking import example

HOUSE, SHOP = str(uuid.uuid4()), str(uuid.uuid4())


def _customer_with_properties(app, deliver, account_id, properties) -> uuid.UUID:
    envelope = example("customer.created")
    customer_id = uuid.uuid4()
    envelope.update(id=str(uuid.uuid4()), account_id=str(account_id))
    address = envelope["data"]["customer"]["properties"][0]["address"]
    envelope["data"]["customer"].update(id=str(customer_id), display_name="Ridgeview Storage", properties=[
        {"id": pid, "kind": kind, "address": {**address, "line1": line1}} for pid, kind, line1 in properties])
    assert deliver(app, envelope)
    return customer_id


def _item(api, name, cents, **fields):
    return api.call("post", "/price-book", 201, json={"name": name, "unit_price_cents": cents, **fields})


def test_an_item_keeps_its_standard_price_and_prices_per_kind(api):
    item = _item(api, "Spring tune-up", 12900, kind_prices={"commercial": 18900}, tax_rate="8.25",
                 description="Lubricate, balance, test the opener.")
    assert item["unit_price_cents"] == 12900 and item["kind_prices"] == {"commercial": 18900}
    assert Decimal(item["tax_rate"]) == Decimal("8.25") and item["archived"] is False
    changed = api.call("patch", f"/price-book/{item['id']}", json={"kind_prices": {}, "unit_price_cents": 13900})
    assert changed["kind_prices"] == {} and changed["unit_price_cents"] == 13900
    assert changed["name"] == "Spring tune-up"  # a patch leaves what it does not name


def test_bad_items_are_refused_with_field_errors_and_write_nothing(api, client, auth):
    for body, field in (({"unit_price_cents": 100}, "name"),
                        ({"name": "X", "unit_price_cents": -1}, "unit_price_cents"),
                        ({"name": "X", "unit_price_cents": 1.5}, "unit_price_cents"),
                        ({"name": "X", "unit_price_cents": 1, "kind_prices": {"Commercial!": 5}}, "kind_prices"),
                        ({"name": "X", "unit_price_cents": 1, "kind_prices": {"commercial": "5"}}, "kind_prices")):
        response = client.post("/price-book", json=body, headers=auth)
        assert response.status_code == 422 and field in response.json["error"]["fields"], (body, response.json)
    assert api.call("get", "/price-book?q=X")["items"] == []


def test_a_name_is_one_live_item_and_an_archive_can_be_undone(api):
    first = _item(api, "Drain clearing", 9900)
    refused = api.call("post", "/price-book", 422, json={"name": "drain CLEARING", "unit_price_cents": 1})
    assert "already has an item" in refused["error"]["fields"]["name"][0]
    archived = api.call("delete", f"/price-book/{first['id']}")
    assert archived["archived"] is True
    assert [i["id"] for i in api.call("get", "/price-book?archived=true")["items"]] == [first["id"]]
    assert api.call("get", "/price-book")["items"] == []
    restored = api.call("post", f"/price-book/{first['id']}/restore")
    assert restored["archived"] is False and api.call("get", "/price-book")["items"][0]["id"] == first["id"]
    # while archived, the name was free; a live namesake then stops the undo rather than making two
    api.call("delete", f"/price-book/{first['id']}")
    _item(api, "Drain clearing", 11900)
    api.call("post", f"/price-book/{first['id']}/restore", 422)


def test_the_list_pages_by_name_without_gaps_or_repeats(api):
    names = [f"Service {n:02d}" for n in range(7)]
    for name in reversed(names):
        _item(api, name, 1000)
    seen, cursor = [], None
    while True:
        page = api.call("get", "/price-book?limit=3" + (f"&cursor={cursor}" if cursor else ""))
        seen += [i["name"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == names


def test_the_pricing_table_prices_each_property_for_its_kind(api, app, deliver, account_id, client, auth):
    _item(api, "Spring tune-up", 12900, kind_prices={"commercial": 18900})
    _item(api, "Opener install", 45000)
    _item(api, "Euro service", 5000, currency="EUR")  # not the customer's currency: not offered
    customer = _customer_with_properties(app, deliver, account_id,
                                         [(HOUSE, "residential", "12 Elm St"), (SHOP, "commercial", "800 Dock Rd")])
    table = api.call("get", f"/customers/{customer}/pricing-table")
    assert [(p["property_id"], p["kind"]) for p in table["places"]] == [(HOUSE, "residential"), (SHOP, "commercial")]
    assert [(r["name"], r["prices_cents"]) for r in table["rows"]] == [
        ("Opener install", [45000, 45000]), ("Spring tune-up", [12900, 18900])]
    pdf = client.get(f"/customers/{customer}/pricing-table.pdf", headers=auth)
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages)
    for expected in ("Ridgeview Storage", "12 Elm St", "800 Dock Rd", "Spring tune-up", "USD 129.00", "USD 189.00"):
        assert expected in text, expected
    assert "Euro service" not in text


def test_a_customer_without_properties_gets_the_standard_prices(api, app, deliver, account_id):
    _item(api, "Spring tune-up", 12900, kind_prices={"commercial": 18900})
    customer = _customer_with_properties(app, deliver, account_id, [])
    table = api.call("get", f"/customers/{customer}/pricing-table")
    assert table["places"] == [{"property_id": None, "label": "Standard price", "kind": None}]
    assert table["rows"][0]["prices_cents"] == [12900]


def test_sending_asks_comms_through_pricing_table_requested(api, app, emitted, account_id, customer):
    request = api.call("post", f"/customers/{customer}/pricing-table/send", 202, json={"email": "ap@example.com"})
    event = emitted(app, account_id, "pricing_table.requested")[0]["data"]
    assert event["request_id"] == request["id"] and event["customer_id"] == str(customer)
    assert event["email"] == "ap@example.com"


def test_another_account_sees_nothing(api, client, make_token, customer):
    item = _item(api, "Spring tune-up", 12900)
    other = {"Authorization": f"Bearer {make_token(uuid.uuid4())}"}
    assert client.get(f"/price-book/{item['id']}", headers=other).status_code == 404
    assert client.patch(f"/price-book/{item['id']}", json={"name": "Mine"}, headers=other).status_code == 404
    assert client.get("/price-book", headers=other).json["items"] == []
    assert client.get(f"/customers/{customer}/pricing-table", headers=other).status_code == 404


def test_keeping_the_price_book_needs_settings_edit(client, make_token, account_id):
    viewer = {"Authorization": f"Bearer {make_token(account_id, perms=['billing:view', 'billing:edit'])}"}
    assert client.get("/price-book", headers=viewer).status_code == 200
    assert client.post("/price-book", json={"name": "X", "unit_price_cents": 1}, headers=viewer).status_code == 403
