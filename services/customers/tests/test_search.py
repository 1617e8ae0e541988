"""Search: one box for name, company, number, email and phone; ranked, paged, archived left out."""
import pytest


@pytest.fixture
def people(create):
    dana = create("Dana Whitfield", contacts=[{"name": "Dana", "emails": ["Dana.Whitfield@Gmail.com"],
                                              "phones": [{"number": "(555) 010-2233"}]}])
    dental = create("Hill Country Dental", kind="commercial", company="Hill Country Dental Group",
                    contacts=[{"name": "Front desk", "emails": ["frontdesk@hcdental.com"],
                               "phones": [{"number": "+1 512 555 0199"}]}])
    danny = create("Danny Whitman")
    return {"dana": dana, "dental": dental, "danny": danny}


def search(client, auth, q, **extra):
    response = client.get("/customers", query_string={"q": q, **extra}, headers=auth)
    assert response.status_code == 200, response.json
    return [c["id"] for c in response.json["items"]]


@pytest.mark.parametrize("typed", ["(555) 010-2233", "5550102233", "555-010-2233", "+1 555 010", "+15550102233",
                                   "010-2233"])
def test_phone_however_typed(client, auth, people, typed):
    assert search(client, auth, typed)[0] == people["dana"]["id"]


@pytest.mark.parametrize("typed", ["dana.whitfield@gmail.com", "DANA.WHITFIELD@GMAIL.COM", "whitfield@gm"])
def test_email_case_insensitive_and_partial(client, auth, people, typed):
    assert search(client, auth, typed) == [people["dana"]["id"]]


def test_customer_number_ranks_first(client, auth, people):
    number = people["dental"]["number"]
    assert search(client, auth, number)[0] == people["dental"]["id"]
    assert search(client, auth, number.lower().replace("c-", ""))[0] == people["dental"]["id"]


def test_company_and_partial_names(client, auth, people):
    assert search(client, auth, "country dental") == [people["dental"]["id"]]
    assert search(client, auth, "dental group") == [people["dental"]["id"]]
    assert set(search(client, auth, "whit")) == {people["dana"]["id"], people["danny"]["id"]}
    assert search(client, auth, "da")[0] in {people["dana"]["id"], people["danny"]["id"]}


def test_exact_name_outranks_a_partial_one(client, auth, people):
    assert search(client, auth, "Danny Whitman")[0] == people["danny"]["id"]
    assert search(client, auth, "dana whitfield")[0] == people["dana"]["id"]


def test_a_misspelt_name_still_finds(client, auth, people):
    assert people["dana"]["id"] in search(client, auth, "Whitfeld")


def test_archived_left_out_unless_asked(client, auth, people):
    client.post(f"/customers/{people['dana']['id']}/archive", headers=auth)
    assert search(client, auth, "5550102233") == []
    assert search(client, auth, "5550102233", include_archived="true") == [people["dana"]["id"]]


def test_search_pages_with_a_cursor(client, auth, create):
    ids = {create(f"Garcia {i}")["id"] for i in range(5)}
    seen, cursor = [], None
    while True:
        query = {"q": "garcia", "limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get("/customers", query_string=query, headers=auth).json
        seen += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == 5 and set(seen) == ids


def test_search_is_scoped_to_the_account(client, other_auth, people):
    assert search(client, other_auth, "dana") == []
    assert search(client, other_auth, "5550102233") == []


def test_search_filters_by_status(client, auth, people):
    client.post(f"/customers/{people['danny']['id']}/status", json={"to": "active"}, headers=auth)
    assert search(client, auth, "whit", status="active") == [people["danny"]["id"]]

