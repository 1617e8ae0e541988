"""A customer's jobs: newest first in cursor pages, the summary, recent activity and the timeline."""
import datetime as dt
import uuid

UTC = dt.timezone.utc


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def make_job(client, auth, customer_id, title, **extra):
    body = {"customer_id": customer_id, "title": title, "property_address": "12 Elm St, Austin TX", **extra}
    response = client.post("/jobs", json=body, headers=auth)
    assert response.status_code == 201, response.json
    return response.json


def move(client, auth, job, *steps):
    for to in steps:
        assert client.post(f"/jobs/{job['id']}/status", json={"to": to}, headers=auth).status_code == 200


def test_jobs_page_newest_first_without_gaps_and_filtered_by_status(client, auth, customer_id):
    made = [make_job(client, auth, customer_id, f"Job {i}") for i in range(7)]
    move(client, auth, made[2], "cancelled")
    seen, cursor = [], None
    while True:
        page = client.get(f"/customers/{customer_id}/jobs", query_string={"limit": 3, **({"cursor": cursor} if cursor
                                                                                           else {})}, headers=auth).json
        seen += [job["number"] for job in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [job["number"] for job in reversed(made)]
    cancelled = client.get(f"/customers/{customer_id}/jobs", query_string={"status": "cancelled"}, headers=auth).json
    assert [job["number"] for job in cancelled["items"]] == [made[2]["number"]]
    bad = client.get(f"/customers/{customer_id}/jobs", query_string={"status": "done"}, headers=auth)
    assert bad.status_code == 422 and "status" in bad.json["error"]["fields"]


def test_summary_counts_open_jobs_and_finds_last_completed_and_next_scheduled(client, auth, customer_id):
    empty = client.get(f"/customers/{customer_id}/jobs/summary", headers=auth).json
    assert empty == {"open_count": 0, "last_completed": None, "next_scheduled": None}
    soon = dt.datetime.now(UTC) + dt.timedelta(days=2)
    later = soon + dt.timedelta(days=5)
    make_job(client, auth, customer_id, "Later visit", scheduled_start=iso(later))
    nearest = make_job(client, auth, customer_id, "Soon visit", scheduled_start=iso(soon))
    done = make_job(client, auth, customer_id, "Done", scheduled_start=iso(soon))
    move(client, auth, done, "in_progress", "completed")
    dropped = make_job(client, auth, customer_id, "Dropped")
    move(client, auth, dropped, "cancelled")
    summary = client.get(f"/customers/{customer_id}/jobs/summary", headers=auth).json
    assert summary["open_count"] == 2
    assert summary["last_completed"]["number"] == done["number"]
    assert summary["next_scheduled"]["number"] == nearest["number"]
    assert summary["next_scheduled"]["property_address"] == "12 Elm St, Austin TX"


def test_recent_activity_lists_completed_in_30_days_and_upcoming(client, auth, customer_id):
    upcoming = make_job(client, auth, customer_id, "Quarterly pest control", service_type="Pest control",
                        scheduled_start=iso(dt.datetime.now(UTC) + dt.timedelta(days=3)))
    done = make_job(client, auth, customer_id, "Furnace tune-up", service_type="HVAC maintenance",
                    scheduled_start=iso(dt.datetime.now(UTC) + dt.timedelta(hours=1)))
    move(client, auth, done, "in_progress", "completed")
    make_job(client, auth, customer_id, "Draft only")
    recent = client.get(f"/customers/{customer_id}/recent-activity", headers=auth).json
    assert [(j["number"], j["service_type"], j["status"], j["property_address"])
            for j in recent["completed_recently"]] == [(done["number"], "HVAC maintenance", "completed",
                                                        "12 Elm St, Austin TX")]
    assert [j["number"] for j in recent["upcoming"]] == [upcoming["number"]]


def test_activity_is_the_timeline_contract_paged_by_occurred_at_and_id(client, auth, customer_id):
    job = make_job(client, auth, customer_id, "Install")
    move(client, auth, job, "cancelled")
    client.post("/estimates", json={"customer_id": customer_id, "title": "Quote"}, headers=auth)
    first = client.get(f"/customers/{customer_id}/activity", query_string={"limit": 2}, headers=auth).json
    rest = client.get(f"/customers/{customer_id}/activity", query_string={"cursor": first["next_cursor"]},
                      headers=auth).json
    items = first["items"] + rest["items"]
    assert rest["next_cursor"] is None and len(items) == 3
    assert [i["kind"] for i in items] == ["estimate", "job", "job"]
    keys = [(i["occurred_at"], i["id"]) for i in items]
    assert keys == sorted(keys, reverse=True)
    assert items[1]["status"] == "cancelled" and items[1]["link"] == f"/api/jobs/{job['id']}"


def test_customer_views_of_another_account_are_404(client, auth, other_auth, customer_id):
    make_job(client, auth, customer_id, "Mine")
    for path in ("jobs", "jobs/summary", "recent-activity", "estimates", "plans", "photos", "activity"):
        response = client.get(f"/customers/{customer_id}/{path}", headers=other_auth)
        assert response.status_code == 404, path
    assert client.get(f"/customers/{uuid.uuid4()}/jobs", headers=auth).status_code == 404
