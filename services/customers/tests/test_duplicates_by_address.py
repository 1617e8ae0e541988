"""Duplicate suggestions: the same normalised address is suggested whatever the name, below phone and email matches."""

HOME = {"line1": "7731 Cedar Ave", "city": "Columbus", "region": "OH", "postal_code": "43215"}


def suggestions(client, auth, customer_id):
    response = client.get(f"/customers/{customer_id}/duplicates", headers=auth)
    assert response.status_code == 200, response.json
    return [(found["customer"]["id"], found["reasons"]) for found in response.json["items"]]


def test_another_name_at_the_same_address_is_suggested_below_phone_and_email(client, auth, other_auth, create):
    owner = create("Ruth Adler", contacts=[{"name": "Ruth", "emails": ["ruth@adler.com"],
                                            "phones": [{"number": "614-555-0142"}]}], properties=[HOME])
    # A spouse or the next owner: another name, the address typed in other case.
    spouse = create("Sam Adler", properties=[{**HOME, "line1": "7731 CEDAR AVE"}])
    by_phone = create("R. Adler", contacts=[{"name": "R", "phones": [{"number": "(614) 555-0142"}]}])
    by_email = create("Ruthie", contacts=[{"name": "R", "emails": ["RUTH@adler.com"]}])
    create("Same Street", properties=[{**HOME, "line1": "7733 Cedar Ave"}])
    create("Other Account", headers=other_auth, properties=[HOME])
    found = suggestions(client, auth, owner["id"])
    assert dict(found) == {spouse["id"]: ["address"], by_phone["id"]: ["phone"], by_email["id"]: ["email"]}
    assert found[-1] == (spouse["id"], ["address"])


def test_the_same_name_at_the_same_address_says_so(client, auth, create):
    first = create("Ruth Adler", properties=[HOME])
    again = create("ruth adler", properties=[{**HOME, "postal_code": "43215"}])
    assert suggestions(client, auth, first["id"]) == [(again["id"], ["name_and_address"])]
