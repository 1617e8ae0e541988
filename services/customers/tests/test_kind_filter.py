"""The list and the search narrow to one kind of customer (residential or commercial) when asked."""


def ids(client, auth, **query):
    response = client.get("/customers", query_string=query, headers=auth)
    assert response.status_code == 200, response.json
    return [c["id"] for c in response.json["items"]]


def test_the_list_and_the_search_keep_the_kind_asked(client, auth, create):
    home = create("Dana Hill")["id"]
    shop = create("Hill Country Dental", kind="commercial", company="Hill Country Dental")["id"]
    assert set(ids(client, auth)) == {home, shop}
    assert ids(client, auth, kind="commercial") == [shop]
    assert ids(client, auth, kind="residential") == [home]
    assert ids(client, auth, q="hill", kind="commercial") == [shop]
    assert ids(client, auth, q="hill", kind="residential") == [home]
    assert set(ids(client, auth, q="hill")) == {home, shop}


def test_an_unknown_kind_is_a_field_error(client, auth):
    response = client.get("/customers", query_string={"kind": "industrial"}, headers=auth)
    assert response.status_code == 422 and "kind" in response.json["error"]["fields"]
