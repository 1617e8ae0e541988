"""Every customer route: 401 without a token, 403 without the permission, 404 (never data) for another account."""
import uuid

import pytest


@pytest.fixture
def world(client, auth, create):
    """A customer with one of everything, and the routes that reach each part of it."""
    customer = create(contacts=[{"name": "Dana", "emails": ["d@example.com"]}], tags=["VIP"],
                      properties=[{"line1": "1 Main St", "city": "Austin", "region": "TX", "postal_code": "78701"}])
    cid, prop = customer["id"], customer["properties"][0]["id"]
    contact = customer["contacts"][0]["id"]
    unit = client.post(f"/customers/{cid}/properties/{prop}/equipment", json={"kind": "furnace"}, headers=auth).json
    note = client.post(f"/customers/{cid}/notes", json={"body": "n"}, headers=auth).json
    spare = create("Spare")
    merge = client.post(f"/customers/{cid}/merge", json={"duplicate_id": spare["id"]}, headers=auth).json
    base = f"/customers/{cid}"
    routes = [
        ("get", base, None), ("patch", base, {"display_name": "Z"}),
        ("get", f"{base}/status", None), ("post", f"{base}/status", {"to": "active"}),
        ("post", f"{base}/tags", {"tag": "x"}), ("delete", f"{base}/tags/VIP", None),
        ("post", f"{base}/archive", None), ("post", f"{base}/unarchive", None),
        ("get", f"{base}/contacts", None), ("post", f"{base}/contacts", {"name": "B"}),
        ("patch", f"{base}/contacts/{contact}", {"name": "C"}), ("delete", f"{base}/contacts/{contact}", None),
        ("get", f"{base}/properties", None),
        ("post", f"{base}/properties", {"line1": "2 Main", "city": "Austin", "region": "TX", "postal_code": "78701"}),
        ("patch", f"{base}/properties/{prop}", {"notes": "x"}), ("delete", f"{base}/properties/{prop}", None),
        ("post", f"{base}/properties/{prop}/geocode", None),
        ("get", f"{base}/properties/{prop}/equipment", None),
        ("post", f"{base}/properties/{prop}/equipment", {"kind": "furnace"}),
        ("patch", f"{base}/properties/{prop}/equipment/{unit['id']}", {"make": "x"}),
        ("delete", f"{base}/properties/{prop}/equipment/{unit['id']}", None),
        ("get", f"{base}/notes", None), ("post", f"{base}/notes", {"body": "x"}),
        ("patch", f"{base}/notes/{note['id']}", {"body": "y"}), ("delete", f"{base}/notes/{note['id']}", None),
        ("get", f"{base}/activity", None), ("get", f"{base}/workspace-part", None),
        ("get", f"{base}/duplicates", None),
        ("post", f"{base}/merge", {"duplicate_id": str(uuid.uuid4())}),
        ("get", f"{base}/merges", None), ("post", f"/merges/{merge['id']}/undo", None),
        ("get", f"{base}/portal-invites", None), ("post", f"{base}/portal-invites", {}),
    ]
    return customer, routes


def call(client, method, url, body, headers):
    return getattr(client, method)(url, json=body, headers=headers) if body is not None else \
        getattr(client, method)(url, headers=headers)


def test_another_account_gets_404_everywhere_and_changes_nothing(client, auth, other_auth, world):
    customer, routes = world
    before = client.get(f"/customers/{customer['id']}", headers=auth).json
    for method, url, body in routes:
        response = call(client, method, url, body, other_auth)
        assert response.status_code == 404, (method, url, response.status_code)
        assert response.json["error"]["code"] == "not_found" and "id" not in response.json
    assert client.get(f"/customers/{customer['id']}", headers=auth).json == before


def test_no_token_is_401_everywhere(client, world):
    _customer, routes = world
    for method, url, body in routes + [("get", "/customers", None), ("post", "/customers", {"display_name": "x"})]:
        response = call(client, method, url, body, {})
        assert response.status_code == 401, (method, url)


def test_without_the_permission_is_403(client, make_token, account_id, world):
    _customer, routes = world
    view_only = {"Authorization": f"Bearer {make_token(account_id, perms=['customers:view'])}"}
    nothing = {"Authorization": f"Bearer {make_token(account_id, perms=['jobs:view'])}"}
    for method, url, body in routes + [("get", "/customers", None), ("post", "/customers", {"display_name": "x"})]:
        headers = nothing if method == "get" else view_only
        response = call(client, method, url, body, headers)
        assert response.status_code == 403, (method, url, response.status_code)


def test_bad_input_on_every_write_is_422_and_writes_nothing(client, auth, world, table_counts):
    customer, routes = world
    base = f"/customers/{customer['id']}"
    urls = {(m, u) for m, u, _ in routes}
    contact = customer["contacts"][0]["id"]
    prop = customer["properties"][0]["id"]
    unit = next(u for m, u in urls if m == "patch" and "/equipment/" in u)
    note = next(u for m, u in urls if m == "patch" and "/notes/" in u)
    bad = [
        ("post", "/customers", {}), ("patch", base, {"kind": "castle"}), ("patch", base, {"display_name": ""}),
        ("post", f"{base}/status", {"to": "asleep"}), ("post", f"{base}/tags", {"tag": ""}),
        ("post", f"{base}/contacts", {"name": ""}),
        ("patch", f"{base}/contacts/{contact}", {"phones": [{"number": "1"}]}),
        ("post", f"{base}/properties", {"line1": ""}), ("patch", f"{base}/properties/{prop}", {"country": "usa"}),
        ("post", f"{base}/properties/{prop}/equipment", {"kind": "toaster"}),
        ("patch", unit, {"installed_on": "someday"}), ("post", f"{base}/notes", {"body": ""}),
        ("patch", note, {"pinned": "maybe"}), ("post", f"{base}/merge", {"duplicate_id": "nope"}),
        ("post", f"{base}/portal-invites", {"expires_in_days": 99}), ("post", "/portal/redeem", {"token": 1}),
    ]
    before = table_counts()
    for method, url, body in bad:
        response = call(client, method, url, body, auth)
        assert response.status_code == 422, (method, url, response.status_code)
        assert response.json["error"]["code"] == "validation_error" and response.json["error"]["fields"], url
    assert table_counts() == before
