"""The workspace part is answered from the part store while nothing it shows has changed, and recomputed after any
write (routes, event handlers, the scheduler) or once time alone changes it (a job starts, a completion ages out of
recent activity, an estimate expires, a plan's next visit passes)."""
from __future__ import annotations

import datetime as dt
import functools
import uuid
from types import SimpleNamespace

import pytest
from sqlalchemy import update

import jobs.entrypoints.http.workspace_part as part_route
from chassis import wire_json
from chassis.messaging.event import utcnow
from chassis.testing.part_store import (ask_part, assert_404_and_nothing_stored, assert_a_directory_change_recomputes,
                                        assert_a_write_recomputes, assert_stored, unwatched_tables)
from chassis.testing.statements import sent_statements
from jobs.adapters.orm import Job
from jobs.service_layer import workspace
from jobs.service_layer.scheduler import run_once

UTC = dt.timezone.utc
MICROSECOND = dt.timedelta(microseconds=1)


@pytest.fixture
def database(app):
    return app.extensions["fieldwork"].database


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def post(client, auth, path, body, method="post"):
    response = getattr(client, method)(path, json=body, headers=auth)
    assert response.status_code in (200, 201), response.json
    return response.json


def job(client, auth, customer_id, title, *moves, **extra):
    made = post(client, auth, "/jobs", {"customer_id": customer_id, "title": title, **extra})
    for to in moves:
        post(client, auth, f"/jobs/{made['id']}/status", {"to": to})
    return made


def completed_at(database, account_id, job_id, moment: dt.datetime) -> None:
    """Completion is stamped with the time of the move; a test that needs another one writes it down."""
    with database.transaction(account_id=uuid.UUID(str(account_id))) as session:
        session.execute(update(Job).where(Job.id == uuid.UUID(job_id)).values(completed_at=moment))


def plan(client, auth, customer_id, name, starts_at: dt.datetime, rrule="FREQ=WEEKLY", status="active"):
    return post(client, auth, "/plans", {"customer_id": customer_id, "name": name, "price_per_visit_cents": 8900,
                                         "status": status, "rrule": rrule, "starts_at": iso(starts_at)})


def whole_second(moment: dt.datetime) -> dt.datetime:
    return moment.replace(microsecond=0)  # recurrences count in whole seconds


@pytest.fixture
def rich_customer(app, client, auth, database, account_id, customer_id):
    """Work to do and done, lately and long ago, estimates in each state, an active weekly plan and one on hold."""
    now = utcnow()
    made = {"id": customer_id}
    made["draft"] = job(client, auth, customer_id, "Draft")
    made["soon"] = job(client, auth, customer_id, "Soon", scheduled_start=iso(now + dt.timedelta(days=2)))
    job(client, auth, customer_id, "Next week", scheduled_start=iso(now + dt.timedelta(days=7)))
    job(client, auth, customer_id, "Done lately", "in_progress", "completed", scheduled_start=iso(now))
    old = job(client, auth, customer_id, "Done long ago", "in_progress", "completed", scheduled_start=iso(now))
    completed_at(database, account_id, old["id"], now - dt.timedelta(days=40))
    line = [{"description": "Door", "quantity": 1, "unit_price_cents": 45000}]
    made["quote"] = post(client, auth, "/estimates", {
        "customer_id": customer_id, "title": "Door", "line_items": line,
        "valid_until": (now.date() + dt.timedelta(days=5)).isoformat()})
    made["sent"] = post(client, auth, "/estimates", {"customer_id": customer_id, "title": "Opener", "line_items": line})
    post(client, auth, f"/estimates/{made['sent']['id']}/status", {"to": "sent"})
    made["weekly"] = plan(client, auth, customer_id, "Weekly lawn", whole_second(now) + dt.timedelta(days=1))
    made["on_hold"] = plan(client, auth, customer_id, "Furnace care", dt.datetime(2099, 1, 6, 14, tzinfo=UTC),
                           rrule="FREQ=YEARLY", status="assessment")
    return made


def _part(app, account_id, customer, now):
    with app.app_context(), app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        document, valid_until = workspace.customer_part(session, uuid.UUID(str(customer)),
                                                    app.extensions["fieldwork"].adapters["customers_api"], now,
                                                    limit=10, activity_limit=20)
        return wire_json.dumps(part_route.JobsPart().dump(document)), valid_until


def _computed(app, account_id, customer, now=None) -> bytes:
    """The part as the service layer computes it, bypassing the store, in the bytes the route sends."""
    return _part(app, account_id, customer, now or utcnow())[0]


def test_every_account_owned_table_and_the_directory_is_watched(database):
    assert unwatched_tables(database, "known_customers") == set()


def test_the_second_ask_is_one_statement_with_the_same_bytes(app, client, auth, rich_customer):
    assert_stored(app, lambda: ask_part(client, auth, rich_customer["id"]))


