"""Random sequences of invoices, payments, credits, refunds and voids keep the books reconciled."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billing.adapters.orm import CustomerSummary, LedgerEntry
from billing.domain.summary import FIELD_NAMES
from billing.service_layer.recount import recount
from sqlalchemy import func, select

steps = st.lists(st.tuples(st.sampled_from(["invoice", "draft", "pay", "pay_auto", "credit", "apply_credit",
                                            "refund", "move_to_credit", "void"]),
                           st.integers(min_value=1, max_value=30000), st.integers(min_value=0, max_value=10)),
                 min_size=1, max_size=14)


def _pick(items, index):
    return items[index % len(items)] if items else None


def _run(api, client, auth, customer, sequence):
    invoices, payments = [], []
    for action, amount, index in sequence:
        if action in ("invoice", "draft"):
            invoice = api.invoice(customer, send=action == "invoice",
                                  lines=[{"description": "work", "unit_price_cents": amount, "tax_rate": "7.5"}])
            invoices.append(invoice["id"])
        elif action in ("pay", "pay_auto"):
            target = _pick(invoices, index)
            body = {"customer_id": str(customer), "amount_cents": amount, "method": "cash"}
            if action == "pay" and target:
                owed = client.get(f"/invoices/{target}", headers=auth).get_json()["balance_cents"]
                body["allocations"] = [{"invoice_id": target, "amount_cents": min(owed, amount)}] if owed else []
            response = client.post("/payments", json=body, headers=auth)
            assert response.status_code in (201, 409), response.get_json()
            if response.status_code == 201:
                payments.append(response.get_json()["id"])
        elif action == "credit":
            response = client.post("/credit-notes", json={"customer_id": str(customer), "amount_cents": amount,
                                                           "reason": "goodwill"}, headers=auth)
            assert response.status_code == 201
        elif action == "apply_credit" and invoices:
            response = client.post(f"/invoices/{_pick(invoices, index)}/apply-credit", json={}, headers=auth)
            assert response.status_code in (200, 409)
        elif action in ("refund", "move_to_credit") and payments:
            payment = _pick(payments, index)
            body = {"payment_id": payment, "amount_cents": max(1, amount // 10)}
            if action == "move_to_credit" or index % 2:
                body["invoice_id"] = _pick(invoices, index)
            if action == "move_to_credit":
                body["destination"] = "account_credit"
            response = client.post("/refunds", json=body, headers=auth)
            assert response.status_code in (201, 422), response.get_json()
        elif action == "void" and invoices:
            response = client.post(f"/invoices/{_pick(invoices, index)}/void", headers=auth)
            assert response.status_code in (200, 409)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=steps)
def test_summary_equals_records_and_ledger(app, client, auth, new_customer, account_id, sequence):
    customer = new_customer()

    class Api:
        def invoice(self, customer_id, lines, send):
            body = {"customer_id": str(customer_id), "lines": lines}
            invoice = client.post("/invoices", json=body, headers=auth).get_json()
            if send:
                assert client.post(f"/invoices/{invoice['id']}/send", headers=auth).status_code == 200
            return invoice

    _run(Api(), client, auth, customer, sequence)
    summary = client.get(f"/customers/{customer}/billing-summary", headers=auth).get_json()
    with app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        row = session.get(CustomerSummary, customer)
        if row is None:
            assert summary["balance_cents"] == summary["credit_cents"] == 0
            return
        counted = recount(session, customer)
        assert {name: getattr(row, name) for name in FIELD_NAMES} == counted.as_dict()
        net = func.coalesce(func.sum(LedgerEntry.debit_cents - LedgerEntry.credit_cents), 0)
        ledger_sum = session.execute(select(net).where(LedgerEntry.customer_id == customer)).scalar_one()
        newest = session.scalars(select(LedgerEntry.running_balance_cents).where(LedgerEntry.customer_id == customer)
                                 .order_by(LedgerEntry.position.desc()).limit(1)).first() or 0
    assert ledger_sum == newest == summary["balance_cents"] - summary["credit_cents"]
    # lifetime revenue is billed less credit notes and refunds, so goodwill credit before any billing takes it below 0
    never_negative = [key for key in summary if key.endswith("_cents") and key != "lifetime_revenue_cents"]
    assert all(summary[key] >= 0 for key in never_negative)
    assert summary["lifetime_revenue_cents"] <= summary["total_billed_cents"]
