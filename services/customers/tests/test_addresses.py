"""Addresses are real: the region is a subdivision of the country, the postcode fits its format (issue 20)."""
import pytest

from customers.domain.addresses import InvalidAddress, checked

ADDRESS = {"line1": "4812 Ridgeview Dr", "city": "Austin", "region": "TX", "postal_code": "78731"}


@pytest.mark.parametrize("address, standard", [
    ({"country": "US", "region": "tx", "postal_code": "78731"}, ("US", "TX", "78731")),
    ({"country": "US", "region": "US-NY", "postal_code": "10001-2233"}, ("US", "NY", "10001-2233")),
    ({"country": "US", "region": "texas", "postal_code": "73301"}, ("US", "Texas", "73301")),
    ({"country": "CA", "region": "québec", "postal_code": "h3z  2y7"}, ("CA", "Quebec", "H3Z 2Y7")),
    ({"country": "GB", "region": "", "postal_code": "sw1a 1aa"}, ("GB", "", "SW1A 1AA")),
    ({"country": "IE", "region": "", "postal_code": ""}, ("IE", "", "")),
    ({"region": "IL", "postal_code": "62701"}, ("US", "IL", "62701")),
])
def test_real_addresses_are_kept_in_standard_form(address, standard):
    found = checked(address)
    assert (found["country"], found["region"], found["postal_code"]) == standard


@pytest.mark.parametrize("address, wrong", [
    ({"country": "US", "region": "ZZ", "postal_code": "abc"}, {"region", "postal_code"}),
    ({"country": "US", "region": "", "postal_code": "78731"}, {"region"}),
    ({"country": "US", "region": "TX", "postal_code": "10001"}, {"postal_code"}),  # a New York ZIP in Texas
    ({"country": "US", "region": "TX", "postal_code": ""}, {"postal_code"}),
    ({"country": "DE", "region": "", "postal_code": "1234"}, {"postal_code"}),
    ({"country": "CA", "region": "TX", "postal_code": "H3Z 2Y7"}, {"region"}),
    ({"country": "ZZ", "region": "TX", "postal_code": "78731"}, {"country"}),
])
def test_addresses_that_are_not_real_name_each_wrong_field(address, wrong):
    with pytest.raises(InvalidAddress) as refused:
        checked(address)
    assert set(refused.value.problems) == wrong


def test_a_new_property_with_a_made_up_region_and_postcode_is_422_and_writes_nothing(create, client, auth,
                                                                                     table_counts):
    customer = create()
    before = table_counts()
    response = client.post(f"/customers/{customer['id']}/properties", headers=auth,
                           json={**ADDRESS, "region": "ZZ", "postal_code": "abc"})
    assert response.status_code == 422
    assert set(response.json["error"]["fields"]) == {"region", "postal_code"}
    assert table_counts() == before


def test_a_new_customer_names_the_property_that_is_wrong(client, auth, table_counts):
    before = table_counts()
    response = client.post("/customers", headers=auth, json={
        "display_name": "Dana", "properties": [ADDRESS, {**ADDRESS, "postal_code": "abc"}]})
    assert response.status_code == 422
    assert response.json["error"]["fields"] == {"properties": {"1": {"postal_code": [
        "Not a postal code of TX, US, e.g. 75000, 73344."]}}}
    assert table_counts() == before


def test_an_address_is_kept_in_standard_form(create, client, auth):
    customer = create()
    prop = client.post(f"/customers/{customer['id']}/properties", headers=auth,
                       json={**ADDRESS, "region": "us-tx", "postal_code": " 78731-1234 "}).json
    assert (prop["country"], prop["region"], prop["postal_code"]) == ("US", "TX", "78731-1234")


def test_an_edit_is_checked_with_the_rest_of_the_stored_address(create, client, auth):
    customer = create(properties=[ADDRESS])
    url = f"/customers/{customer['id']}/properties/{customer['properties'][0]['id']}"
    moved_country = client.patch(url, headers=auth, json={"country": "CA"})
    assert moved_country.status_code == 422
    assert set(moved_country.json["error"]["fields"]) == {"region", "postal_code"}
    wrong_zip = client.patch(url, headers=auth, json={"postal_code": "10001"})
    assert wrong_zip.status_code == 422 and list(wrong_zip.json["error"]["fields"]) == ["postal_code"]
    assert client.get(url.rsplit("/", 1)[0], headers=auth).json[0]["postal_code"] == "78731"
    moved = client.patch(url, headers=auth, json={"country": "CA", "region": "ON", "postal_code": "k1a 0b1"})
    assert moved.status_code == 200
    assert (moved.json["region"], moved.json["postal_code"]) == ("ON", "K1A 0B1")
    notes_only = client.patch(url, headers=auth, json={"access_notes": "Side gate"})
    assert notes_only.status_code == 200
