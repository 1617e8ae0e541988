"""The read model after the contract examples' story: in order, redelivered and shuffled, and rebuilt."""
import datetime as dt
import random
import uuid

from sqlalchemy import delete

from insights.adapters.orm import CustomerFact, InvoiceFact, JobFact
from insights.adapters.queries import load_facts
from insights.entrypoints.events import handlers
from insights.service_layer.rebuild import rebuild

UTC = dt.timezone.utc
STORY_NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # the conftest clock's default


def facts_of(app, account_id, customer_id):
    database = app.extensions["fieldwork"].database
    with database.transaction(account_id=account_id) as session:
        return load_facts(session, uuid.UUID(customer_id), STORY_NOW)


def test_the_story_builds_the_customer_read_model(app, deliver, story, account_id, dana, duplicate):
    for envelope in story(account_id):
        assert deliver(app, envelope)

    facts = facts_of(app, account_id, dana)
    profile = facts.profile
    assert (profile.number, profile.display_name, profile.status) == ("C-1042", "Dana Whitfield", "active")
    assert (profile.archived, profile.merged_into) == (False, None)
    assert profile.created_at == dt.datetime(2026, 11, 2, 14, 5, 11, tzinfo=UTC)
    assert (facts.money.balance_cents, facts.money.lifetime_value_cents, facts.money.credit_cents) == (0, 684500, 15500)
    assert (facts.overdue.total_cents, facts.overdue.count, facts.open_invoice_count) == (0, 0, 0)
    assert facts.jobs_by_status == {"completed": 1}
    assert facts.last_completed_job.number == "J-1019"
    assert facts.last_completed_job.completed_at == dt.datetime(2026, 11, 10, 18, 7, 52, tzinfo=UTC)
    assert facts.next_scheduled_job is None
    assert facts.estimates_by_status == {"approved": 1}
    assert facts.waiting_estimates == () and facts.waiting_estimate_count == 0
    assert facts.plans_by_status == {"active": 1}
    [plan] = facts.plans
    assert (plan.name, plan.next_visit_at, plan.has_open_visit) == (
        "Comfort Club bi-annual tune-up", dt.datetime(2027, 5, 15, 14, 0, tzinfo=UTC), False)
    assert facts.communications_by_channel == {"call": 1}
    assert (facts.last_contact.channel, facts.last_contact.occurred_at) == (
        "call", dt.datetime(2026, 11, 2, 14, 3, 6, tzinfo=UTC))
    assert facts.last_statement_at == dt.datetime(2026, 11, 30, 17, 0, 5, tzinfo=UTC)
    assert (facts.payment_count, facts.last_payment_at) == (1, dt.datetime(2026, 11, 12, 19, 44, 10, tzinfo=UTC))

    twin = facts_of(app, account_id, duplicate).profile
    assert (twin.number, twin.archived, twin.merged_into) == ("C-1057", False, None)


def test_redelivered_and_shuffled_the_story_ends_the_same(app, client, deliver, story, make_token, dana, duplicate):
    in_order, shuffled = uuid.uuid4(), uuid.uuid4()
    for envelope in story(in_order):
        deliver(app, envelope)
    events = story(shuffled) * 2
    random.Random(8).shuffle(events)
    applied = [deliver(app, envelope) for envelope in events]
    assert applied.count(True) == len(events) // 2  # every second copy was skipped by the inbox

    # Two accounts now hold the same entity ids: each still counts only its own.
    totals = facts_of(app, shuffled, dana)
    assert (totals.jobs_by_status, totals.payment_count, totals.communications_by_channel) == (
        {"completed": 1}, 1, {"call": 1})
    for customer in (dana, duplicate):
        assert facts_of(app, in_order, customer) == facts_of(app, shuffled, customer)
        answers = [client.get(f"/customers/{customer}/insights",
                              headers={"Authorization": f"Bearer {make_token(account)}"}).json
                   for account in (in_order, shuffled)]
        assert answers[0] == answers[1]


def test_every_order_of_a_merge_and_its_undo_leaves_the_customers_apart(app, deliver, story, duplicate):
    merge_types = ("customer.merged", "customer.unmerged")
    for reverse in (False, True):
        account = uuid.uuid4()
        events = story(account)
        merge_events = [e for e in events if e["type"] in merge_types]
        rest = [e for e in events if e["type"] not in merge_types]
        for envelope in rest + (merge_events[::-1] if reverse else merge_events):
            deliver(app, envelope)
        assert facts_of(app, account, duplicate).profile.merged_into is None


def test_an_active_merge_shows_the_duplicates_history_on_the_target(app, deliver, story, make_event, account_id,
                                                                   dana, duplicate):
    events = [e for e in story(account_id) if e["type"] != "customer.unmerged"]
    for envelope in events:
        deliver(app, envelope)
    deliver(app, make_event(account_id, "communication.logged", STORY_NOW - dt.timedelta(days=1),
                            communication={"id": str(uuid.uuid4()), "customer_id": duplicate, "channel": "sms"}))
    assert facts_of(app, account_id, duplicate).profile.merged_into == uuid.UUID(dana)
    assert facts_of(app, account_id, dana).communications_by_channel == {"call": 1, "sms": 1}


