"""Service history: jobs newest first by the date the work was (or will be) done, paged on that key; a completion
dated when it really happened (past allowed, future refused)."""
import datetime as dt

import pytest


def _job(client, auth, customer_id, **fields):
    response = client.post("/jobs", json={"customer_id": customer_id, "title": "Visit", **fields}, headers=auth)
    assert response.status_code == 201, response.json
    return response.json


def _walk(client, auth, path, limit=2):
    ids, cursor = [], None
    while True:
        page = client.get(path, query_string={"limit": limit, **({"cursor": cursor} if cursor else {})},
                          headers=auth).json
        ids += [job["id"] for job in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            return ids


def test_jobs_read_newest_first_by_the_work_date_not_by_creation(client, auth, customer_id):
    # A plan's visits come in whatever order they were created; history reads them by their dates.
    days = [3, 31, 10, 24, 17]
    jobs = {day: _job(client, auth, customer_id, scheduled_start=f"2027-12-{day:02d}T14:00:00Z") for day in days}
    expected = [jobs[day]["id"] for day in sorted(days, reverse=True)]
    assert _walk(client, auth, f"/customers/{customer_id}/jobs") == expected
    assert [job["id"] for job in client.get(f"/customers/{customer_id}/jobs", headers=auth).json["items"]] == expected
    assert _walk(client, auth, "/jobs") == expected
    part = client.get(f"/customers/{customer_id}/workspace-part", query_string={"limit": 2}, headers=auth).json
    assert [job["id"] for job in part["jobs"]["items"]] == expected[:2]
    cursor = part["jobs"]["next_cursor"]
    rest = client.get(f"/customers/{customer_id}/jobs", query_string={"limit": 10, "cursor": cursor}, headers=auth)
    assert [job["id"] for job in rest.json["items"]] == expected[2:]


def test_jobs_on_the_same_date_keep_one_order_across_pages(client, auth, customer_id):
    same = [_job(client, auth, customer_id, scheduled_start="2027-05-01T09:00:00Z")["id"] for _ in range(5)]
    assert _walk(client, auth, f"/customers/{customer_id}/jobs") == sorted(same, reverse=True)


def test_a_completed_job_is_dated_by_its_completion(client, auth, customer_id):
    old = _job(client, auth, customer_id, scheduled_start="2024-03-01T09:00:00Z")
    for to, at in (("in_progress", "2024-03-01T09:10:00Z"), ("completed", "2024-03-01T11:30:00Z")):
        response = client.post(f"/jobs/{old['id']}/status", json={"to": to, "at": at}, headers=auth)
        assert response.status_code == 200, response.json
    later = _job(client, auth, customer_id, scheduled_start="2025-06-01T09:00:00Z")
    job = client.get(f"/jobs/{old['id']}", headers=auth).json
    assert job["completed_at"] == "2024-03-01T11:30:00+00:00" and job["started_at"] == "2024-03-01T09:10:00+00:00"
    assert _walk(client, auth, f"/customers/{customer_id}/jobs") == [later["id"], old["id"]]
    summary = client.get(f"/customers/{customer_id}/jobs/summary", headers=auth).json
    assert summary["last_completed"]["completed_at"] == "2024-03-01T11:30:00+00:00"


@pytest.mark.parametrize("at, message", [("tomorrow", "future"), ("2024-03-01T08:00:00Z", "cannot end before")])
def test_a_completion_in_the_future_or_before_the_start_is_refused(client, auth, customer_id, at, message):
    if at == "tomorrow":
        at = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)).isoformat()
    job = _job(client, auth, customer_id, scheduled_start="2024-03-01T09:00:00Z")
    client.post(f"/jobs/{job['id']}/status", json={"to": "in_progress", "at": "2024-03-01T09:10:00Z"}, headers=auth)
    response = client.post(f"/jobs/{job['id']}/status", json={"to": "completed", "at": at}, headers=auth)
    assert response.status_code == 422 and message in response.json["error"]["fields"]["at"][0]
    assert client.get(f"/jobs/{job['id']}", headers=auth).json["status"] == "in_progress"


def test_an_estimate_sent_days_ago_is_dated_when_it_was_sent(app, client, auth, customer_id, account_id, emitted):
    estimate = client.post("/estimates", json={"customer_id": customer_id, "title": "New furnace"}, headers=auth).json
    sent = client.post(f"/estimates/{estimate['id']}/status", json={"to": "sent", "at": "2026-01-05T10:00:00Z"},
                       headers=auth)
    assert sent.status_code == 200, sent.json
    [event] = emitted(app, account_id, "estimate.status_changed")
    assert event["data"]["changed_at"].startswith("2026-01-05T10:00:00")
    tomorrow = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)).isoformat()
    refused = client.post(f"/estimates/{estimate['id']}/status", json={"to": "viewed", "at": tomorrow}, headers=auth)
    assert refused.status_code == 422 and "at" in refused.json["error"]["fields"]
