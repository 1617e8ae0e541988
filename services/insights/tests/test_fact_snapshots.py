"""Fact snapshots: a read is served from the stored facts while they hold, and only while they hold.

"Recomputed" below is the answer after every stored snapshot of the account was dropped: the facts
loaded from the read model again, as every read did before there were snapshots. Reads ask with ``ai=wait``
(no model is connected here, so nothing is asked): that variant is never kept in the part store, so every
read goes through the snapshot.
"""
import datetime as dt
import uuid

from types import SimpleNamespace

import pytest
from sqlalchemy import null, select, update

from insights.adapters import fact_snapshots
from insights.adapters.facts_json import decode_facts, encode
from insights.adapters.orm import FactGeneration, FactSnapshot
from insights.adapters.queries import load_facts
from insights.domain import facts as f
from insights.service_layer.rebuild import rebuild
from insight_stories import event_cases, merge_chain, rich_customer

UTC = dt.timezone.utc
DAY, HOUR, MINUTE = dt.timedelta(days=1), dt.timedelta(hours=1), dt.timedelta(minutes=1)


def _database(app):
    return app.extensions["fieldwork"].database


def row_of(app, account_id, customer_id):
    """The snapshot as a read sees it (None when neither a snapshot nor a generation exists), read past any account
    scoping: ``facts`` None once dropped, ``generation`` the customer's current one."""
    customer = uuid.UUID(str(customer_id))
    with _database(app).engine.connect() as connection:
        stored = connection.execute(select(FactSnapshot).where(FactSnapshot.account_id == account_id,
                                                               FactSnapshot.customer_id == customer)).first()
        current = connection.scalar(select(FactGeneration.generation).where(FactGeneration.account_id == account_id,
                                                                            FactGeneration.customer_id == customer))
    if stored is None and current is None:
        return None
    if stored is None:
        return SimpleNamespace(facts=None, generation=current, computed_at=None, valid_until=None)
    dropped = stored.generation != (current or 0)
    return SimpleNamespace(facts=None if dropped else stored.facts, generation=current or 0,
                           computed_at=stored.computed_at, valid_until=stored.valid_until)


def tamper(app, account_id, customer_id, **profile):
    """Changes the stored facts' profile behind the service's back: only a read served from them shows it."""
    key = (FactSnapshot.account_id == account_id, FactSnapshot.customer_id == uuid.UUID(str(customer_id)))
    with _database(app).engine.begin() as connection:
        stored = connection.scalar(select(FactSnapshot.facts).where(*key))
        stored["profile"].update(profile)
        connection.execute(update(FactSnapshot).where(*key).values(facts=stored))


def drop_every_snapshot(app, account_id):
    with _database(app).engine.begin() as connection:
        connection.execute(update(FactSnapshot).where(FactSnapshot.account_id == account_id).values(facts=null()))


@pytest.fixture
def read(client, make_token):
    def get(account_id, customer_id):
        response = client.get(f"/customers/{customer_id}/insights?ai=wait",
                              headers={"Authorization": f"Bearer {make_token(account_id)}"})
        assert response.status_code == 200, response.json
        return response.json
    return get


@pytest.fixture
def recomputed(app, read):
    def get(account_id, customer_id):
        drop_every_snapshot(app, account_id)
        return read(account_id, customer_id)
    return get


@pytest.fixture
def told(app, deliver, story, account_id):
    for envelope in story(account_id):
        deliver(app, envelope)


# -- served from the snapshot -------------------------------------------------------------------------------------

def test_a_read_stores_the_facts_and_the_next_read_is_served_from_them(app, read, recomputed, told, account_id, dana,
                                                                       clock):
    assert row_of(app, account_id, dana).facts is None  # each event about her marked it dropped; nothing stored yet
    first = read(account_id, dana)
    stored = row_of(app, account_id, dana)
    assert stored.facts is not None and stored.computed_at == clock.now
    assert stored.valid_until == dt.datetime(2026, 12, 2, tzinfo=UTC)  # nothing scheduled: the next midnight

    tamper(app, account_id, dana, display_name="Stored Name")
    assert read(account_id, dana)["facts"]["customer"]["name"] == "Stored Name"  # a hit: nothing was loaded
    assert recomputed(account_id, dana) == first



