"""Reviews: a completed job is rated once; a customer's reviews with their average; what is left to rate; the
event, the timeline and merges."""
import uuid

import pytest

from fieldwork_contracts.checking import validate_event


def completed_job(client, auth, customer_id, title="Replace 3-ton AC condenser"):
    job = client.post("/jobs", json={"customer_id": customer_id, "title": title,
                                     "scheduled_start": "2027-01-10T14:00:00Z"}, headers=auth).json
    for to in ("in_progress", "completed"):
        assert client.post(f"/jobs/{job['id']}/status", json={"to": to}, headers=auth).status_code == 200
    return job


def rate(client, auth, job_id, rating, comment=None):
    return client.post(f"/jobs/{job_id}/review", json={"rating": rating, "comment": comment}, headers=auth)


def test_a_completed_job_is_rated_once(client, auth, customer_id):
    job = completed_job(client, auth, customer_id)
    first = rate(client, auth, job["id"], 5, "  On time and tidy.  ")
    assert first.status_code == 201, first.json
    review = first.json
    assert set(review) == {"id", "job_id", "customer_id", "rating", "comment", "created_at", "job_number",
                           "job_title"}
    assert (review["job_id"], review["customer_id"], review["rating"], review["comment"]) == (
        job["id"], customer_id, 5, "On time and tidy.")
    assert (review["job_number"], review["job_title"]) == (job["number"], "Replace 3-ton AC condenser")
    again = rate(client, auth, job["id"], 1, "Changed my mind")
    assert again.status_code == 409 and again.json["error"]["code"] == "conflict"
    assert client.get(f"/customers/{customer_id}/reviews", headers=auth).json["summary"] == {"count": 1,
                                                                                          "average": 5.0}


def test_a_job_not_completed_cannot_be_rated(client, auth, customer_id):
    job = client.post("/jobs", json={"customer_id": customer_id, "title": "Tune-up"}, headers=auth).json
    response = rate(client, auth, job["id"], 4)
    assert response.status_code == 409 and "completed" in response.json["error"]["message"]
    assert client.get(f"/customers/{customer_id}/reviews", headers=auth).json["items"] == []


def test_another_accounts_job_or_an_unknown_one_is_404(client, auth, other_auth, customer_id):
    job = completed_job(client, auth, customer_id)
    assert rate(client, other_auth, job["id"], 5).status_code == 404
    assert rate(client, auth, uuid.uuid4(), 5).status_code == 404
    assert client.get(f"/customers/{customer_id}/reviews", headers=other_auth).status_code == 404
    assert client.get(f"/customers/{customer_id}/jobs-to-review", headers=other_auth).status_code == 404


def test_a_portal_visitor_rates_only_their_own_jobs(client, make_token, account_id, new_customer):
    mine, theirs = new_customer(), new_customer(name="Someone else")
    staff = {"Authorization": f"Bearer {make_token(account_id)}"}
    their_job, my_job = completed_job(client, staff, theirs), completed_job(client, staff, mine)
    visitor = {"Authorization": f"Bearer {make_token(account_id, sub=f'portal:{mine}', perms=['reviews:create'])}"}
    assert rate(client, visitor, their_job["id"], 5).status_code == 404
    assert rate(client, visitor, my_job["id"], 4).status_code == 201


def test_rating_needs_reviews_create(client, make_token, account_id, customer_id):
    job = completed_job(client, {"Authorization": f"Bearer {make_token(account_id)}"}, customer_id)
    editor = {"Authorization": f"Bearer {make_token(account_id, perms=['jobs:view', 'jobs:edit'])}"}
    assert rate(client, editor, job["id"], 5).status_code == 403


@pytest.mark.parametrize("rating", [0, 6, "5", 4.5, None, True])
def test_a_rating_that_is_not_a_whole_1_to_5_is_422(client, auth, customer_id, rating):
    job = completed_job(client, auth, customer_id)
    response = rate(client, auth, job["id"], rating)
    assert response.status_code == 422 and "rating" in response.json["error"]["fields"]
    assert client.get(f"/customers/{customer_id}/reviews", headers=auth).json["summary"]["count"] == 0


def test_a_missing_rating_or_a_long_comment_is_422(client, auth, customer_id):
    job = completed_job(client, auth, customer_id)
    missing = client.post(f"/jobs/{job['id']}/review", json={"comment": "Nice"}, headers=auth)
    assert missing.status_code == 422 and "rating" in missing.json["error"]["fields"]
    long = rate(client, auth, job["id"], 4, "x" * 2001)
    assert long.status_code == 422 and "comment" in long.json["error"]["fields"]
    assert rate(client, auth, job["id"], 4, "x" * 2000).status_code == 201