def test_a_customer_first_heard_of_through_the_api_is_then_answered_from_the_store(app, client, auth,
                                                                                  real_customer):
    # Remembering the customer is a write to the directory made while computing: the part stored with it was
    # computed under the generations before it, so one more computation follows, then the store answers.
    customer, _ = real_customer()
    answers = [ask_part(client, auth, customer).data for _ in range(2)]
    with sent_statements(app) as sent:
        answers.append(ask_part(client, auth, customer).data)
    assert len(sent) == 1 and len(set(answers)) == 1


def _merged(w, *, duplicate, target, merge_id=None):
    assert w.deliver(w.app, w.event("customer.merged", w.account_id, merge_id=merge_id or uuid.uuid4(),
                                    duplicate_id=duplicate, target_id=target))


def _merge_in(w, rich):
    duplicate = w.new_customer(name="D. Whitfield")
    job(w.client, w.auth, duplicate, "Duplicate's visit", scheduled_start=iso(utcnow() + dt.timedelta(days=1)))
    w.stored = w.ask(rich["id"])  # the duplicate's job was a write to another customer's part only
    _merged(w, duplicate=duplicate, target=rich["id"])


def _unmerge(w, rich):
    merge_id = uuid.uuid4()
    _merged(w, duplicate=rich["id"], target=w.new_customer(name="Target"), merge_id=merge_id)
    # stored while the customer's work sits with the target: the part before the merge is back after the unmerge
    w.stored = w.ask(rich["id"])
    assert w.deliver(w.app, w.event("customer.unmerged", w.account_id, merge_id=merge_id))


def _scheduler_books_a_visit(w, rich):
    # the weekly plan's first visit is a day away: a three-day horizon books it as a scheduled job
    assert run_once(w.app.extensions["fieldwork"].database, now=utcnow(),
                    horizon=dt.timedelta(days=3)).visits_created >= 1


def _past_job_imported(w, rich):
    envelope = w.event("history.imported", w.account_id, customer_id=rich["id"])
    envelope["data"]["job"]["id"] = envelope["data"]["invoice"]["job_id"] = str(uuid.uuid4())
    assert w.deliver(w.app, envelope)


# Each write of a kind the part shows, through the service's routes, its event handlers or its scheduler (one that
# asks the part itself on the way keeps the answer stored last in ``stored``).
WRITES = {
    "a new job": lambda w, rich: job(w.client, w.auth, rich["id"], "Leak under the sink"),
    "a job edited": lambda w, rich: post(w.client, w.auth, f"/jobs/{rich['draft']['id']}", {"title": "Draft, renamed"},
                                         method="patch"),
    "a job started": lambda w, rich: post(w.client, w.auth, f"/jobs/{rich['soon']['id']}/status",
                                          {"to": "in_progress"}),
    "a new estimate": lambda w, rich: post(w.client, w.auth, "/estimates", {"customer_id": rich["id"],
                                                                            "title": "Spring"}),
    "an estimate revised": lambda w, rich: post(w.client, w.auth, f"/estimates/{rich['quote']['id']}", {
        "line_items": [{"description": "Door, insulated", "quantity": 1, "unit_price_cents": 52000}]},
        method="patch"),
    "an estimate sent": lambda w, rich: post(w.client, w.auth, f"/estimates/{rich['quote']['id']}/status",
                                             {"to": "sent"}),
    "an estimate approved into a job": lambda w, rich: post(w.client, w.auth,
                                                            f"/estimates/{rich['sent']['id']}/approve", {}),
    "a new plan": lambda w, rich: plan(w.client, w.auth, rich["id"], "Gutters", dt.datetime(2099, 3, 1, tzinfo=UTC)),
    "a plan edited": lambda w, rich: post(w.client, w.auth, f"/plans/{rich['on_hold']['id']}",
                                          {"name": "Furnace and boiler care"}, method="patch"),
    "a plan paused": lambda w, rich: post(w.client, w.auth, f"/plans/{rich['weekly']['id']}/status",
                                          {"to": "paused"}),
    "the scheduler books a visit": _scheduler_books_a_visit,
    "a merge into the customer": _merge_in,
    "a merge away from the customer": lambda w, rich: _merged(w, duplicate=rich["id"],
                                                              target=w.new_customer(name="Target")),
    "an unmerge": _unmerge,
    "the customer archived": lambda w, rich: w.deliver(w.app, w.event("customer.archived", w.account_id,
                                                                      customer_id=rich["id"])),
    "a past job imported": _past_job_imported,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_a_write_makes_the_next_answer_the_freshly_computed_one(app, client, auth, deliver, event, account_id,
                                                                 new_customer, rich_customer, write):
    assert_a_write_recomputes(app, functools.partial(ask_part, client, auth), rich_customer, write,
                              lambda: _computed(app, account_id, rich_customer["id"]), client=client, auth=auth,
                              deliver=deliver, event=event, account_id=account_id, new_customer=new_customer)


def test_a_directory_change_recomputes_the_part(app, client, auth, deliver, account_id, rich_customer):
    assert_a_directory_change_recomputes(app, functools.partial(ask_part, client, auth), deliver, account_id,
                                         rich_customer["id"], lambda: _computed(app, account_id, rich_customer["id"]))


def test_another_customer_entering_the_directory_leaves_the_stored_part(app, client, auth, new_customer,
                                                                         rich_customer):
    ask_part(client, auth, rich_customer["id"])
    new_customer(name="Someone else")
    with sent_statements(app) as sent:
        ask_part(client, auth, rich_customer["id"])
    assert len(sent) == 1


def _upcoming_job(w):
    made = job(w.client, w.auth, w.customer, "Tune-up", scheduled_start=iso(w.now + dt.timedelta(hours=3)))
    return dt.datetime.fromisoformat(made["scheduled_start"])


def _recent_completion(w):
    made = job(w.client, w.auth, w.customer, "Tune-up", "in_progress", "completed",
               scheduled_start=iso(w.now - dt.timedelta(days=10)))
    done = w.now - dt.timedelta(days=10)
    completed_at(w.database, w.account_id, made["id"], done)
    return done + dt.timedelta(days=30)


def _expiring_estimate(w):
    last_day = w.now.date() + dt.timedelta(days=3)
    post(w.client, w.auth, "/estimates",
         {"customer_id": w.customer, "title": "Door", "valid_until": last_day.isoformat()})
    return dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(), tzinfo=UTC)