def test_a_rich_customer_read_from_the_snapshot_is_exactly_the_recomputed_one(app, deliver, make_event, read,
                                                                              recomputed, account_id, clock):
    customer = str(uuid.uuid4())
    for envelope in rich_customer(account_id, customer, make_event, clock.now):
        assert deliver(app, envelope)
    first = read(account_id, customer)
    assert {card["kind"] for card in first["cards"]} >= {"overdue_statement", "estimate_follow_up", "maintenance_due"}

    # The facts themselves survive the trip through JSONB: every date, moment (to the microsecond), id and tuple.
    with _database(app).transaction(account_id=account_id) as session:
        loaded = load_facts(session, uuid.UUID(customer), clock.now)
        cached = fact_snapshots.lookup(session, uuid.UUID(customer), clock.now)
    assert cached.facts == loaded and encode(cached.facts) == encode(loaded)
    assert loaded.overdue.count == 3 and len(loaded.recent_communications) == f.RECENT_ITEMS
    assert list(cached.facts.jobs_by_status.items()) == list(loaded.jobs_by_status.items())  # even the order

    assert read(account_id, customer) == first  # the hit
    assert recomputed(account_id, customer) == first


def test_the_encoding_round_trips_every_kind_of_value():
    moment = dt.datetime(2026, 12, 1, 12, 0, 0, 1, tzinfo=dt.timezone(dt.timedelta(hours=-6)))
    job = f.Job(uuid.uuid4(), "J-1", "Fix", "scheduled", moment, None, 1, "USD")
    facts = f.CustomerFacts(
        profile=f.Profile(uuid.uuid4(), None, "Ann", "residential", "lead", False, True, uuid.uuid4(), moment),
        money=f.Money("USD", -5, 10, 15, 2**40, 0, moment),
        overdue=f.Overdue(7, 1, dt.date(2026, 1, 31), (f.Invoice(uuid.uuid4(), "INV-1", dt.date(2026, 1, 31), 7, 9,
                                                                   "USD"),)),
        open_invoice_count=2, jobs_by_status={"scheduled": 1, "draft": 0}, last_completed_job=None,
        next_scheduled_job=job, recent_jobs=(job, job),
        waiting_estimates=(f.Estimate(uuid.uuid4(), "E-1", None, "sent", None, 3, "EUR"),), waiting_estimate_count=1,
        plans=(f.Plan(uuid.uuid4(), "P", "active", None, True),), plans_by_status={"active": 1},
        last_contact=f.Communication(uuid.uuid4(), "sms", "inbound", "received", moment, None),
        last_statement_at=moment.astimezone(UTC), payment_count=3, last_payment_at=None)
    decoded = decode_facts(encode(facts))
    assert decoded == facts and repr(decoded) == repr(facts)
    assert decoded.profile.created_at.utcoffset() == dt.timedelta(hours=-6)
    assert isinstance(decoded.overdue.oldest, tuple) and type(decoded.overdue.oldest_due_date) is dt.date


# -- every kind of event drops what it affects ----------------------------------------------------------------------


def test_every_consumed_event_type_has_a_case():
    from insights.entrypoints.events import handlers
    assert set(event_cases(uuid.uuid4(), "d", "o", lambda *a, **k: None, dt.datetime.now(UTC))) == set(handlers.types)


@pytest.mark.parametrize("event_type", sorted(event_cases(uuid.uuid4(), "d", "o", lambda *a, **k: None,
                                                     dt.datetime.now(UTC))))
