"""Customer events: merge moves everything once (even redelivered), unmerge moves exactly that back, archive pauses."""
import io
import uuid

from PIL import Image


def seed(client, auth, customer_id, title):
    job = client.post("/jobs", json={"customer_id": customer_id, "title": title}, headers=auth).json
    estimate = client.post("/estimates", json={"customer_id": customer_id, "title": title}, headers=auth).json
    plan = client.post("/plans", json={"customer_id": customer_id, "name": title, "price_per_visit_cents": 100,
                                       "rrule": "FREQ=YEARLY", "starts_at": "2099-01-01T10:00:00Z",
                                       "status": "active"}, headers=auth).json
    image = io.BytesIO()
    Image.new("RGB", (20, 20)).save(image, format="JPEG")
    photo = client.post(f"/jobs/{job['id']}/photos", data={"file": (io.BytesIO(image.getvalue()), "a.jpg")},
                        headers=auth, content_type="multipart/form-data").json
    return {"jobs": [job["id"]], "estimates": [estimate["id"]], "plans": [plan["id"]], "photos": [photo["id"]]}


def holdings(client, auth, customer_id):
    return {kind: sorted(item["id"] for item in client.get(f"/customers/{customer_id}/{kind}",
                                                           query_string={"limit": 100}, headers=auth).json["items"])
            for kind in ("jobs", "estimates", "plans", "photos")}


def test_merge_moves_everything_once_and_unmerge_moves_exactly_that_back(
        app, client, auth, account_id, new_customer, deliver, event):
    duplicate, target = new_customer(name="D. Whitfield"), new_customer()
    moved = seed(client, auth, duplicate, "Duplicate's work")
    kept = seed(client, auth, target, "Target's work")
    merged = event("customer.merged", account_id, merge_id=uuid.uuid4(), duplicate_id=duplicate, target_id=target)

    assert deliver(app, merged)
    assert deliver(app, merged) is False  # the same delivery again: the inbox skips it
    again = {**merged, "id": str(uuid.uuid4())}  # the same merge under a new event id moves nothing twice
    assert deliver(app, again)
    together = holdings(client, auth, target)
    assert together == {kind: sorted(moved[kind] + kept[kind]) for kind in moved}
    assert holdings(client, auth, duplicate) == {kind: [] for kind in moved}
    assert client.get(f"/customers/{target}/jobs/summary", headers=auth).json["open_count"] == 2
    timeline = client.get(f"/customers/{target}/activity", query_string={"limit": 100}, headers=auth).json["items"]
    assert any("Duplicate's work" in item["title"] for item in timeline)

    # Work added to the target after the merge stays with the target on undo.
    later = client.post("/jobs", json={"customer_id": target, "title": "After merge"}, headers=auth).json
    unmerged = event("customer.unmerged", account_id, merge_id=merged["data"]["merge_id"], duplicate_id=duplicate,
                     target_id=target)
    assert deliver(app, unmerged)
    assert deliver(app, {**unmerged, "id": str(uuid.uuid4())})
    assert holdings(client, auth, duplicate) == {kind: sorted(ids) for kind, ids in moved.items()}
    assert holdings(client, auth, target)["jobs"] == sorted(kept["jobs"] + [later["id"]])
    assert client.get(f"/customers/{duplicate}/jobs/summary", headers=auth).json["open_count"] == 1
    assert client.get(f"/customers/{target}/jobs/summary", headers=auth).json["open_count"] == 2
    assert all("Duplicate's work" not in item["title"] for item in
               client.get(f"/customers/{target}/activity", query_string={"limit": 100}, headers=auth).json["items"])


def test_an_undo_that_overtakes_its_merge_leaves_everything_in_place(
        app, client, auth, account_id, new_customer, deliver, event):
    duplicate, target = new_customer(name="D. Whitfield"), new_customer()
    theirs, ours = seed(client, auth, duplicate, "Duplicate's work"), seed(client, auth, target, "Target's work")
    ids = {"merge_id": uuid.uuid4(), "duplicate_id": duplicate, "target_id": target}
    unmerged = event("customer.unmerged", account_id, **ids)
    assert deliver(app, unmerged)
    assert deliver(app, event("customer.merged", account_id, **ids))  # late: the merge was undone already
    assert deliver(app, {**unmerged, "id": str(uuid.uuid4())})
    assert holdings(client, auth, duplicate) == theirs and holdings(client, auth, target) == ours
    assert client.get(f"/customers/{target}/jobs/summary", headers=auth).json["open_count"] == 1
    assert all("Duplicate's work" not in item["title"] for item in
               client.get(f"/customers/{target}/activity", query_string={"limit": 100}, headers=auth).json["items"])


def test_a_merge_redelivered_after_its_undo_moves_nothing_again(app, client, auth, account_id, new_customer, deliver,
                                                               event):
    duplicate, target = new_customer(name="D. Whitfield"), new_customer()
    theirs = seed(client, auth, duplicate, "Duplicate's work")
    ids = {"merge_id": uuid.uuid4(), "duplicate_id": duplicate, "target_id": target}
    merged = event("customer.merged", account_id, **ids)
    assert deliver(app, merged)
    assert deliver(app, event("customer.unmerged", account_id, **ids))
    assert deliver(app, {**merged, "id": str(uuid.uuid4())})
    assert holdings(client, auth, duplicate) == theirs
    assert holdings(client, auth, target) == {kind: [] for kind in theirs}


def test_a_merge_in_another_account_moves_nothing_here(app, client, auth, account_id, new_customer, deliver, event):
    duplicate, target = new_customer(), new_customer()
    seed(client, auth, duplicate, "Mine")
    deliver(app, event("customer.merged", uuid.uuid4(), merge_id=uuid.uuid4(), duplicate_id=duplicate,
                       target_id=target))
    assert len(holdings(client, auth, duplicate)["jobs"]) == 1


def test_archiving_a_customer_pauses_active_plans(app, client, auth, account_id, customer_id, deliver, event,
                                                  emitted):
    seed(client, auth, customer_id, "Annual furnace tune-up")
    assessment = client.post("/plans", json={"customer_id": customer_id, "name": "Maybe", "price_per_visit_cents": 1,
                                             "rrule": "FREQ=YEARLY", "starts_at": "2099-01-01T10:00:00Z"},
                             headers=auth).json
    assert deliver(app, event("customer.archived", account_id, customer_id=customer_id))
    plans = client.get(f"/customers/{customer_id}/plans", headers=auth).json["items"]
    assert sorted(p["status"] for p in plans) == ["assessment", "paused"]
    changed = emitted(app, account_id, "plan.status_changed")
    assert [(e["data"]["from"], e["data"]["to"]) for e in changed] == [("active", "paused")]
    assert assessment["id"] not in [e["data"]["plan_id"] for e in changed]
