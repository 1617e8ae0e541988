"""Payments racing on one invoice through real connections never over-apply it."""
from __future__ import annotations

import threading


def test_concurrent_payments_never_over_apply(app, api, auth, customer):
    invoice = api.invoice(customer)  # owes 10000
    barrier = threading.Barrier(8)
    statuses = []

    def pay():
        client = app.test_client()
        barrier.wait()
        response = client.post("/payments", headers=auth, json={
            "customer_id": str(customer), "amount_cents": 3000, "method": "card",
            "allocations": [{"invoice_id": invoice["id"], "amount_cents": 3000}]})
        statuses.append(response.status_code)

    threads = [threading.Thread(target=pay) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [201] * 3 + [409] * 5
    after = api.call("get", f"/invoices/{invoice['id']}")
    assert (after["paid_cents"], after["balance_cents"], after["status"]) == (9000, 1000, "partial")
    summary = api.summary(customer)
    assert (summary["total_paid_cents"], summary["lifetime_value_cents"],
            summary["balance_cents"]) == (9000, 9000, 1000)