def test_each_kind_of_event_drops_the_snapshots_it_affects(app, deliver, make_event, read, recomputed, told,
                                                           account_id, dana, duplicate, clock, event_type):
    other = str(uuid.uuid4())
    setup, change = event_cases(account_id, dana, other, make_event, clock.now)[event_type]
    for envelope in setup:
        assert deliver(app, envelope)
    customers = [dana, other] if "merged" in event_type else [dana]  # a merge and its undo change both sides
    before = {customer: read(account_id, customer) for customer in customers + [duplicate]}
    generations = {customer: row_of(app, account_id, customer).generation for customer in before}

    assert deliver(app, change)

    for customer in customers:
        stored = row_of(app, account_id, customer)
        assert stored.facts is None and stored.generation > generations[customer], customer
    # A customer the event has nothing to do with keeps its snapshot.
    untouched = row_of(app, account_id, duplicate)
    assert untouched.facts is not None and untouched.generation == generations[duplicate]
    after = {customer: read(account_id, customer) for customer in customers}
    assert after[dana]["facts"] != before[dana]["facts"]  # the event mattered to Dana
    for customer in customers:
        assert after[customer] == recomputed(account_id, customer), customer


def test_a_duplicates_event_drops_every_customer_it_is_merged_into(app, deliver, make_event, read, recomputed, told,
                                                                   account_id, dana, duplicate, clock):
    third, chain = merge_chain(account_id, dana, duplicate, make_event, clock.now)
    for envelope in chain:
        deliver(app, envelope)
    before = {customer: read(account_id, customer) for customer in (dana, duplicate, third)}

    deliver(app, make_event(account_id, "communication.logged", clock.now - MINUTE, communication={
        "id": str(uuid.uuid4()), "customer_id": third, "channel": "sms", "occurred_at": clock.now - MINUTE}))

    for customer in (dana, duplicate, third):
        assert row_of(app, account_id, customer).facts is None, customer
    after = read(account_id, dana)
    assert after["facts"]["communications"]["by_channel"] == {"call": 1, "sms": 1}
    assert before[dana]["facts"]["communications"]["by_channel"] == {"call": 1}
    assert after == recomputed(account_id, dana)


def test_a_message_matched_to_another_customer_drops_the_one_it_left(app, deliver, make_event, read, told,
                                                                     account_id, dana, duplicate, clock):
    message = {"id": str(uuid.uuid4()), "customer_id": duplicate, "channel": "sms", "occurred_at": clock.now - HOUR}
    deliver(app, make_event(account_id, "communication.logged", clock.now - HOUR, communication=message))
    assert read(account_id, duplicate)["facts"]["communications"]["by_channel"] == {"sms": 1}
    read(account_id, dana)

    # Reported again, now matched to Dana: the event names only Dana, yet the duplicate lost the message.
    deliver(app, make_event(account_id, "communication.logged", clock.now - MINUTE,
                            communication={**message, "customer_id": dana}))

    assert row_of(app, account_id, duplicate).facts is None
    assert read(account_id, duplicate)["facts"]["communications"]["by_channel"] == {}
    assert read(account_id, dana)["facts"]["communications"]["by_channel"] == {"call": 1, "sms": 1}


def test_a_rebuild_drops_every_snapshot_of_the_account_and_only_of_it(app, deliver, story, read, told, account_id,
                                                                      dana, duplicate):
    other_account = uuid.uuid4()
    for envelope in story(other_account):
        deliver(app, envelope)
    for account in (account_id, other_account):
        for customer in (dana, duplicate):
            read(account, customer)
    kept = row_of(app, other_account, dana)

    rebuild(_database(app), [account_id])

    for customer in (dana, duplicate):
        assert row_of(app, account_id, customer).facts is None
    assert row_of(app, other_account, dana) == kept


