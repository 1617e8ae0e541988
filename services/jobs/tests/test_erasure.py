"""customer.erased: the customer's work keeps its numbers and amounts, and loses what is about the person."""
import io
import uuid

from PIL import Image

from chassis.testing.erasure import relayed, where_held


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (20, 90, 200)).save(out, format="PNG")
    return out.getvalue()


def _erased(event, account_id, customer_id, merged_ids=()) -> dict:
    envelope = event("customer.erased", account_id, customer_id=customer_id, number="C-1042",
                     pseudonym="Erased customer C-1042")
    envelope["data"]["merged_ids"] = list(merged_ids)
    return envelope


def test_the_customers_work_loses_what_is_about_the_person(app, client, auth, new_customer, event, deliver,
                                                           account_id, photo_dir):
    tag = uuid.uuid4().hex[:10]
    name, street = f"Perpetua Ashcombe{tag}", f"77 Marrowbone {tag} St"
    prop = {"id": str(uuid.uuid4()), "kind": "residential",
            "address": {"line1": street, "line2": None, "city": "Austin", "region": "TX", "postal_code": "78731",
                        "country": "US"}}
    customer_id = new_customer(name=name, properties=[prop])
    job = client.post("/jobs", headers=auth, json={
        "customer_id": customer_id, "title": f"Fix {name}'s furnace", "property_id": prop["id"],
        "notes": f"Ask for {name}", "scheduled_start": "2027-01-10T14:00:00Z",
        "line_items": [{"description": "Labour", "quantity": 1, "unit_price_cents": 12000}]}).json
    for to in ("in_progress", "completed"):
        assert client.post(f"/jobs/{job['id']}/status", json={"to": to}, headers=auth).status_code == 200
    assert client.post(f"/jobs/{job['id']}/review", headers=auth,
                       json={"rating": 5, "comment": f"{name} was happy {tag}"}).status_code == 201
    estimate = client.post("/estimates", headers=auth, json={
        "customer_id": customer_id, "title": f"Quote for {street}", "property_id": prop["id"]})
    assert estimate.status_code == 201, estimate.json
    photo = client.post(f"/jobs/{job['id']}/photos", headers=auth, content_type="multipart/form-data",
                        data={"file": (io.BytesIO(_png()), f"{tag}.png"), "caption": f"{street} porch"})
    assert photo.status_code == 201, photo.json
    files = list(photo_dir.rglob(f"{photo.json['id']}*"))
    assert files
    client.get(f"/customers/{customer_id}/workspace-part", headers=auth)  # a stored part, names and all
    engine = app.extensions["fieldwork"].database.engine
    with engine.begin() as connection:
        relayed(connection)
        assert where_held(connection, [name, street, tag])

    assert deliver(app, _erased(event, account_id, customer_id))

    with engine.connect() as connection:
        assert where_held(connection, [name, street, tag]) == []
    assert not any(f.exists() for f in files)
    kept = client.get(f"/jobs/{job['id']}", headers=auth).json
    assert (kept["number"], kept["status"], kept["total_cents"]) == (job["number"], "completed", 12000)
    assert kept["title"] == "Erased" and kept["notes"] is None and kept["property_address"] is None
    assert client.get(f"/customers/{customer_id}/photos", headers=auth).json["items"] == []


def test_erasure_applies_once_and_again_changes_nothing(app, client, auth, new_customer, event, deliver, account_id):
    customer_id = new_customer(name="Perpetua Ashcombe")
    job = client.post("/jobs", headers=auth, json={"customer_id": customer_id, "title": "Tune-up"}).json
    envelope = _erased(event, account_id, customer_id)
    assert deliver(app, envelope)
    assert not deliver(app, envelope)  # redelivered: the inbox skips it
    again = _erased(event, account_id, customer_id)
    assert deliver(app, again)  # asked twice under two ids: the same outcome
    assert client.get(f"/jobs/{job['id']}", headers=auth).json["title"] == "Erased"


def test_a_snapshot_arriving_late_does_not_bring_the_name_back(app, new_customer, event, deliver, account_id):
    name = f"Perpetua Ashcombe {uuid.uuid4().hex[:8]}"
    customer_id = new_customer(name=name)
    assert deliver(app, _erased(event, account_id, customer_id))
    late = event("customer.updated", account_id)
    late["data"]["customer"].update(id=customer_id, display_name=name)
    late["data"]["revision"] = 3
    deliver(app, late)
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        assert where_held(connection, [name]) == []
