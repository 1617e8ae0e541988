"""The workspace part is answered from the part store while nothing it shows has changed, and recomputed after any
write (routes, event handlers) or once an invoice falls overdue."""
from __future__ import annotations

import datetime as dt
import functools
import uuid

import pytest
from fieldwork_contracts.customers import CustomerMerged, CustomerUnmerged

import billing.entrypoints.http.workspace_part as part_route
from billing.entrypoints.http.schemas.responses import WorkspacePart
from billing.service_layer.workspace import workspace_part
from chassis import wire_json
from chassis.messaging.event import utcnow
from chassis.testing.envelopes import arriving
from chassis.testing.part_store import (ask_part, assert_404_and_nothing_stored, assert_a_directory_change_recomputes,
                                        assert_a_write_recomputes, assert_stored, unwatched_tables)
from chassis.testing.statements import sent_statements

UTC = dt.timezone.utc


@pytest.fixture
def database(app):
    return app.extensions["fieldwork"].database


@pytest.fixture
def rich_customer(api, customer):
    """An overdue invoice, one due soon and part paid, a paid one, a draft, a credit note and a refund."""
    today = utcnow().date()
    overdue = api.invoice(customer, issue_date="2020-01-01", due_date="2020-01-31")
    due_soon = api.invoice(customer, due_date=(today + dt.timedelta(days=3)).isoformat(),
                           lines=[{"description": "Spring check", "unit_price_cents": 20000}])
    paid = api.invoice(customer, lines=[{"description": "Filter", "unit_price_cents": 3000}])
    draft = api.invoice(customer, send=False, lines=[{"description": "Quote", "unit_price_cents": 7000}])
    payment = api.pay(customer, 9000, [(due_soon["id"], 5000), (paid["id"], 3000)])  # 1000 left as credit
    api.call("post", "/credit-notes", 201, json={"customer_id": str(customer), "amount_cents": 250, "reason": "Late"})
    api.call("post", "/refunds", 201, json={"payment_id": payment["id"], "amount_cents": 500})
    return {"id": customer, "overdue": overdue, "due_soon": due_soon, "draft": draft, "payment": payment}


def _customers(app):
    return app.extensions["fieldwork"].adapter("customers_api")


def _computed(app, account_id, customer, now=None) -> bytes:
    """The part as the service layer computes it right now, bypassing the store, in the bytes the route sends."""
    with app.app_context(), app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        document, _ = workspace_part(session, customer, _customers(app), limit=10, activity_limit=20,
                                     now=now or utcnow())
        return wire_json.dumps(WorkspacePart().dump(document))


def test_every_account_owned_table_and_the_directory_is_watched(database):
    assert unwatched_tables(database, "known_customers") == set()


def test_the_second_ask_is_one_statement_with_the_same_bytes(app, client, auth, rich_customer):
    assert_stored(app, lambda: ask_part(client, auth, rich_customer["id"]))


def _merge_in(w, rich):
    duplicate = w.new_customer("Duplicate")
    w.api.invoice(duplicate, lines=[{"description": "Moved over", "unit_price_cents": 4100}])
    merge = CustomerMerged(merge_id=uuid.uuid4(), duplicate_id=duplicate, target_id=rich["id"])
    assert w.deliver(w.app, arriving(merge, w.account_id))


def _merge_away(w, rich):
    merge = CustomerMerged(merge_id=uuid.uuid4(), duplicate_id=rich["id"], target_id=w.new_customer("Target"))
    assert w.deliver(w.app, arriving(merge, w.account_id))


def _unmerge(w, rich):
    merge = CustomerMerged(merge_id=uuid.uuid4(), duplicate_id=rich["id"], target_id=w.new_customer("Target"))
    assert w.deliver(w.app, arriving(merge, w.account_id))
    # stored while the customer's billing sits with the target: the part before the merge is back after the unmerge
    w.stored = w.ask(rich["id"])
    assert w.deliver(w.app, arriving(CustomerUnmerged(merge_id=merge.merge_id, duplicate_id=merge.duplicate_id,
                                                      target_id=merge.target_id), w.account_id))