def test_facts_loaded_before_a_drop_committed_are_never_served(app, deliver, make_event, told,
                                                                account_id, dana, clock):
    customer = uuid.UUID(dana)
    with _database(app).transaction(account_id=account_id) as session:
        seen = fact_snapshots.lookup(session, customer, clock.now)
        stale = load_facts(session, customer, clock.now)
    deliver(app, make_event(account_id, "balance.changed", clock.now, customer_id=dana, balance_cents=4200,
                            as_of=clock.now))  # commits a drop between the reader's load and its store
    with _database(app).transaction(account_id=account_id) as session:
        kept = fact_snapshots.store(session, customer, stale, generation=seen.generation, now=clock.now,
                                    valid_until=clock.now + HOUR)
    assert kept and row_of(app, account_id, dana).facts is None  # kept under a generation no longer current


# -- time ---------------------------------------------------------------------------------------------------------

def test_at_midnight_the_snapshot_runs_out_and_invoices_fall_overdue(app, deliver, make_event, read, recomputed,
                                                                     told, account_id, dana, clock):
    deliver(app, make_event(account_id, "invoice.sent", clock.now - 30 * DAY, invoice_id=str(uuid.uuid4()),
                            customer_id=dana, due_date=clock.now.date().isoformat(), sent_at=clock.now - 30 * DAY))
    assert read(account_id, dana)["facts"]["overdue"]["invoices"] == 0  # due today: not overdue yet
    midnight = dt.datetime.combine(clock.now.date() + DAY, dt.time(), tzinfo=UTC)
    assert row_of(app, account_id, dana).valid_until == midnight

    clock.now = midnight - MINUTE
    assert read(account_id, dana)["facts"]["overdue"]["invoices"] == 0
    clock.now = midnight + MINUTE
    after = read(account_id, dana)
    assert after["facts"]["overdue"]["invoices"] == 1 and after["facts"]["overdue"]["oldest"][0]["days_past_due"] == 1
    assert row_of(app, account_id, dana).computed_at == clock.now  # stored again, for the new day
    assert after == recomputed(account_id, dana)


def test_once_the_next_job_starts_the_snapshot_runs_out(app, deliver, make_event, read, recomputed, told,
                                                        account_id, dana, clock):
    soon, later = clock.now + 2 * HOUR, clock.now + 5 * HOUR
    for number, start in (("J-2001", soon), ("J-2002", later)):
        deliver(app, make_event(account_id, "job.status_changed", clock.now - DAY, job_id=str(uuid.uuid4()),
                                number=number, customer_id=dana, to="scheduled", changed_at=clock.now - DAY,
                                scheduled_start=start, completed_at=None))
    assert read(account_id, dana)["facts"]["jobs"]["next_scheduled"]["number"] == "J-2001"
    assert row_of(app, account_id, dana).valid_until == soon

    clock.now = soon + MINUTE
    after = read(account_id, dana)
    assert after["facts"]["jobs"]["next_scheduled"]["number"] == "J-2002"
    assert row_of(app, account_id, dana).valid_until == later
    assert after == recomputed(account_id, dana)


def test_a_clock_behind_the_one_that_stored_the_facts_does_not_use_them(app, deliver, make_event, read, told,
                                                                        account_id, dana, clock):
    start = clock.now - HOUR
    deliver(app, make_event(account_id, "job.status_changed", clock.now - DAY, job_id=str(uuid.uuid4()),
                            number="J-2001", customer_id=dana, to="scheduled", changed_at=clock.now - DAY,
                            scheduled_start=start, completed_at=None))
    assert read(account_id, dana)["facts"]["jobs"]["next_scheduled"] is None  # it started an hour ago
    clock.now = start - HOUR  # another host, an hour behind: the job is still to come there
    assert read(account_id, dana)["facts"]["jobs"]["next_scheduled"]["number"] == "J-2001"


# -- settings and releases ------------------------------------------------------------------------------------------

