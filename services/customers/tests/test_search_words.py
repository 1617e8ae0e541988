"""The words search reads in index order follow every write of a name or an address, in the same transaction."""
import uuid

from sqlalchemy import text


def home(line1, city="Columbus", region="OH", postal_code="43215"):
    return {"line1": line1, "city": city, "region": region, "postal_code": postal_code}


def search(client, auth, q):
    response = client.get("/customers", query_string={"q": q}, headers=auth)
    assert response.status_code == 200, response.json
    return [c["id"] for c in response.json["items"]]


def words(app, customer_id, kind):
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        rows = connection.execute(text("SELECT word FROM search_words WHERE customer_id = :c AND kind = :k "
                                       "ORDER BY word"), {"c": uuid.UUID(customer_id), "k": kind})
        return [row.word for row in rows]


def test_a_name_and_a_company_are_words_as_soon_as_saved(app, client, auth, create):
    customer = create("Dana  Whitfield", company="Hill Country Dental")["id"]
    assert words(app, customer, "n") == ["country", "dana", "dental", "hill", "whitfield"]
    response = client.patch(f"/customers/{customer}", json={"display_name": "Dana Okafor", "company": None},
                            headers=auth)
    assert response.status_code == 200, response.json
    assert words(app, customer, "n") == ["dana", "okafor"]
    assert search(client, auth, "oka") == [customer]
    assert search(client, auth, "whit") == []


def test_every_property_adds_its_words_and_takes_them_away(app, client, auth, create):
    customer = create("Ruth Adler", properties=[home("7731 Cedar Ave")])
    cid, first = customer["id"], customer["properties"][0]["id"]
    second = client.post(f"/customers/{cid}/properties", headers=auth,
                         json=home("88 Lakeshore Blvd", city="Toledo", postal_code="43604")).json["id"]
    assert "lakeshore" in words(app, cid, "a") and "cedar" in words(app, cid, "a")
    assert search(client, auth, "lakes") == [cid]
    response = client.patch(f"/customers/{cid}/properties/{first}", json={"line1": "9 Elm St"}, headers=auth)
    assert response.status_code == 200, response.json
    assert search(client, auth, "cedar") == [] and search(client, auth, "elm") == [cid]
    assert client.delete(f"/customers/{cid}/properties/{second}", headers=auth).status_code == 204
    assert words(app, cid, "a") == ["43215", "9", "columbus", "elm", "st"]


def test_a_word_two_properties_share_stays_while_one_has_it(app, client, auth, create):
    customer = create("Ruth Adler", properties=[home("1 Main St"), home("2 Main St")])
    assert client.delete(f"/customers/{customer['id']}/properties/{customer['properties'][1]['id']}",
                         headers=auth).status_code == 204
    assert "main" in words(app, customer["id"], "a")


def test_a_merge_moves_the_address_words_with_the_properties_and_undo_moves_them_back(app, client, auth, create):
    target = create("Ruth Adler")["id"]
    duplicate = create("R. Adler", properties=[home("7731 Cedar Ave")])["id"]
    merge = client.post(f"/customers/{target}/merge", json={"duplicate_id": duplicate}, headers=auth)
    assert merge.status_code in (200, 201), merge.json
    assert "cedar" in words(app, target, "a") and words(app, duplicate, "a") == []
    assert search(client, auth, "7731 ced") == [target]
    assert client.post(f"/merges/{merge.json['id']}/undo", headers=auth).status_code in (200, 201)
    assert words(app, target, "a") == [] and "cedar" in words(app, duplicate, "a")


def vocabulary(app, word):
    """The accounts whose vocabulary holds ``word``."""
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        rows = connection.execute(text("SELECT account_id FROM search_vocabulary WHERE kind = 'n' AND word = :w"),
                                  {"w": word})
        return {row.account_id for row in rows}


def test_fragments_and_typos_are_read_from_the_account_own_distinct_words(app, client, auth, other_auth, create):
    mine = create("Ann Quixotic")["id"]
    theirs = create("Bo Quixotic", headers=other_auth)["id"]
    assert len(vocabulary(app, "quixotic")) == 2  # one row per account, written with the customer
    assert search(client, auth, "ixot") == [mine] and search(client, other_auth, "ixot") == [theirs]
    assert search(client, auth, "quixotik") == [mine]  # a letter off
    assert search(client, auth, "ann quixotik") == [mine]
    response = client.patch(f"/customers/{mine}", json={"display_name": "Ann Plainfield"}, headers=auth)
    assert response.status_code == 200, response.json
    # The vocabulary only grows: the old word stays in it and finds nobody here any more.
    assert len(vocabulary(app, "quixotic")) == 2
    assert search(client, auth, "ixot") == [] and search(client, auth, "quixotik") == []
    assert search(client, auth, "infiel") == [mine] and search(client, auth, "ann plainfeld") == [mine]
    assert search(client, other_auth, "infiel") == []
