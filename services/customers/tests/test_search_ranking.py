"""Search ranks every kind of key in one list: numbers, exact keys, names, addresses; pages have no gaps or repeats."""
import pytest


def home(line1, city="Columbus", region="OH", postal_code="43215"):
    return {"line1": line1, "city": city, "region": region, "postal_code": postal_code}


def search(client, auth, q, **extra):
    response = client.get("/customers", query_string={"q": q, **extra}, headers=auth)
    assert response.status_code == 200, response.json
    return [c["id"] for c in response.json["items"]]


def every_page(client, auth, q, limit, **extra):
    seen, cursor = [], None
    for _ in range(100):
        query = {"q": q, "limit": limit, **extra, **({"cursor": cursor} if cursor else {})}
        response = client.get("/customers", query_string=query, headers=auth)
        assert response.status_code == 200, response.json
        seen += [c["id"] for c in response.json["items"]]
        cursor = response.json["next_cursor"]
        if not cursor:
            return seen
    raise AssertionError("the pages never end")


@pytest.fixture
def stones(create):
    """One customer per promise of the ranking for the query "stone", made in an order that is not the ranking's."""
    made = {
        "address_contains": create("Cy Jones", properties=[home("4 Bluestone Ct")]),
        "email_contains": create("Bo Smith", contacts=[{"name": "Bo", "emails": ["bo@firestone-tires.com"]}]),
        "contains": create("Al Firestone"),
        "address_prefix": create("Kai Brown", properties=[home("12 Stoneridge Rd")]),
        "prefix": create("Emma Stonewall"),
        "exact": create("Stone"),
    }
    create("Unrelated Person", properties=[home("1 Main St")])
    return {kind: customer["id"] for kind, customer in made.items()}


def test_the_ranking_promises_in_one_list(client, auth, stones):
    assert search(client, auth, "stone") == [stones[k] for k in (
        "exact", "prefix", "address_prefix", "contains", "email_contains", "address_contains")]


def test_every_word_typed_starts_a_word_of_the_name(client, auth, create):
    dana = create("Dana Whitfield")["id"]
    create("Danny Smith")
    assert search(client, auth, "dan whit") == [dana]
    assert search(client, auth, "whit dan") == [dana]


def test_every_prefix_of_a_name_finds_it_as_it_is_typed(client, auth, create):
    dana = create("Dana Whitfield")["id"]
    create("Robert Okafor", properties=[home("9 Dana Ct")])
    name = "dana whitfield"
    for end in range(1, len(name) + 1):
        assert search(client, auth, name[:end])[0] == dana, name[:end]


@pytest.mark.parametrize("typed", ["7731 Cedar", "7731 cedar ave", "cedar ave", "Columbus", "colum", "43215"])
def test_an_address_finds_its_customer(client, auth, create, typed):
    at_cedar = create("Ruth Adler", properties=[home("7731 Cedar Ave")])["id"]
    create("Cedric Hale", properties=[home("15 Elm St", city="Dayton", postal_code="45402")])
    assert search(client, auth, typed) == [at_cedar]


def test_every_property_of_a_customer_is_searched(client, auth, create):
    two_homes = create("Ruth Adler", properties=[home("1 Main St"), home("88 Lakeshore Blvd", city="Toledo",
                                                                        postal_code="43604")])["id"]
    assert search(client, auth, "lakeshore") == [two_homes]
    assert search(client, auth, "toledo") == [two_homes]
    assert search(client, auth, "43604") == [two_homes]


@pytest.mark.parametrize("typed", ["(614) 555-0142", "614.555.0142", "+1 614 555 0142", "6145550142", "555-0142"])
def test_a_phone_in_any_format(client, auth, create, typed):
    caller = create("Ruth Adler", contacts=[{"name": "Ruth", "phones": [{"number": "614-555-0142"}]}])["id"]
    create("Other Person", contacts=[{"name": "Other", "phones": [{"number": "614-555-0199"}]}])
    assert search(client, auth, typed) == [caller]


def test_address_matches_follow_the_filters(client, auth, create):
    active = create("Ruth Adler", properties=[home("7731 Cedar Ave")], tags=["VIP"])["id"]
    lead = create("Sam Adler", properties=[home("7733 Cedar Ave")])["id"]
    archived = create("Old Owner", properties=[home("7735 Cedar Ave")])["id"]
    client.post(f"/customers/{active}/status", json={"to": "active"}, headers=auth)
    client.post(f"/customers/{archived}/archive", headers=auth)
    assert set(search(client, auth, "cedar ave")) == {active, lead}
    assert search(client, auth, "cedar ave", status="active") == [active]
    assert search(client, auth, "cedar ave", tag="vip") == [active]
    assert archived in search(client, auth, "cedar ave", include_archived="true")


def test_pages_have_no_gaps_or_repeats_across_kinds_of_match(client, auth, create):
    """Customers found by several keys at once (name, email, address) are listed once, at their best rank."""
    made = set()
    for i in range(4):
        made.add(create(f"Oakley {i}")["id"])
        made.add(create(f"Lee Oakes {i}", contacts=[{"name": "Lee", "emails": [f"oak{i}@example.com"]}],
                        properties=[home(f"{i} Oak St")])["id"])
        made.add(create(f"Kim Park {i}", contacts=[{"name": "Kim", "emails": [f"kim.oak{i}@example.com"]}])["id"])
        made.add(create(f"Jo Ray {i}", properties=[home(f"{i} Oakwood Ln"), home(f"{i} Soak Rd")])["id"])
        made.add(create(f"Soaks {i}")["id"])
    whole = search(client, auth, "oak", limit=100)
    assert set(whole) == made and len(whole) == len(made)
    for limit in (1, 2, 3, 7):
        assert every_page(client, auth, "oak", limit) == whole, limit


def test_cursor_pages_of_a_common_name(client, auth, create):
    made = [create(f"James {last}")["id"] for last in ("Smith", "Jones", "Brown", "Garcia", "Lee", "Kim", "Cole")]
    made += [create(f"Ann Jameson {i}")["id"] for i in range(3)]
    made.append(create("Ann James")["id"])
    pages = every_page(client, auth, "james", 3)
    assert len(pages) == len(set(pages)) == len(made) and set(pages) == set(made)
    assert pages == search(client, auth, "james", limit=100)


def test_no_result_of_another_account(client, auth, other_auth, create):
    mine = create("Ruth Adler", contacts=[{"name": "Ruth", "emails": ["ruth@adler.com"],
                                           "phones": [{"number": "614-555-0142"}]}],
                  properties=[home("7731 Cedar Ave")])
    create("Ruth Adler", headers=other_auth, contacts=[{"name": "Ruth", "emails": ["ruth@adler.com"],
                                                        "phones": [{"number": "614-555-0142"}]}],
           properties=[home("7731 Cedar Ave")])
    for typed in ("ruth adler", "ruth", "adl", "ruth adlr", "ruth@adler.com", "adler.com", "614-555-0142", "0142",
                  "7731 cedar", "columbus", "43215", mine["number"]):
        assert search(client, auth, typed) == [mine["id"]], typed
    assert search(client, other_auth, mine["number"]) != [mine["id"]]
