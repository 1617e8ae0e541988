"""Each rule card appears when its facts hold and disappears when they stop holding."""
import datetime as dt
import uuid

import pytest

DAY = dt.timedelta(days=1)


@pytest.fixture
def customer(active_customer):
    return active_customer


@pytest.fixture
def cards(client, auth):
    def read(customer_id):
        response = client.get(f"/customers/{customer_id}/insights", headers=auth)
        assert response.status_code == 200
        return {card["kind"]: card for card in response.json["cards"]}
    return read


def test_an_overdue_balance_asks_for_a_statement_until_paid(app, deliver, make_event, account_id, clock, customer,
                                                            cards):
    invoice_id = str(uuid.uuid4())
    due = (clock.now - 31 * DAY).date()
    deliver(app, make_event(account_id, "invoice.sent", clock.now - 61 * DAY, invoice_id=invoice_id,
                            customer_id=customer, due_date=due.isoformat(), total_cents=50000, balance_cents=50000,
                            sent_at=clock.now - 61 * DAY))
    card = cards(customer)["overdue_statement"]
    assert card["reason"] == "USD 500.00 overdue on 1 invoice; the oldest, INV-1033, is 31 days past due."
    assert card["facts"] == [invoice_id]
    assert card["link"]["kind"] == "statement" and card["action"] and card["title"]

    # A part payment leaves it overdue, with the smaller amount.
    payment = make_event(account_id, "payment.recorded", clock.now - DAY, payment_id=str(uuid.uuid4()),
                         customer_id=customer, amount_cents=20000, credit_cents=0,
                         allocations=[{"invoice_id": invoice_id, "amount_cents": 20000}])
    deliver(app, payment)
    assert cards(customer)["overdue_statement"]["reason"].startswith("USD 300.00 overdue")

    deliver(app, make_event(account_id, "invoice.paid", clock.now, invoice_id=invoice_id, customer_id=customer,
                            total_cents=50000, paid_at=clock.now))
    assert "overdue_statement" not in cards(customer)


def test_a_recent_statement_quiets_the_overdue_card(app, deliver, make_event, account_id, clock, customer, cards):
    deliver(app, make_event(account_id, "invoice.sent", clock.now - 90 * DAY, invoice_id=str(uuid.uuid4()),
                            customer_id=customer, due_date=(clock.now - 60 * DAY).date().isoformat(),
                            sent_at=clock.now - 90 * DAY))
    assert "overdue_statement" in cards(customer)
    deliver(app, make_event(account_id, "statement.requested", clock.now - 2 * DAY, statement_id=str(uuid.uuid4()),
                            customer_id=customer))
    assert "overdue_statement" not in cards(customer)
    clock.now += 13 * DAY  # the statement is 15 days old: time for another
    assert "overdue_statement" in cards(customer)


def test_no_service_in_twelve_months_suggests_a_win_back(app, deliver, make_event, account_id, clock, customer, cards):
    job_id = str(uuid.uuid4())
    done = clock.now - 400 * DAY
    deliver(app, make_event(account_id, "job.status_changed", done, job_id=job_id, customer_id=customer,
                            to="completed", changed_at=done, completed_at=done))
    card = cards(customer)["win_back"]
    assert card["reason"] == (f"Last completed job J-1019 was 13 months ago ({done.date().isoformat()}); "
                              "no visit is booked.")
    assert card["facts"] == [job_id] and card["link"] == {"kind": "job", "id": job_id, "href": f"/api/jobs/{job_id}"}

    deliver(app, make_event(account_id, "job.created", clock.now, job={
        "id": str(uuid.uuid4()), "customer_id": customer, "status": "scheduled", "estimate_id": None,
        "scheduled_start": clock.now + 5 * DAY, "scheduled_end": clock.now + 5 * DAY + dt.timedelta(hours=2)}))
    assert "win_back" not in cards(customer)


def test_a_plan_visit_due_without_a_booking_is_flagged(app, deliver, make_event, account_id, clock, customer, cards):
    plan_id = str(uuid.uuid4())
    deliver(app, make_event(account_id, "plan.status_changed", clock.now - 30 * DAY, plan_id=plan_id,
                            customer_id=customer, to="active", changed_at=clock.now - 30 * DAY,
                            next_visit_at=clock.now + 5 * DAY))
    card = cards(customer)["maintenance_due"]
    assert "is due in 5 days" in card["reason"] and card["facts"] == [plan_id]

    deliver(app, make_event(account_id, "job.created", clock.now, job={
        "id": str(uuid.uuid4()), "customer_id": customer, "status": "scheduled", "plan_id": plan_id,
        "estimate_id": None, "scheduled_start": clock.now + 5 * DAY, "scheduled_end": clock.now + 5 * DAY}))
    assert "maintenance_due" not in cards(customer)