def test_rebuild_replays_the_log_into_the_same_model(app, client, auth, deliver, story, account_id, dana):
    for envelope in story(account_id):
        deliver(app, envelope)
    before = facts_of(app, account_id, dana)
    before_answer = client.get(f"/customers/{dana}/insights", headers=auth).json
    database = app.extensions["fieldwork"].database
    with database.transaction(account_id=account_id) as session:  # damage the model
        for model in (JobFact, InvoiceFact, CustomerFact):
            session.execute(delete(model))
    assert facts_of(app, account_id, dana) is None

    report = rebuild(database, [account_id])

    # every example of a type insights consumes (the portal invite and a note's change are others')
    assert report.events == len([e for e in story(account_id) if (e["type"], e["version"]) in handlers.keys])
    assert facts_of(app, account_id, dana) == before
    assert client.get(f"/customers/{dana}/insights", headers=auth).json == before_answer


def test_the_rebuild_command_is_registered(app, deliver, story, account_id, monkeypatch, capsys, dana):
    from insights.__main__ import main
    for envelope in story(account_id):
        deliver(app, envelope)
    monkeypatch.setenv("FIELDWORK_INSIGHTS_DATABASE_URL", app.extensions["fieldwork"].settings.database_url)
    main(["rebuild"])
    out = capsys.readouterr().out.strip().splitlines()[-1]
    assert '"accounts"' in out and '"events"' in out
    assert facts_of(app, account_id, dana).profile.status == "active"


def test_the_consumers_batches_build_the_same_model(app, deliver, story, dana, duplicate):
    """The consumer applies what has arrived in one transaction, accounts mixed: the model is the same."""
    from chassis.messaging.apply import apply_events
    runtime = app.extensions["fieldwork"]
    one_by_one, batched_a, batched_b = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    for envelope in story(one_by_one):
        deliver(app, envelope)
    mixed = story(batched_a) + story(batched_b)
    random.Random(3).shuffle(mixed)
    apply_events(runtime.database, runtime.spec.handlers, mixed[:20])
    apply_events(runtime.database, runtime.spec.handlers, mixed[20:] + mixed[:5])  # with redeliveries
    for account in (batched_a, batched_b):
        for customer in (dana, duplicate):
            assert facts_of(app, account, customer) == facts_of(app, one_by_one, customer)


def test_counts_take_only_the_accounts_own_rows(app, deliver, story, make_event, dana):
    """Two accounts that know the same customer id: one's waiting estimate and open invoice are not the other's."""
    busy, quiet = uuid.uuid4(), uuid.uuid4()
    for account in (busy, quiet):
        for envelope in story(account):
            deliver(app, envelope)
    deliver(app, make_event(busy, "estimate.status_changed", STORY_NOW - dt.timedelta(days=2),
                            estimate_id=str(uuid.uuid4()), customer_id=dana, to="sent",
                            changed_at=STORY_NOW - dt.timedelta(days=2)))
    deliver(app, make_event(busy, "invoice.sent", STORY_NOW - dt.timedelta(days=2), invoice_id=str(uuid.uuid4()),
                            customer_id=dana, due_date="2026-12-30", sent_at=STORY_NOW - dt.timedelta(days=2)))
    busy_facts, quiet_facts = facts_of(app, busy, dana), facts_of(app, quiet, dana)
    assert (busy_facts.waiting_estimate_count, busy_facts.open_invoice_count) == (1, 1)
    assert (quiet_facts.waiting_estimate_count, quiet_facts.open_invoice_count) == (0, 0)


def test_payments_are_followed_in_v2_and_a_logged_v1_still_replays(app, deliver, story, account_id):
    """Billing publishes payment.recorded v1 beside v2 for a while: live, only v2 is applied (one payment counts
    once); a log written before the move holds v1, and a rebuild still reads it."""
    from sqlalchemy import func, select

    from chassis.messaging import Event
    from insights.adapters import event_log
    from insights.adapters.orm import PaymentFact

    assert ("payment.recorded", 2) in handlers.keys and ("payment.recorded", 1) not in handlers.keys
    events = story(account_id)
    for envelope in events:
        deliver(app, envelope)
    database = app.extensions["fieldwork"].database
    count = select(func.count()).select_from(PaymentFact)
    with database.transaction(account_id=account_id) as session:
        assert session.scalar(count) == 1
        v2 = next(e for e in events if (e["type"], e["version"]) == ("payment.recorded", 2))
        logged = session.scalar(select(func.count()).select_from(event_log.EventLogEntry)
                                .where(event_log.EventLogEntry.event_id == uuid.UUID(v2["id"])))
        assert logged == 1
        # the log of a release before v2: the v1 of an earlier payment, as it was applied then
        v1 = {**next(e for e in events if (e["type"], e["version"]) == ("payment.recorded", 1)),
              "id": str(uuid.uuid4())}
        v1["data"] = {**v1["data"], "payment_id": str(uuid.uuid4()), "allocations": []}
        event_log.record(session, Event.from_envelope(v1))
    rebuild(database, [account_id])
    with database.transaction(account_id=account_id) as session:
        assert session.scalar(count) == 2
