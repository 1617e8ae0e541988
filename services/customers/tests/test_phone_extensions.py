"""A phone's extension ("x12") is kept beside its E.164 number and shown (issue 20)."""
import pytest

from customers.domain.phones import parse


@pytest.mark.parametrize("entered, expected", [
    ("512-555-0142 x12", ("+15125550142", "12")),
    ("(555) 010-2233 ext. 7", ("+15550102233", "7")),
    ("+44 20 7946 0958 #3", ("+442079460958", "3")),
    ("512-555-0142;ext=120", ("+15125550142", "120")),
    ("512-555-0142", ("+15125550142", None)),
])
def test_the_extension_is_parsed_beside_the_number(entered, expected):
    assert parse(entered) == expected


def test_a_contact_phone_keeps_and_shows_its_extension(create, client, auth):
    customer = create(contacts=[{"name": "Dana", "phones": [{"number": "512-555-0142 x12", "label": "work"}]}])
    shown = customer["contacts"][0]["phones"][0]
    assert shown == {"number": "512-555-0142 x12", "e164": "+15125550142", "extension": "12",
                     "tel": "tel:+15125550142;ext=12", "label": "work"}
    profile = client.get(f"/customers/{customer['id']}", headers=auth).json
    assert profile["primary_phone"] == shown
    listed = client.get(f"/customers/{customer['id']}/contacts", headers=auth).json
    assert listed[0]["phones"][0]["extension"] == "12"


def test_a_phone_without_an_extension_dials_the_number(create, client, auth):
    customer = create(contacts=[{"name": "Dana", "phones": [{"number": "512-555-0142"}]}])
    shown = customer["contacts"][0]["phones"][0]
    assert (shown["extension"], shown["tel"]) == (None, "tel:+15125550142")


def test_an_edit_replaces_the_extension(create, client, auth):
    customer = create(contacts=[{"name": "Dana", "phones": [{"number": "512-555-0142 x12"}]}])
    url = f"/customers/{customer['id']}/contacts/{customer['contacts'][0]['id']}"
    edited = client.patch(url, json={"phones": [{"number": "512-555-0142 ext 9"}]}, headers=auth).json
    assert edited["phones"][0]["extension"] == "9"