def test_an_estimate_waiting_over_a_week_asks_for_a_follow_up(app, deliver, make_event, account_id, clock, customer,
                                                              cards):
    estimate_id = str(uuid.uuid4())
    sent = clock.now - 8 * DAY
    deliver(app, make_event(account_id, "estimate.status_changed", sent, estimate_id=estimate_id,
                            customer_id=customer, to="sent", changed_at=sent))
    card = cards(customer)["estimate_follow_up"]
    assert card["reason"] == "E-1007 (USD 6,845.00) has waited 8 days for an answer; 1 estimate waiting in all."
    assert card["facts"] == [estimate_id]

    deliver(app, make_event(account_id, "estimate.status_changed", clock.now - DAY, estimate_id=estimate_id,
                            customer_id=customer, **{"from": "sent"}, to="approved", changed_at=clock.now - DAY))
    assert "estimate_follow_up" not in cards(customer)


def test_a_lead_without_contact_asks_for_a_call_and_thresholds_move_it(app, client, auth, deliver, make_event,
                                                                       account_id, clock, cards):
    lead = str(uuid.uuid4())
    deliver(app, make_event(account_id, "customer.created", clock.now - 10 * DAY, customer={"id": lead}))
    card = cards(lead)["lead_call"]
    assert card["reason"] == "A lead for 10 days with no call, text or email yet."

    response = client.patch("/settings/insights", json={"lead_contact_days": 14}, headers=auth)
    assert response.status_code == 200 and response.json["lead_contact_days"] == 14
    assert "lead_call" not in cards(lead)
    client.patch("/settings/insights", json={"lead_contact_days": 7}, headers=auth)
    assert "lead_call" in cards(lead)

    deliver(app, make_event(account_id, "communication.logged", clock.now - DAY, communication={
        "id": str(uuid.uuid4()), "customer_id": lead, "direction": "outbound", "status": "completed",
        "occurred_at": clock.now - DAY}))
    assert "lead_call" not in cards(lead)


def test_defaults_and_bad_thresholds(client, auth):
    assert client.get("/settings/insights", headers=auth).json == {
        "overdue_days": 30, "statement_quiet_days": 14, "win_back_months": 12, "maintenance_due_days": 14,
        "estimate_follow_up_days": 7, "lead_contact_days": 7, "low_rating": 2, "review_follow_up_days": 30}
    for body in ({"overdue_days": -1}, {"lead_contact_days": "7"}, {"win_back_months": 0}, {"colour": 3}):
        response = client.patch("/settings/insights", json=body, headers=auth)
        assert response.status_code == 422, body
        assert set(response.json["error"]["fields"]) == set(body)
    assert client.get("/settings/insights", headers=auth).json["overdue_days"] == 30


def test_an_archived_customer_keeps_only_the_money_card(app, deliver, make_event, account_id, clock, cards):
    lead = str(uuid.uuid4())
    deliver(app, make_event(account_id, "customer.created", clock.now - 90 * DAY, customer={"id": lead}))
    deliver(app, make_event(account_id, "invoice.sent", clock.now - 80 * DAY, invoice_id=str(uuid.uuid4()),
                            customer_id=lead, due_date=(clock.now - 50 * DAY).date().isoformat(),
                            sent_at=clock.now - 80 * DAY))
    assert set(cards(lead)) == {"overdue_statement", "lead_call"}
    deliver(app, make_event(account_id, "customer.archived", clock.now - DAY, customer_id=lead))
    assert set(cards(lead)) == {"overdue_statement"}
    # An archive reported late does not undo a later unarchive.
    deliver(app, make_event(account_id, "customer.unarchived", clock.now - DAY / 2, customer_id=lead))
    deliver(app, make_event(account_id, "customer.archived", clock.now - 2 * DAY, customer_id=lead))
    assert set(cards(lead)) == {"overdue_statement", "lead_call"}
