"""Maintenance plans: RRULE recurrences, statuses, next visits, the scheduler (exactly once), cancelling."""
import datetime as dt
import subprocess
import sys

from jobs.service_layer.scheduler import run_once

UTC = dt.timezone.utc
NOW = dt.datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def plan(client, auth, customer_id, **extra):
    body = {"customer_id": customer_id, "name": "Quarterly pest control", "service_type": "Pest control",
            "property_address": "4 Birch Rd", "price_per_visit_cents": 8900, "status": "active",
            "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "starts_at": "2027-03-02T14:00:00Z", **extra}
    response = client.post("/plans", json=body, headers=auth)
    assert response.status_code == 201, response.json
    return response.json


def schedule(app, now=NOW, days=30):
    return run_once(app.extensions["fieldwork"].database, now=now, horizon=dt.timedelta(days=days))


def visits(client, auth, customer_id, status=None):
    query = {"limit": 100, **({"status": status} if status else {})}
    return client.get(f"/customers/{customer_id}/jobs", query_string=query, headers=auth).json["items"]


def test_a_plan_shows_its_next_visits_and_is_announced(app, client, auth, customer_id, account_id, emitted):
    created = plan(client, auth, customer_id, starts_at="2099-01-06T14:00:00Z")
    assert created["next_visits"] == ["2099-01-06T14:00:00+00:00", "2099-01-20T14:00:00+00:00",
                                      "2099-02-03T14:00:00+00:00"]
    [event] = emitted(app, account_id, "plan.created")
    assert event["data"]["plan"]["next_visit_at"] == "2099-01-06T14:00:00Z"
    assessed = plan(client, auth, customer_id, status="assessment")
    assert assessed["next_visits"] == []


def test_bad_rrules_are_422(client, auth, customer_id):
    for rule in ("FREQ=SOMETIMES", "BYDAY=MO", "FREQ=HOURLY", "FREQ=DAILY;UNTIL=20270101",
                 "DTSTART:20270101T000000Z\nRRULE:FREQ=DAILY"):
        response = client.post("/plans", json={"customer_id": customer_id, "name": "x", "price_per_visit_cents": 1,
                                               "rrule": rule, "starts_at": "2027-03-02T14:00:00Z"}, headers=auth)
        assert response.status_code == 422 and "rrule" in response.json["error"]["fields"], rule


def test_the_scheduler_books_visits_exactly_once_however_often_it_runs(app, client, auth, customer_id):
    created = plan(client, auth, customer_id)
    schedule(app)
    schedule(app)
    schedule(app, now=NOW + dt.timedelta(hours=1))
    booked = visits(client, auth, customer_id)
    # Tuesdays every two weeks from 2 March within 30 days: 2, 16 and 30 March.
    assert sorted(job["scheduled_start"] for job in booked) == [
        "2027-03-02T14:00:00+00:00", "2027-03-16T14:00:00+00:00", "2027-03-30T14:00:00+00:00"]
    assert {(job["status"], job["title"], job["total_cents"], job["property_address"]) for job in booked} == {
        ("scheduled", "Quarterly pest control", 8900, "4 Birch Rd")}
    job = client.get(f"/jobs/{booked[0]['id']}", headers=auth).json
    assert job["plan_id"] == created["id"]
    assert client.get(f"/customers/{customer_id}/jobs/summary", headers=auth).json["open_count"] == 3


def test_the_scheduler_command_runs_once(app, customer_id, client, auth):
    settings = app.extensions["fieldwork"].settings
    env = {"FIELDWORK_JOBS_DATABASE_URL": settings.database_url, "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "jobs", "scheduler", "--once", "--horizon-days", "7"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "visits created:" in result.stdout


def test_cancelling_a_plan_cancels_its_future_visits_only(app, client, auth, customer_id, account_id, emitted):
    created = plan(client, auth, customer_id, starts_at="2099-01-06T14:00:00Z")
    schedule(app, now=dt.datetime(2099, 1, 1, tzinfo=UTC), days=20)
    assert len(visits(client, auth, customer_id, "scheduled")) == 2
    response = client.post(f"/plans/{created['id']}/status", json={"to": "cancelled"}, headers=auth)
    assert response.status_code == 200 and response.json["next_visits"] == []
    assert visits(client, auth, customer_id, "scheduled") == []
    assert len(visits(client, auth, customer_id, "cancelled")) == 2
    assert [e["data"]["to"] for e in emitted(app, account_id, "plan.status_changed")] == ["cancelled"]
    assert schedule(app, now=dt.datetime(2099, 1, 1, tzinfo=UTC), days=60).visits_created >= 0
    assert len(visits(client, auth, customer_id)) == 2
    again = client.post(f"/plans/{created['id']}/status", json={"to": "active"}, headers=auth)
    assert again.status_code == 409


def test_a_paused_plan_books_nothing(app, client, auth, customer_id):
    created = plan(client, auth, customer_id, starts_at="2098-01-06T14:00:00Z")
    client.post(f"/plans/{created['id']}/status", json={"to": "paused"}, headers=auth)
    schedule(app, now=dt.datetime(2098, 1, 1, tzinfo=UTC))
    assert visits(client, auth, customer_id) == []


def test_plans_of_another_account_are_404(client, auth, other_auth, customer_id):
    created = plan(client, auth, customer_id)
    assert client.get(f"/plans/{created['id']}", headers=other_auth).status_code == 404
    assert client.post(f"/plans/{created['id']}/status", json={"to": "paused"}, headers=other_auth).status_code == 404
    assert client.get(f"/customers/{customer_id}/plans", headers=auth).json["items"][0]["id"] == created["id"]


def test_two_schedulers_at_once_still_book_each_visit_once(app, client, auth, customer_id):
    import threading
    plan(client, auth, customer_id, starts_at="2097-01-06T14:00:00Z", rrule="FREQ=DAILY")
    start = threading.Barrier(3)
    at = dt.datetime(2097, 1, 1, tzinfo=UTC)

    def run():
        start.wait()
        schedule(app, now=at, days=14)

    workers = [threading.Thread(target=run) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    starts = [job["scheduled_start"] for job in visits(client, auth, customer_id)]
    assert len(starts) == len(set(starts)) == 9  # 6 to 14 January inclusive


def test_a_visit_is_announced_as_a_scheduled_job_of_its_plan(app, client, auth, customer_id, account_id, emitted):
    created = plan(client, auth, customer_id, starts_at="2096-01-06T14:00:00Z", rrule="FREQ=YEARLY")
    schedule(app, now=dt.datetime(2096, 1, 1, tzinfo=UTC), days=7)
    [announced] = emitted(app, account_id, "job.created")
    assert announced["data"]["job"]["plan_id"] == created["id"]
    assert announced["data"]["job"]["status"] == "scheduled"


def test_a_plan_can_be_revised_and_every_change_is_kept(app, client, auth, customer_id):
    created = plan(client, auth, customer_id, starts_at="2095-01-06T14:00:00Z", rrule="FREQ=YEARLY")
    revised = client.patch(f"/plans/{created['id']}", json={"price_per_visit_cents": 9900,
                                                           "rrule": "FREQ=MONTHLY;INTERVAL=6"}, headers=auth)
    assert revised.status_code == 200 and revised.json["price_per_visit_cents"] == 9900
    assert revised.json["next_visits"][:2] == ["2095-01-06T14:00:00+00:00", "2095-07-06T14:00:00+00:00"]
    bad = client.patch(f"/plans/{created['id']}", json={"rrule": "FREQ=SECONDLY"}, headers=auth)
    assert bad.status_code == 422 and "rrule" in bad.json["error"]["fields"]
    history = client.get(f"/plans/{created['id']}/history", headers=auth).json["items"]
    assert [(c["field"], c["to"]) for c in history] == [
        ("status", "active"), ("price_per_visit_cents", 9900), ("rrule", "FREQ=MONTHLY;INTERVAL=6")]
    client.post(f"/plans/{created['id']}/status", json={"to": "cancelled"}, headers=auth)
    assert client.patch(f"/plans/{created['id']}", json={"name": "x"}, headers=auth).status_code == 409