def test_threshold_changes_apply_at_once_to_cached_facts(app, client, auth, deliver, make_event, read, account_id,
                                                         clock):
    lead = str(uuid.uuid4())
    deliver(app, make_event(account_id, "customer.created", clock.now - 10 * DAY, customer={"id": lead}))
    assert "lead_call" in {card["kind"] for card in read(account_id, lead)["cards"]}
    generation = row_of(app, account_id, lead).generation

    assert client.patch("/settings/insights", json={"lead_contact_days": 14}, headers=auth).status_code == 200

    assert "lead_call" not in {card["kind"] for card in read(account_id, lead)["cards"]}
    stored = row_of(app, account_id, lead)
    assert stored.facts is not None and stored.generation == generation  # the facts were not loaded again


def test_facts_stored_in_another_shape_are_loaded_again(app, read, told, account_id, dana):
    first = read(account_id, dana)
    tamper(app, account_id, dana, display_name="Stored Name")
    with _database(app).engine.begin() as connection:
        connection.execute(update(FactSnapshot).where(FactSnapshot.account_id == account_id)
                           .values(shape="an older release"))
    assert read(account_id, dana) == first


# -- tenancy ------------------------------------------------------------------------------------------------------

def test_another_account_gets_404_however_warm_the_snapshot(app, client, make_token, read, told, account_id, dana):
    read(account_id, dana)
    stranger = uuid.uuid4()
    response = client.get(f"/customers/{dana}/insights?ai=cached",
                          headers={"Authorization": f"Bearer {make_token(stranger)}"})
    assert response.status_code == 404 and "facts" not in response.json
    assert row_of(app, stranger, dana) is None  # a miss stores nothing for a customer the account does not know
    assert row_of(app, account_id, dana).facts is not None


def test_snapshots_are_kept_per_account(app, deliver, make_event, story, read, told, account_id, dana, clock):
    other_account = uuid.uuid4()
    for envelope in story(other_account):  # the same customer ids in another account
        deliver(app, envelope)
    answers = {account: read(account, dana) for account in (account_id, other_account)}
    other_generation = row_of(app, other_account, dana).generation

    tamper(app, account_id, dana, display_name="Only Here")
    assert read(account_id, dana)["facts"]["customer"]["name"] == "Only Here"
    assert read(other_account, dana) == answers[other_account]

    deliver(app, make_event(account_id, "communication.logged", clock.now, communication={
        "id": str(uuid.uuid4()), "customer_id": dana, "channel": "email", "occurred_at": clock.now}))
    assert row_of(app, account_id, dana).facts is None
    kept = row_of(app, other_account, dana)
    assert kept.facts is not None and kept.generation == other_generation
    assert read(other_account, dana)["facts"]["communications"]["by_channel"] == {"call": 1}


def test_a_job_booked_on_another_customers_plan_drops_the_plans_owner(app, deliver, make_event, read, told,
                                                                      account_id, dana, duplicate, clock):
    plan, job = str(uuid.uuid4()), str(uuid.uuid4())
    deliver(app, make_event(account_id, "plan.status_changed", clock.now - 30 * DAY, plan_id=plan,
                            customer_id=duplicate, to="active", changed_at=clock.now - 30 * DAY,
                            next_visit_at=clock.now + 5 * DAY))
    deliver(app, make_event(account_id, "job.created", clock.now - DAY, job={
        "id": job, "customer_id": dana, "status": "scheduled", "plan_id": plan, "estimate_id": None,
        "scheduled_start": clock.now + 5 * DAY, "scheduled_end": clock.now + 5 * DAY + HOUR}))
    assert read(account_id, duplicate)["facts"]["plans"]["soonest"][0]["visit_booked"] is True

    # The visit is cancelled: the event names the job and Dana, never the plan or its owner.
    deliver(app, make_event(account_id, "job.status_changed", clock.now, job_id=job, customer_id=dana,
                            **{"from": "scheduled"}, to="cancelled", changed_at=clock.now,
                            scheduled_start=clock.now + 5 * DAY, completed_at=None))

    assert row_of(app, account_id, duplicate).facts is None
    assert read(account_id, duplicate)["facts"]["plans"]["soonest"][0]["visit_booked"] is False