def test_the_customers_reviews_are_paged_newest_first_with_count_and_average(client, auth, customer_id):
    jobs = [completed_job(client, auth, customer_id, f"Visit {n}") for n in range(3)]
    for job, rating in zip(jobs, (5, 2, 4)):
        assert rate(client, auth, job["id"], rating).status_code == 201
    first = client.get(f"/customers/{customer_id}/reviews", query_string={"limit": 2}, headers=auth).json
    assert [r["job_title"] for r in first["items"]] == ["Visit 2", "Visit 1"]
    assert first["summary"] == {"count": 3, "average": 3.7}
    rest = client.get(f"/customers/{customer_id}/reviews", query_string={"limit": 2, "cursor": first["next_cursor"]},
                      headers=auth).json
    assert [r["job_title"] for r in rest["items"]] == ["Visit 0"] and rest["next_cursor"] is None


def test_a_customer_without_reviews_has_no_average(client, auth, customer_id):
    assert client.get(f"/customers/{customer_id}/reviews", headers=auth).json == {
        "items": [], "next_cursor": None, "summary": {"count": 0, "average": None}}


def test_jobs_to_review_are_the_completed_ones_nobody_rated(client, auth, customer_id, new_customer):
    older, newer = completed_job(client, auth, customer_id, "Older"), completed_job(client, auth, customer_id, "Newer")
    rated = completed_job(client, auth, customer_id, "Rated")
    client.post("/jobs", json={"customer_id": customer_id, "title": "Not done yet"}, headers=auth)
    completed_job(client, auth, new_customer(), "Someone else's")
    rate(client, auth, rated["id"], 5)
    items = client.get(f"/customers/{customer_id}/jobs-to-review", headers=auth).json["items"]
    assert [(i["id"], i["number"], i["title"]) for i in items] == [(newer["id"], newer["number"], "Newer"),
                                                                  (older["id"], older["number"], "Older")]
    assert set(items[0]) == {"id", "number", "title", "completed_at"} and items[0]["completed_at"]


def test_a_review_is_announced_and_on_the_timeline(app, client, auth, account_id, customer_id, emitted):
    job = completed_job(client, auth, customer_id)
    review = rate(client, auth, job["id"], 2, "Left a mess in the garage.").json
    [event] = emitted(app, account_id, "review.received")
    validate_event(event)
    assert event["data"] == {"review_id": review["id"], "customer_id": customer_id, "job_id": job["id"],
                             "job_number": job["number"], "job_title": job["title"], "rating": 2,
                             "comment": "Left a mess in the garage.", "received_at": event["data"]["received_at"]}
    [item] = [i for i in client.get(f"/customers/{customer_id}/activity", headers=auth).json["items"]
              if i["kind"] == "review"]
    assert item["title"] == "Rated 2/5 — Left a mess in the garage."
    assert item["summary"] == f"{job['number']}: {job['title']}" and item["link"] == f"/api/jobs/{job['id']}"


def test_a_refused_review_announces_nothing(app, client, auth, account_id, customer_id, emitted):
    job = completed_job(client, auth, customer_id)
    rate(client, auth, job["id"], 9)
    rate(client, auth, job["id"], 3)
    rate(client, auth, job["id"], 4)
    assert [e["data"]["rating"] for e in emitted(app, account_id, "review.received")] == [3]


def test_reviews_follow_the_customer_through_a_merge_and_back(app, client, auth, account_id, new_customer, deliver,
                                                              event):
    duplicate, target = new_customer(name="D. Whitfield"), new_customer()
    job = completed_job(client, auth, duplicate)
    review = rate(client, auth, job["id"], 4, "Good").json
    merged = event("customer.merged", account_id, merge_id=uuid.uuid4(), duplicate_id=duplicate, target_id=target)
    assert deliver(app, merged)
    on_target = client.get(f"/customers/{target}/reviews", headers=auth).json
    assert [r["id"] for r in on_target["items"]] == [review["id"]] and on_target["summary"]["count"] == 1
    assert [r["customer_id"] for r in on_target["items"]] == [target]
    assert client.get(f"/customers/{duplicate}/reviews", headers=auth).json["summary"]["count"] == 0
    timeline = client.get(f"/customers/{target}/activity", headers=auth).json["items"]
    assert any(item["kind"] == "review" for item in timeline)

    assert deliver(app, event("customer.unmerged", account_id, merge_id=merged["data"]["merge_id"],
                              duplicate_id=duplicate, target_id=target))
    assert [r["id"] for r in client.get(f"/customers/{duplicate}/reviews", headers=auth).json["items"]] == [
        review["id"]]
    assert client.get(f"/customers/{target}/reviews", headers=auth).json["summary"]["count"] == 0
    assert not any(item["kind"] == "review" for item in
                   client.get(f"/customers/{target}/activity", headers=auth).json["items"])
