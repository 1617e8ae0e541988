"""``?ai=cached`` (the workspace's call) is answered from the part store while nothing it shows has changed: recomputed
after every kind of consumed event (a merged duplicate's included, down a merge chain), every settings write and every
AI answer kept, and once time alone changes it; ``?ai=wait``, which may ask the model, is never stored."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import text

from chassis import wire_json
from chassis.testing.part_store import assert_recomputed, assert_stored, unwatched_tables
from chassis.testing.statements import sent_statements
from insights.entrypoints.http.schemas.responses import InsightsOut
from insights.service_layer.insights import cached_insights
from insight_stories import event_cases, merge_chain, rich_customer

DAY, HOUR, MINUTE = dt.timedelta(days=1), dt.timedelta(hours=1), dt.timedelta(minutes=1)
MICRO = dt.timedelta(microseconds=1)
KEY = "sk-test-0123456789abcdefwxyz"




@pytest.fixture
def database(app):
    return app.extensions["fieldwork"].database


@pytest.fixture
def told(app, deliver, story, account_id):
    for envelope in story(account_id):
        deliver(app, envelope)


@pytest.fixture
def ask(client, make_token):
    def get(account_id, customer, ai="cached"):
        response = client.get(f"/customers/{customer}/insights?ai={ai}",
                              headers={"Authorization": f"Bearer {make_token(account_id)}"})
        assert response.status_code == 200, response.json
        return response
    return get


@pytest.fixture
def computed(app, database, clock):
    """The answer as the service layer works it out now from the read model, past the part store and the fact
    snapshots, in the bytes the route sends."""
    def compute(account_id, customer):
        with database.engine.begin() as connection:
            connection.execute(text("UPDATE fact_snapshots SET facts = NULL WHERE account_id = :a"), {"a": account_id})
        with app.app_context(), database.transaction(account_id=account_id) as session:
            document, _ = cached_insights(session, uuid.UUID(str(customer)), now=clock.now)
        return wire_json.dumps(InsightsOut().dump(document))
    return compute


@pytest.fixture
def fresh(app, ask, computed):
    """Asserts the next answer was recomputed, differs from ``stored`` (unless ``same``: what the write changed is
    not shown) and is what a fresh computation gives."""
    def check(account_id, customer, stored, same=False):
        answer = assert_recomputed(app, lambda: ask(account_id, customer))
        assert (answer.data == stored.data) is same, customer
        assert answer.data == computed(account_id, customer), customer
        return answer
    return check


def _stored(database, account_id, customer=None):
    with database.engine.connect() as connection:
        return connection.execute(text("SELECT variant, valid_until FROM stored_parts WHERE account_id = :a "
                                       "AND (CAST(:c AS uuid) IS NULL OR customer_id = CAST(:c AS uuid))"),
                                  {"a": account_id, "c": customer and str(customer)}).all()


def test_every_account_owned_table_but_the_snapshots_and_the_directory_is_watched(database):
    # The snapshots are a cache of the watched tables: watching them would stale a part by computing it.
    assert unwatched_tables(database, "known_customers") == {"fact_snapshots"}


def test_the_second_ask_is_one_statement_with_the_same_bytes(app, deliver, make_event, ask, account_id, clock):
    customer = str(uuid.uuid4())
    for envelope in rich_customer(account_id, customer, make_event, clock.now):
        deliver(app, envelope)
    assert_stored(app, lambda: ask(account_id, customer))


@pytest.mark.parametrize("event_type", sorted(event_cases(uuid.uuid4(), "d", "o", lambda *a, **k: None,
                                                                dt.datetime.now(dt.timezone.utc))))
def test_each_kind_of_event_makes_the_stored_answer_fresh(app, deliver, make_event, ask, fresh, told, account_id,
                                                          dana, duplicate, clock, event_type):
    other = str(uuid.uuid4())
    setup, change = event_cases(account_id, dana, other, make_event, clock.now)[event_type]
    for envelope in setup:
        assert deliver(app, envelope)
    customers = [dana, other] if "merged" in event_type else [dana]  # a merge and its undo change both sides
    stored = {customer: ask(account_id, customer) for customer in customers + [duplicate]}

    assert deliver(app, change)

    fresh(account_id, dana, stored[dana])
    if other in customers:  # the duplicate's own answer shows nothing of the merge, but is computed again
        fresh(account_id, other, stored[other], same=True)
    with sent_statements(app) as sent:  # a customer the event has nothing to do with keeps its stored answer
        assert ask(account_id, duplicate).data == stored[duplicate].data
    assert len(sent) == 1


def test_an_event_of_a_duplicate_down_a_merge_chain_makes_every_target_fresh(app, deliver, make_event, ask, fresh,
                                                                              told, account_id, dana, duplicate,
                                                                              clock):
    third, chain = merge_chain(account_id, dana, duplicate, make_event, clock.now)
    for envelope in chain:
        deliver(app, envelope)
    stored = {customer: ask(account_id, customer) for customer in (dana, duplicate)}

    # The event names only the third customer and its message.
    deliver(app, make_event(account_id, "communication.logged", clock.now - MINUTE, communication={
        "id": str(uuid.uuid4()), "customer_id": third, "channel": "sms", "occurred_at": clock.now - MINUTE}))

    after = fresh(account_id, dana, stored[dana])
    assert after.json["facts"]["communications"]["by_channel"] == {"call": 1, "sms": 1}
    fresh(account_id, duplicate, stored[duplicate])


def test_settings_and_a_kept_ai_answer_make_the_stored_answer_fresh(app, client, auth, deliver, make_event, ask, fresh,
                                                                    told, account_id, dana, fake_openai, clock):
    lead = str(uuid.uuid4())
    deliver(app, make_event(account_id, "customer.created", clock.now - 10 * DAY, customer={"id": lead}))
    stored_lead = ask(account_id, lead)
    assert "lead_call" in {card["kind"] for card in stored_lead.json["cards"]}
    assert client.patch("/settings/insights", json={"lead_contact_days": 14}, headers=auth).status_code == 200
    assert "lead_call" not in {card["kind"] for card in fresh(account_id, lead, stored_lead).json["cards"]}

    stored = ask(account_id, dana)
    assert stored.json["ai"]["status"] == "not_configured"

    assert client.put("/settings/integrations/openai", json={"api_key": KEY, "model": "gpt-4o-mini"},
                      headers=auth).status_code == 200
    stored = fresh(account_id, dana, stored)
    assert stored.json["ai"]["reason"] == "not_ready"

    fake_openai.reply = lambda sheet: {"summary": "Pays late, books often.", "actions": []}
    assert ask(account_id, dana, ai="wait").json["ai"]["cached"] is False  # asks the model and keeps its answer
    stored = fresh(account_id, dana, stored)
    assert stored.json["ai"]["summary"] == "Pays late, books often." and stored.json["ai"]["cached"] is True


def test_the_ai_calling_variant_is_never_stored(app, database, ask, told, account_id, dana):
    ask(account_id, dana, ai="wait")
    with sent_statements(app) as sent:
        ask(account_id, dana, ai="wait")
    assert not any("stored_parts" in statement for statement in sent)
    assert _stored(database, account_id) == []


def test_the_answer_is_recomputed_once_a_card_turns_by_time_alone_and_not_before(app, database, deliver, make_event,
                                                                                 ask, computed, account_id, clock):
    # A lead since 6 days and 22 hours: the "call the lead" card shows at the 7th day, two hours from now.
    lead, since = str(uuid.uuid4()), clock.now - 7 * DAY + 2 * HOUR
    deliver(app, make_event(account_id, "customer.created", since, customer={"id": lead}))
    stored = ask(account_id, lead)
    assert "lead_call" not in {card["kind"] for card in stored.json["cards"]}
    [(_, valid_until)] = _stored(database, account_id, lead)
    assert valid_until == since + 7 * DAY

    clock.now = valid_until - MINUTE
    with sent_statements(app) as sent:
        assert ask(account_id, lead).data == stored.data
    assert len(sent) == 1

    clock.now = valid_until
    after = ask(account_id, lead)
    assert "lead_call" in {card["kind"] for card in after.json["cards"]}
    assert after.data == computed(account_id, lead)
    midnight = dt.datetime.combine(clock.now.date() + DAY, dt.time(), tzinfo=dt.timezone.utc)
    [(_, valid_until)] = _stored(database, account_id, lead)
    assert valid_until == min(since + 8 * DAY, midnight)  # the days the card counts, or the facts' midnight


def _kinds(response) -> dict:
    return {card["kind"]: card for card in response.json["cards"]}


@pytest.fixture
def turns_at(app, database, ask, computed, account_id, clock):
    """Asserts the stored answer of ``customer`` holds until ``turn`` and no longer: stored with that ``valid_until``,
    answered from the store (one statement, the same bytes) up to the microsecond before it, and computed again at it,
    as a fresh computation gives it. Returns the answer at ``turn``."""
    def check(customer, stored, turn):
        [(_, valid_until)] = _stored(database, account_id, customer)
        assert valid_until == turn
        clock.now = turn - MICRO
        assert assert_stored(app, lambda: ask(account_id, customer)).data == stored.data
        clock.now = turn
        after = assert_recomputed(app, lambda: ask(account_id, customer))
        assert after.data != stored.data and after.data == computed(account_id, customer)
        return after
    return check


def test_the_answer_is_recomputed_when_an_estimate_is_due_a_follow_up_and_as_its_days_grow(
        app, deliver, make_event, ask, turns_at, account_id, clock, active_customer):
    # Sent 6 days 21 hours ago: the follow-up card shows three hours from now, then counts whole days since.
    estimate, sent = str(uuid.uuid4()), clock.now - 7 * DAY + 3 * HOUR + 250 * MICRO
    deliver(app, make_event(account_id, "estimate.status_changed", sent, estimate_id=estimate,
                            customer_id=active_customer, to="sent", changed_at=sent))
    stored = ask(account_id, active_customer)
    assert "estimate_follow_up" not in _kinds(stored)

    after = turns_at(active_customer, stored, sent + 7 * DAY)
    assert "has waited 7 days" in _kinds(after)["estimate_follow_up"]["reason"]

    # Midnight comes first (the days the facts show turn then), and the next whole day of waiting after it.
    midnight = dt.datetime.combine(clock.now.date() + DAY, dt.time(), tzinfo=dt.timezone.utc)
    after = turns_at(active_customer, after, midnight)
    after = turns_at(active_customer, after, sent + 8 * DAY)
    assert "has waited 8 days" in _kinds(after)["estimate_follow_up"]["reason"]


def test_the_answer_is_recomputed_when_a_plans_visit_enters_the_maintenance_window(
        app, deliver, make_event, ask, turns_at, account_id, clock, active_customer):
    plan, visit = str(uuid.uuid4()), clock.now + 14 * DAY + 2 * HOUR + 250 * MICRO
    deliver(app, make_event(account_id, "plan.status_changed", clock.now - 30 * DAY, plan_id=plan,
                            customer_id=active_customer, to="active", changed_at=clock.now - 30 * DAY,
                            next_visit_at=visit))
    stored = ask(account_id, active_customer)
    assert "maintenance_due" not in _kinds(stored)

    after = turns_at(active_customer, stored, visit - 14 * DAY)
    assert "is due in 14 days" in _kinds(after)["maintenance_due"]["reason"]


def test_at_midnight_the_answer_is_recomputed(app, database, ask, computed, told, account_id, dana, clock):
    stored = ask(account_id, dana)
    midnight = dt.datetime.combine(clock.now.date() + DAY, dt.time(), tzinfo=dt.timezone.utc)
    assert _stored(database, account_id, dana)[0].valid_until == midnight
    clock.now = midnight
    after = ask(account_id, dana)
    assert after.data != stored.data and after.data == computed(account_id, dana)


def test_another_account_gets_404_and_nothing_is_stored(client, database, make_token, ask, told, account_id, dana):
    ask(account_id, dana)
    stranger = uuid.uuid4()
    response = client.get(f"/customers/{dana}/insights?ai=cached",
                          headers={"Authorization": f"Bearer {make_token(stranger)}"})
    assert response.status_code == 404
    assert _stored(database, stranger) == []