def _plan_visit(w):
    first = whole_second(w.now) + dt.timedelta(hours=5)
    plan(w.client, w.auth, w.customer, "Daily check", first, rrule="FREQ=DAILY")
    return first


# Each way time alone changes the part, alone on a customer, and the moment it does: the last one showing the same.
TIMED = {"the next upcoming job starts": _upcoming_job, "a completion ages out of recent activity": _recent_completion,
         "an open estimate expires": _expiring_estimate, "an active plan's next visit passes": _plan_visit}


@pytest.mark.parametrize("make", TIMED.values(), ids=TIMED.keys())
def test_valid_until_is_when_time_alone_changes_the_part(app, client, auth, database, account_id, customer_id, make):
    now = utcnow()
    moment = make(SimpleNamespace(client=client, auth=auth, database=database, account_id=account_id,
                                  customer=customer_id, now=now))
    shown, valid_until = _part(app, account_id, customer_id, now)
    # An estimate reads expired at the midnight itself; the others still show their job or visit at its instant.
    assert valid_until == moment
    assert _computed(app, account_id, customer_id, valid_until - MICROSECOND) == shown
    assert _computed(app, account_id, customer_id, valid_until + MICROSECOND) != shown


def test_nothing_timed_leaves_the_part_to_writes_alone(app, client, auth, database, account_id, customer_id):
    now = utcnow()
    job(client, auth, customer_id, "Draft")
    job(client, auth, customer_id, "Missed", scheduled_start=iso(now - dt.timedelta(days=1)))
    done = job(client, auth, customer_id, "Done long ago", "in_progress", "completed", scheduled_start=iso(now))
    completed_at(database, account_id, done["id"], now - dt.timedelta(days=31))
    post(client, auth, "/estimates", {"customer_id": customer_id, "title": "Open-ended"})  # no last valid day
    post(client, auth, "/estimates", {"customer_id": customer_id, "title": "Lapsed",
                                      "valid_until": (now.date() - dt.timedelta(days=1)).isoformat()})
    plan(client, auth, customer_id, "Maybe", now + dt.timedelta(days=1), status="assessment")
    assert _part(app, account_id, customer_id, now)[1] is None


def test_the_route_recomputes_once_valid_until_passes_and_not_before(app, client, auth, account_id, rich_customer,
                                                                     monkeypatch):
    # The route reads the service's clock once per request; moving it is moving time for the route.
    clock = [utcnow()]
    monkeypatch.setattr(part_route, "now", lambda: clock[0])
    stored = ask_part(client, auth, rich_customer["id"])
    valid_until = _part(app, account_id, rich_customer["id"], clock[0])[1]
    assert valid_until is not None
    clock[0] = valid_until - dt.timedelta(seconds=1)
    with sent_statements(app) as before:
        assert ask_part(client, auth, rich_customer["id"]).data == stored.data
    clock[0] = valid_until + MICROSECOND
    with sent_statements(app) as after:
        fresh = ask_part(client, auth, rich_customer["id"])
    assert len(before) == 1 and len(after) > 1
    assert fresh.data != stored.data and fresh.data == _computed(app, account_id, rich_customer["id"], clock[0])


def test_another_accounts_customer_is_404_and_nothing_is_stored(client, other_auth, auth, database, rich_customer):
    assert_404_and_nothing_stored(client, auth, other_auth, database, rich_customer["id"])
