"""PATCH bodies: any top-level field may be left out, but an object sent inside one is validated whole."""
from __future__ import annotations

import pytest

def _names(fields, path=()) -> set[str]:
    """The dotted names of the fields the envelope's messages are about, however nested messages are wrapped."""
    if isinstance(fields, dict):
        return set().union(*(_names(value, path + (name,)) for name, value in fields.items()))
    nested = [item for item in fields if isinstance(item, dict)]
    return set().union(*(_names(item, path) for item in nested)) if nested else {".".join(path)}


ADDRESS = {"line1": "4812 Ridgeview Dr", "city": "Austin", "region": "TX", "postal_code": "78731"}


def test_a_do_not_service_without_its_flag_is_refused_on_the_field(create, client, auth, table_counts):
    customer = create()
    before = table_counts()
    response = client.patch(f"/customers/{customer['id']}", headers=auth, json={"do_not_service": {"reason": "x"}})
    assert response.status_code == 422, response.json
    assert _names(response.json["error"]["fields"]) == {"do_not_service.flag"}
    assert table_counts() == before


def test_a_phone_without_its_number_is_refused_on_the_field(create, client, auth, table_counts):
    customer = create(contacts=[{"name": "Dana", "phones": [{"number": "512-555-0142"}]}])
    contact_id = customer["contacts"][0]["id"]
    before = table_counts()
    response = client.patch(f"/customers/{customer['id']}/contacts/{contact_id}", headers=auth,
                            json={"phones": [{"number": "512-555-0199"}, {"label": "mobile"}]})
    assert response.status_code == 422, response.json
    assert _names(response.json["error"]["fields"]) == {"phones.1.number"}
    assert table_counts() == before


@pytest.mark.parametrize("body", [{"do_not_service": {"flag": True, "reason": "Abusive to staff"}},
                                  {"do_not_service": {"flag": False}}])
def test_a_whole_do_not_service_still_patches(create, client, auth, body):
    customer = create()
    response = client.patch(f"/customers/{customer['id']}", headers=auth, json=body)
    assert response.status_code == 200, response.json
    assert response.json["do_not_service"] == {"reason": None, **body["do_not_service"]}


def test_the_top_level_fields_of_a_patch_stay_optional(create, client, auth):
    customer = create(contacts=[{"name": "Dana"}], properties=[ADDRESS])
    cid = customer["id"]
    assert client.patch(f"/customers/{cid}", headers=auth, json={"lead_source": "Yelp"}).status_code == 200
    contact = customer["contacts"][0]["id"]
    assert client.patch(f"/customers/{cid}/contacts/{contact}", headers=auth, json={"role": "Owner"}).status_code == 200
    prop = customer["properties"][0]["id"]
    assert client.patch(f"/customers/{cid}/properties/{prop}", headers=auth,
                        json={"access_notes": "Gate 1"}).status_code == 200
