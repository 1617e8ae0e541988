"""Work recorded after the fact: a job completed (or an estimate sent) on a past date, recorded today, is current."""
import datetime as dt
import uuid

DAY = dt.timedelta(days=1)


def _cards(client, auth, customer_id):
    response = client.get(f"/customers/{customer_id}/insights", headers=auth)
    assert response.status_code == 200
    return {card["kind"]: card for card in response.json["cards"]}


def test_a_job_completed_long_ago_and_recorded_today_suggests_a_win_back(app, client, auth, deliver, make_event,
                                                                         account_id, clock, active_customer):
    job_id, done = str(uuid.uuid4()), clock.now - 500 * DAY
    deliver(app, make_event(account_id, "job.created", clock.now - dt.timedelta(minutes=5), job={
        "id": job_id, "customer_id": active_customer, "status": "scheduled", "estimate_id": None,
        "scheduled_start": done - dt.timedelta(hours=2), "scheduled_end": done}))
    for minutes, to in ((4, "in_progress"), (3, "completed")):
        deliver(app, make_event(account_id, "job.status_changed", clock.now - dt.timedelta(minutes=minutes),
                                job_id=job_id, customer_id=active_customer, to=to, changed_at=done,
                                completed_at=done if to == "completed" else None))
    assert _cards(client, auth, active_customer)["win_back"]["facts"] == [job_id]


def test_an_estimate_sent_days_ago_and_recorded_today_asks_for_a_follow_up(app, client, auth, deliver, make_event,
                                                                           account_id, clock, active_customer):
    estimate_id = str(uuid.uuid4())
    deliver(app, make_event(account_id, "estimate.created", clock.now - dt.timedelta(minutes=5), estimate={
        "id": estimate_id, "customer_id": active_customer, "status": "draft"}))
    deliver(app, make_event(account_id, "estimate.status_changed", clock.now - dt.timedelta(minutes=4),
                            estimate_id=estimate_id, customer_id=active_customer, to="sent",
                            changed_at=clock.now - 12 * DAY))
    assert _cards(client, auth, active_customer)["estimate_follow_up"]["facts"] == [estimate_id]
