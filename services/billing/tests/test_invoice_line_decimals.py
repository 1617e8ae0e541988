"""Invoice lines' quantity and tax rate: exact decimals as JSON strings, in, out and in the document alike."""
from __future__ import annotations

import re

import pytest


def _line(**fields) -> dict:
    return {"description": "Labour", "unit_price_cents": 3333, **fields}


@pytest.mark.parametrize("fields, name", [({"quantity": 1.5}, "quantity"), ({"quantity": 2}, "quantity"),
                                          ({"tax_rate": 8.25}, "tax_rate"), ({"quantity": "1.5e2"}, "quantity"),
                                          ({"quantity": " 1.5"}, "quantity"), ({"quantity": "1.5\n"}, "quantity"),
                                          ({"quantity": "0"}, "quantity"), ({"tax_rate": "100.001"}, "tax_rate"),
                                          ({"quantity": "NaN"}, "quantity"), ({"quantity": "١"}, "quantity")])
def test_a_decimal_not_written_as_the_document_says_is_refused(client, auth, customer, fields, name):
    response = client.post("/invoices", json={"customer_id": str(customer), "lines": [_line(**fields)]}, headers=auth)
    assert response.status_code == 422, (fields, response.get_json())
    assert list(response.get_json()["error"]["fields"]) == ["lines"]
    assert name in str(response.get_json()["error"]["fields"]["lines"])


def test_decimals_come_back_as_strings_of_the_documented_shape(api, client, customer):
    document = client.get("/openapi.json").get_json()["components"]["schemas"]
    invoice = api.invoice(customer, lines=[_line(quantity="1.5", tax_rate="8.25"), _line()])
    for name in ("quantity", "tax_rate"):
        shown = document["LineOut"]["properties"][name]
        assert (shown["type"], shown["format"]) == ("string", "decimal")
        assert document["LineIn"]["properties"][name]["pattern"] == shown["pattern"]
        assert all(re.fullmatch(shown["pattern"], line[name]) for line in invoice["lines"])
    assert [(line["quantity"], line["tax_rate"]) for line in invoice["lines"]] == [("1.50", "8.250"), ("1.00", "0.000")]
    assert invoice["lines"][0]["amount_cents"] == 5000 and invoice["lines"][0]["tax_cents"] == 413


def _bounds(node, where=""):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
                yield f"{where}.{key}", value
            else:
                yield from _bounds(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _bounds(value, f"{where}.{index}")


def test_every_bound_in_the_document_is_a_number(client):
    document = client.get("/openapi.json").get_json()
    bounds = list(_bounds(document))
    assert bounds and [(where, value) for where, value in bounds if not isinstance(value, (int, float))] == []
