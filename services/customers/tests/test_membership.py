"""Membership kept from the plan events: the active plan, since, next visit, renewal; the list's member filter."""
import copy
import datetime as dt
import uuid

from fieldwork_contracts.checking import examples, validate_event


def plan_event(event_type: str, account_id, customer_id, plan_id, *, at: str, **data) -> dict:
    event = next(copy.deepcopy(e) for path, e in examples()
                 if path.parent.name == event_type and path.name == "v1.example.json")
    event.update(id=str(uuid.uuid4()), account_id=str(account_id), occurred_at=at)
    if event_type == "plan.created":
        event["data"]["plan"].update(id=str(plan_id), customer_id=customer_id, **data)
    else:
        event["data"].update(plan_id=str(plan_id), customer_id=customer_id, changed_at=at, **data)
    validate_event(event)
    return event


def membership(client, auth, customer) -> dict:
    response = client.get(f"/customers/{customer['id']}/membership", headers=auth)
    assert response.status_code == 200
    return response.json


def listed(client, auth, member: str) -> set:
    response = client.get(f"/customers?member={member}&limit=100", headers=auth)
    assert response.status_code == 200
    return {c["display_name"] for c in response.json["items"]}


def test_an_activated_plan_is_the_membership_until_cancelled(app, client, auth, deliver, account_id, create):
    customer, plan_id = create("Mia Member"), uuid.uuid4()
    deliver(app, plan_event("plan.created", account_id, customer["id"], plan_id, at="2026-03-01T10:00:00Z",
                            status="assessment", name="Comfort Club", rrule="FREQ=MONTHLY;INTERVAL=6"))
    assert membership(client, auth, customer)["member"] is False
    deliver(app, plan_event("plan.status_changed", account_id, customer["id"], plan_id, at="2026-03-05T09:00:00Z",
                            name="Comfort Club", to="active", next_visit_at="2026-09-05T14:00:00Z"))
    shown = membership(client, auth, customer)
    assert shown["member"] is True
    current = shown["current"]
    assert current["name"] == "Comfort Club" and current["since"].startswith("2026-03-05")
    assert current["next_visit_at"].startswith("2026-09-05") and current["renewal_date"] == "2027-03-05"
    deliver(app, plan_event("plan.status_changed", account_id, customer["id"], plan_id, at="2026-04-01T09:00:00Z",
                            name="Comfort Club", to="cancelled", next_visit_at=None, **{"from": "active"}))
    assert membership(client, auth, customer)["member"] is False


def test_a_late_event_changes_nothing_and_a_plan_that_ends_renews_at_its_end(app, client, auth, deliver, account_id,
                                                                              create):
    customer, plan_id = create("Ned Ending"), uuid.uuid4()
    deliver(app, plan_event("plan.created", account_id, customer["id"], plan_id, at="2026-05-01T10:00:00Z",
                            status="active", rrule="FREQ=MONTHLY;INTERVAL=3;UNTIL=20261231T000000Z"))
    deliver(app, plan_event("plan.status_changed", account_id, customer["id"], plan_id, at="2026-04-01T10:00:00Z",
                            to="paused"))
    current = membership(client, auth, customer)["current"]
    assert current["status"] == "active" and current["renewal_date"] == "2026-12-31"


def test_the_list_filters_members(app, client, auth, deliver, account_id, create):
    member, other = create("Lena Listed Member"), create("Otto Not Member")
    deliver(app, plan_event("plan.created", account_id, member["id"], uuid.uuid4(),
                            at=dt.datetime.now(dt.timezone.utc).isoformat().replace("+00:00", "Z"), status="active"))
    assert "Lena Listed Member" in listed(client, auth, "true")
    assert "Otto Not Member" not in listed(client, auth, "true")
    assert "Otto Not Member" in listed(client, auth, "false")
    assert "Lena Listed Member" not in listed(client, auth, "false")
    searched = client.get("/customers?q=Lena&member=false", headers=auth).json["items"]
    assert searched == []
