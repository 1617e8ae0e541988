"""customer.merged moves the duplicate's billing to the target once; customer.unmerged moves exactly it back."""
from __future__ import annotations

import copy
import uuid

from fieldwork_contracts.checking import examples


def _envelope(event_type, account_id, merge_id, duplicate, target):
    envelope = copy.deepcopy(next(e for p, e in examples() if e["type"] == event_type))
    envelope.update(id=str(uuid.uuid4()), account_id=str(account_id))
    envelope["data"].update(merge_id=str(merge_id), duplicate_id=str(duplicate), target_id=str(target))
    return envelope


def test_merge_moves_everything_once_and_unmerge_moves_it_back(api, app, deliver, emitted, account_id, new_customer):
    target, duplicate = new_customer("Target"), new_customer("Duplicate")
    kept = api.invoice(target)
    moved = api.invoice(duplicate)
    api.pay(duplicate, 15000, [(moved["id"], 10000)])  # 5000 credit on the duplicate
    before_target, before_duplicate = api.summary(target), api.summary(duplicate)

    merge_id = uuid.uuid4()
    merged = _envelope("customer.merged", account_id, merge_id, duplicate, target)
    assert deliver(app, merged)
    assert not deliver(app, merged)  # exact redelivery skipped by the inbox
    assert deliver(app, {**merged, "id": str(uuid.uuid4())})  # same merge, new event id: moves nothing twice

    summary = api.summary(target)
    assert (summary["total_billed_cents"], summary["total_paid_cents"], summary["balance_cents"],
            summary["credit_cents"], summary["lifetime_value_cents"]) == (20000, 10000, 10000, 5000, 15000)
    assert api.summary(duplicate)["total_billed_cents"] == 0
    invoices = api.call("get", f"/customers/{target}/invoices")["items"]
    assert {i["id"] for i in invoices} == {kept["id"], moved["id"]}
    ledger = api.call("get", f"/customers/{target}/ledger")["items"]
    assert [e["running_balance_cents"] for e in ledger][0] == 10000 - 5000 and len(ledger) == 3
    assert api.call("get", f"/customers/{duplicate}/ledger")["items"] == []

    later = api.invoice(target)  # made after the merge: stays with the target
    unmerged = _envelope("customer.unmerged", account_id, merge_id, duplicate, target)
    assert deliver(app, unmerged)
    assert deliver(app, {**unmerged, "id": str(uuid.uuid4())})  # the undo again moves nothing more back
    assert deliver(app, {**merged, "id": str(uuid.uuid4())})  # nor does the merge arriving again after its undo
    after_duplicate, after_target = api.summary(duplicate), api.summary(target)
    for key in ("total_billed_cents", "total_paid_cents", "balance_cents", "credit_cents", "lifetime_value_cents"):
        assert after_duplicate[key] == before_duplicate[key], key
        assert after_target[key] == before_target[key] + (10000 if key in ("total_billed_cents", "balance_cents")
                                                          else 0), key
    assert {i["id"] for i in api.call("get", f"/customers/{target}/invoices")["items"]} == {kept["id"], later["id"]}
    assert len(emitted(app, account_id, "balance.changed")) > 0


def test_an_undo_that_overtakes_its_merge_leaves_everything_in_place(api, app, deliver, account_id, new_customer):
    target, duplicate = new_customer("Target"), new_customer("Duplicate")
    kept, theirs = api.invoice(target), api.invoice(duplicate)
    api.pay(duplicate, 4000, [(theirs["id"], 4000)])
    before_target, before_duplicate = api.summary(target), api.summary(duplicate)
    ledger = api.call("get", f"/customers/{duplicate}/ledger")["items"]

    merge_id = uuid.uuid4()
    unmerged = _envelope("customer.unmerged", account_id, merge_id, duplicate, target)
    assert deliver(app, unmerged)
    assert deliver(app, _envelope("customer.merged", account_id, merge_id, duplicate, target))  # late: moves nothing
    assert deliver(app, {**unmerged, "id": str(uuid.uuid4())})
    assert {i["id"] for i in api.call("get", f"/customers/{target}/invoices")["items"]} == {kept["id"]}
    assert {i["id"] for i in api.call("get", f"/customers/{duplicate}/invoices")["items"]} == {theirs["id"]}
    assert api.call("get", f"/customers/{duplicate}/ledger")["items"] == ledger
    for key in ("total_billed_cents", "total_paid_cents", "balance_cents", "credit_cents", "lifetime_value_cents"):
        assert api.summary(target)[key] == before_target[key], key
        assert api.summary(duplicate)[key] == before_duplicate[key], key