# Each write of a kind the part shows, through billing's routes or its event handlers (one that asks the part
# itself on the way keeps the answer stored last in ``stored``).
WRITES = {
    "a new invoice": lambda w, rich: w.api.invoice(rich["id"]),
    "a draft's lines": lambda w, rich: w.api.call("patch", f"/invoices/{rich['draft']['id']}", json={
        "lines": [{"description": "Quote, revised", "unit_price_cents": 7700}]}),
    "a draft sent": lambda w, rich: w.api.call("post", f"/invoices/{rich['draft']['id']}/send"),
    "an invoice viewed": lambda w, rich: w.api.call("post", f"/invoices/{rich['overdue']['id']}/viewed"),
    "a void": lambda w, rich: w.api.call("post", f"/invoices/{rich['overdue']['id']}/void"),
    "a payment": lambda w, rich: w.api.pay(rich["id"], 1200),
    "a credit note": lambda w, rich: w.api.call("post", "/credit-notes", 201, json={
        "customer_id": str(rich["id"]), "amount_cents": 125, "reason": "Goodwill"}),
    "credit applied": lambda w, rich: w.api.call("post", f"/invoices/{rich['overdue']['id']}/apply-credit",
                                                 json={"amount_cents": 100}),
    "a refund": lambda w, rich: w.api.call("post", "/refunds", 201, json={
        "payment_id": rich["payment"]["id"], "amount_cents": 100}),
    "a merge into the customer": _merge_in,
    "a merge away from the customer": _merge_away,
    "an unmerge": _unmerge,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_a_write_makes_the_next_answer_the_freshly_computed_one(app, client, auth, api, deliver, account_id,
                                                                 new_customer, rich_customer, write):
    assert_a_write_recomputes(app, functools.partial(ask_part, client, auth), rich_customer, write,
                              lambda: _computed(app, account_id, rich_customer["id"]),
                              api=api, deliver=deliver, account_id=account_id, new_customer=new_customer)


def test_a_directory_change_recomputes_the_part(app, client, auth, deliver, account_id, rich_customer):
    assert_a_directory_change_recomputes(app, functools.partial(ask_part, client, auth), deliver, account_id,
                                         rich_customer["id"], lambda: _computed(app, account_id, rich_customer["id"]))


def test_a_write_about_another_customer_leaves_the_stored_part(app, client, auth, api, new_customer, rich_customer):
    ask_part(client, auth, rich_customer["id"])
    api.invoice(new_customer("Someone else"))
    with sent_statements(app) as sent:
        ask_part(client, auth, rich_customer["id"])
    assert len(sent) == 1


def _midnight_after(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=UTC)


def test_valid_until_is_when_the_next_open_invoice_falls_overdue(app, account_id, rich_customer):
    now = utcnow()
    with app.app_context(), app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        _, valid_until = workspace_part(session, rich_customer["id"], _customers(app), limit=10,
                                        activity_limit=20, now=now)
    assert valid_until == _midnight_after(dt.date.fromisoformat(rich_customer["due_soon"]["due_date"]))
    just_before = _computed(app, account_id, rich_customer["id"], now=valid_until - dt.timedelta(microseconds=1))
    assert just_before == _computed(app, account_id, rich_customer["id"], now=now)
    after = wire_json.loads(_computed(app, account_id, rich_customer["id"], now=valid_until))
    due_soon = next(i for i in after["invoices"]["items"] if i["id"] == rich_customer["due_soon"]["id"])
    assert due_soon["status"] == "overdue" and after["summary"]["oldest_overdue_due_date"] == "2020-01-31"
    assert after["summary"]["overdue_cents"] == 10000 + 20000 - 5000


def test_nothing_left_to_fall_overdue_leaves_the_part_to_writes_alone(app, api, account_id, customer):
    api.invoice(customer, issue_date="2020-01-01", due_date="2020-01-31")  # overdue already
    paid = api.invoice(customer)
    api.pay(customer, 10000, [(paid["id"], 10000)])
    api.invoice(customer, send=False)  # a draft never falls overdue
    with app.app_context(), app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        assert workspace_part(session, customer, _customers(app), limit=10, activity_limit=20,
                              now=utcnow())[1] is None


def test_the_route_recomputes_once_valid_until_passes_and_not_before(app, client, auth, account_id, rich_customer,
                                                                     monkeypatch):
    # The route reads the request's clock (request_context.now) once per request; moving it is moving time for it.
    clock = [utcnow()]
    monkeypatch.setattr(part_route, "now", lambda: clock[0])
    stored = ask_part(client, auth, rich_customer["id"])
    valid_until = _midnight_after(dt.date.fromisoformat(rich_customer["due_soon"]["due_date"]))
    clock[0] = valid_until - dt.timedelta(seconds=1)
    with sent_statements(app) as before:
        assert ask_part(client, auth, rich_customer["id"]).data == stored.data
    clock[0] = valid_until
    with sent_statements(app) as after:
        fresh = ask_part(client, auth, rich_customer["id"])
    assert len(before) == 1 and len(after) > 1
    assert fresh.data != stored.data and fresh.data == _computed(app, account_id, rich_customer["id"], now=valid_until)


def test_another_accounts_customer_is_404_and_nothing_is_stored(client, other_auth, auth, database, rich_customer):
    assert_404_and_nothing_stored(client, auth, other_auth, database, rich_customer["id"])
