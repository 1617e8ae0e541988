"""A plan's visits from the office's side: booked at once on request, listed soonest first, paused and resumed."""
import datetime as dt

from jobs.service_layer.scheduler import run_once

UTC = dt.timezone.utc


def soon(days: int, hour: int = 14) -> dt.datetime:
    """A moment ``days`` from the real now: booking at once works from the clock, not from a test's NOW."""
    today = dt.datetime.now(UTC).replace(hour=hour, minute=0, second=0, microsecond=0)
    return today + dt.timedelta(days=days)


def plan(client, auth, customer_id, **extra):
    body = {"customer_id": customer_id, "name": "Monthly filter change", "price_per_visit_cents": 4500,
            "status": "active", "rrule": "FREQ=WEEKLY;INTERVAL=1", "starts_at": soon(3).isoformat(), **extra}
    response = client.post("/plans", json=body, headers=auth)
    assert response.status_code == 201, response.json
    return response.json


def book(client, auth, plan_id, **query):
    return client.post(f"/plans/{plan_id}/visits", query_string=query, headers=auth)


def test_booking_a_plan_puts_its_coming_weeks_on_the_schedule_once(client, auth, customer_id):
    created = plan(client, auth, customer_id)
    assert client.get(f"/plans/{created['id']}/visits", headers=auth).json["items"] == []
    booked = book(client, auth, created["id"])
    assert booked.status_code == 200, booked.json
    starts = [visit["scheduled_start"] for visit in booked.json["items"]]
    # Weekly from three days out, within the scheduler's 30 days: 4 visits, soonest first.
    assert starts == [(soon(3) + dt.timedelta(weeks=week)).isoformat() for week in range(4)]
    assert {(v["status"], v["title"], v["total_cents"]) for v in booked.json["items"]} == {
        ("scheduled", "Monthly filter change", 4500)}
    again = book(client, auth, created["id"])
    assert [v["id"] for v in again.json["items"]] == [v["id"] for v in booked.json["items"]]
    jobs = client.get(f"/customers/{customer_id}/jobs", query_string={"limit": 100}, headers=auth).json["items"]
    assert len(jobs) == 4


def test_the_scheduler_after_booking_adds_nothing_twice(app, client, auth, customer_id):
    created = plan(client, auth, customer_id)
    book(client, auth, created["id"])
    report = run_once(app.extensions["fieldwork"].database, now=dt.datetime.now(UTC), horizon=dt.timedelta(days=30))
    assert report.visits_created == 0
    assert len(client.get(f"/plans/{created['id']}/visits", headers=auth).json["items"]) == 4


def test_visits_page_soonest_first_and_leave_out_what_is_done(client, auth, customer_id):
    created = plan(client, auth, customer_id, rrule="FREQ=DAILY")
    book(client, auth, created["id"])
    first = client.get(f"/plans/{created['id']}/visits", query_string={"limit": 10}, headers=auth).json
    second = client.get(f"/plans/{created['id']}/visits", query_string={"limit": 10, "cursor": first["next_cursor"]},
                        headers=auth).json
    starts = [v["scheduled_start"] for v in first["items"] + second["items"]]
    assert len(starts) == 20 and starts == sorted(starts) and len(set(starts)) == 20
    soonest = first["items"][0]["id"]
    assert client.post(f"/jobs/{soonest}/status", json={"to": "cancelled"}, headers=auth).status_code == 200
    left = client.get(f"/plans/{created['id']}/visits", query_string={"limit": 10}, headers=auth).json["items"]
    assert soonest not in [v["id"] for v in left]


def test_a_plan_not_active_books_nothing_and_says_why(client, auth, customer_id):
    created = plan(client, auth, customer_id, status="assessment")
    refused = book(client, auth, created["id"])
    assert refused.status_code == 409 and "assessment" in refused.json["error"]["message"]
    assert client.get(f"/plans/{created['id']}/visits", headers=auth).json["items"] == []


def test_pause_then_resume_then_book(client, auth, customer_id):
    created = plan(client, auth, customer_id)
    paused = client.post(f"/plans/{created['id']}/status", json={"to": "paused"}, headers=auth)
    assert paused.status_code == 200 and paused.json["status"] == "paused" and paused.json["next_visits"] == []
    assert book(client, auth, created["id"]).status_code == 409
    resumed = client.post(f"/plans/{created['id']}/status", json={"to": "active"}, headers=auth)
    assert resumed.status_code == 200 and resumed.json["next_visits"][0] == soon(3).isoformat()
    assert len(book(client, auth, created["id"]).json["items"]) == 4
    assert client.get(f"/plans/{created['id']}", headers=auth).json["status"] == "active"


def test_cancelling_takes_the_booked_visits_off_the_list(client, auth, customer_id):
    created = plan(client, auth, customer_id)
    book(client, auth, created["id"])
    client.post(f"/plans/{created['id']}/status", json={"to": "cancelled"}, headers=auth)
    assert client.get(f"/plans/{created['id']}/visits", headers=auth).json["items"] == []


def test_another_accounts_plan_visits_are_404(client, auth, other_auth, customer_id):
    created = plan(client, auth, customer_id)
    assert client.get(f"/plans/{created['id']}/visits", headers=other_auth).status_code == 404
    assert book(client, other_auth, created["id"]).status_code == 404
    assert client.get(f"/plans/{created['id']}/visits", headers=auth).json["items"] == []
