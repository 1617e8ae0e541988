"""Benchmark: a customer's billing summary and first invoice page cost the same for 5 invoices and 50,000.

Makes its own scratch database, bulk-loads the large customer's invoices with one set-based INSERT
(most paid, one in fifty still open and a third of those overdue), measures through the Flask test
client, then billing's share of the workspace asked the old way (three calls: invoices?limit=10,
billing-summary, activity?limit=20) and as one workspace-part, times a 200-line AR statement PDF,
prints tables, drops the database, and ends with one JSON line: {"small_p50_ms": …, "large_p50_ms": …,
"large_over_small": …, "three_calls_p50_ms": …, "part_p50_ms": …, "statement_pdf_ms": …} (the workspace
figures are the large customer's).

    .venv/bin/python bench/billing.py [--invoices 50000] [--rounds 300]
"""
from __future__ import annotations

import argparse
import statistics
import time
import uuid

# Imported first: it takes this folder off sys.path, where billing.py would hide the billing package.
from harness import JWT_SECRET, percentile, report, scratch_app
from sqlalchemy import text

from billing.bootstrap import SPEC
from billing.service_layer.recount import recount
from billing.adapters.orm import CustomerSummary
from billing.domain.summary import FIELD_NAMES
from chassis.auth import mint_token

# One in fifty open (a third of those past due); the rest paid in full.
LOAD_INVOICES = text("""
INSERT INTO invoices (id, account_id, number, customer_id, status, issue_date, due_date, currency, subtotal_cents,
                      tax_cents, total_cents, paid_cents, credited_cents, balance_cents, created_at, sent_at)
SELECT gen_random_uuid(), :account, :prefix || n, :customer,
       CASE WHEN n % :open_every = 0 THEN 'sent' ELSE 'paid' END,
       current_date - (:count - n) / 20, current_date - (:count - n) / 20 + CASE WHEN n % 3 = 0 THEN -40 ELSE 30 END,
       'USD', 10000, 825, 10825,
       CASE WHEN n % :open_every = 0 THEN 0 ELSE 10825 END, 0,
       CASE WHEN n % :open_every = 0 THEN 10825 ELSE 0 END,
       now() - make_interval(mins => :count - n), now() - make_interval(mins => :count - n)
FROM generate_series(1, :count) AS n
""")
KNOW_CUSTOMER = text("INSERT INTO known_customers (id, account_id, number, display_name) VALUES (:c, :a, :n, :name)")


def load(app, account, customer, count: int, prefix: str, open_every: int) -> None:
    database = app.extensions["fieldwork"].database
    with database.transaction(account_id=account) as session:
        session.execute(KNOW_CUSTOMER, {"c": customer, "a": account, "n": f"C-{prefix[:-1]}", "name": f"{prefix} Ltd"})
        session.execute(LOAD_INVOICES, {"account": account, "customer": customer, "count": count,
                                        "prefix": prefix, "open_every": open_every})
        totals = recount(session, customer)  # the bulk load skips the use cases, so count the summary once
        session.add(CustomerSummary(customer_id=customer, currency="USD", ledger_position=0,
                                    **{name: getattr(totals, name) for name in FIELD_NAMES}))
    with database.engine.connect() as connection:
        connection.execute(text("ANALYZE invoices"))
        connection.commit()


def measure(client, headers, customers: dict, rounds: int) -> dict[str, dict[str, list[float]]]:
    """Rounds alternate between the customers, so drift on the machine hits both alike."""
    results = {label: {"summary": [], "page": [], "both": []} for label in customers}
    for _ in range(rounds):
        for label, customer in customers.items():
            _one_round(client, headers, customer, results[label])
    return results


def _one_round(client, headers, customer, samples: dict[str, list[float]]) -> None:
    start = time.perf_counter()
    assert client.get(f"/customers/{customer}/billing-summary", headers=headers).status_code == 200
    middle = time.perf_counter()
    assert client.get(f"/customers/{customer}/invoices?limit=25", headers=headers).status_code == 200
    end = time.perf_counter()
    samples["summary"].append((middle - start) * 1000)
    samples["page"].append((end - middle) * 1000)
    samples["both"].append((end - start) * 1000)


def workspace_share(client, headers, customers: dict, rounds: int) -> dict[str, dict[str, list[float]]]:
    """Billing's share of one workspace: the gateway's three calls in a row vs the one workspace-part call."""
    ways = {"three calls": ("invoices?limit=10", "billing-summary", "activity?limit=20"), "part": ("workspace-part",)}
    results = {label: {way: [] for way in ways} for label in customers}
    for round_ in range(20 + rounds):  # the first rounds warm connections and caches
        for label, customer in customers.items():
            for way, paths in ways.items():
                start = time.perf_counter()
                for path in paths:
                    assert client.get(f"/customers/{customer}/{path}", headers=headers).status_code == 200
                if round_ >= 20:
                    results[label][way].append((time.perf_counter() - start) * 1000)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invoices", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()

    with scratch_app(SPEC) as app:
        account = uuid.uuid4()
        small, large, statement = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        load(app, account, small, 5, "INV-1", open_every=2)
        load(app, account, large, args.invoices, "INV-2", open_every=50)
        load(app, account, statement, 200, "INV-3", open_every=1)  # 200 open invoices: a 200-line statement
        headers = {"Authorization": f"Bearer {mint_token(JWT_SECRET, sub='bench', account_id=account)}"}
        client = app.test_client()
        measure(client, headers, {"small": small, "large": large}, 20)  # warm up connections and caches
        results = measure(client, headers, {"small": small, "large": large}, args.rounds)
        share = workspace_share(client, headers, {"small": small, "large": large}, args.rounds)
        pdf_times = []
        for _ in range(10):
            start = time.perf_counter()
            response = client.get(f"/customers/{statement}/statement.pdf", headers=headers)
            assert response.status_code == 200 and response.data.startswith(b"%PDF")
            pdf_times.append((time.perf_counter() - start) * 1000)

    print(f"{'customer':<10}{'invoices':>10}{'what':>10}{'p50 ms':>10}{'p99 ms':>10}")
    for label, count in (("small", 5), ("large", args.invoices)):
        for what in ("summary", "page", "both"):
            samples = results[label][what]
            print(f"{label:<10}{count:>10}{what:>10}{percentile(samples, .5):>10.2f}{percentile(samples, .99):>10.2f}")
    print(f"{'customer':<10}{'workspace share':>18}{'p50 ms':>10}{'p99 ms':>10}")
    for label, ways in share.items():
        for way, samples in ways.items():
            print(f"{label:<10}{way:>18}{percentile(samples, .5):>10.2f}{percentile(samples, .99):>10.2f}")
    statement_ms = statistics.median(pdf_times)
    print(f"statement PDF, 200 open invoices: median {statement_ms:.1f} ms over {len(pdf_times)} renders")
    small_p50 = percentile(results["small"]["both"], .5)
    large_p50 = percentile(results["large"]["both"], .5)
    report({"small_p50_ms": round(small_p50, 2), "large_p50_ms": round(large_p50, 2),
            "large_over_small": round(large_p50 / small_p50, 2),
            "three_calls_p50_ms": round(percentile(share["large"]["three calls"], .5), 2),
            "part_p50_ms": round(percentile(share["large"]["part"], .5), 2), "statement_pdf_ms": round(statement_ms, 1)})


if __name__ == "__main__":
    main()
