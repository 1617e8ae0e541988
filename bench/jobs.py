"""Benchmark: a customer's jobs page and summary cost the same for 10 jobs and for 50,000, and so does
the service's whole workspace part (first pages of jobs, estimates and plans, recent activity, summary, timeline).

Makes its own scratch database, loads the large customer's jobs with one set-based INSERT (both customers
also get 10 estimates and a plan through the API), measures through the Flask test client, prints a table,
drops the database, and ends with one JSON line: {"small_p50_ms": …, "large_p50_ms": …, "large_over_small": …,
"part_small_p50_ms": …, "part_large_p50_ms": …, "part_large_over_small": …}.

    .venv/bin/python bench/jobs.py [--jobs 50000] [--rounds 300]
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
import uuid

# Imported first: it takes this folder off sys.path, where jobs.py would hide the jobs package.
from harness import JWT_SECRET, percentile, report, scratch_app
from sqlalchemy import text

from chassis.auth import mint_token
from fieldwork_contracts.checking import examples
from chassis.messaging.apply import apply_event
from jobs.bootstrap import SPEC

# Statuses spread like a long-standing customer's history: mostly completed, a few open.
LOAD_JOBS = text("""
INSERT INTO jobs (id, account_id, number, customer_id, property_address, title, service_type, status,
                  scheduled_start, scheduled_end, completed_at, technicians, line_items, total_cents, currency,
                  created_by, created_at, updated_at)
SELECT gen_random_uuid(), :account, 'J-' || (100000 + n), :customer, '4812 Ridgeview Dr, Austin TX',
       'Visit ' || n, 'Pest control',
       CASE WHEN n % 20 = 0 THEN 'scheduled' WHEN n % 20 = 1 THEN 'draft' WHEN n % 20 = 2 THEN 'cancelled'
            ELSE 'completed' END,
       now() - make_interval(hours => :count - n) + interval '30 days',
       now() - make_interval(hours => :count - n) + interval '30 days 1 hour',
       CASE WHEN n % 20 > 2 THEN now() - make_interval(hours => :count - n) END,
       '[]'::jsonb, '[{"description": "Visit", "quantity": 1, "unit_price_cents": 8900, "total_cents": 8900}]'::jsonb,
       8900, 'USD', 'bench', now() - make_interval(hours => :count - n), now()
FROM generate_series(1, :count) AS n
""")
TALLY = text("""
INSERT INTO customer_tallies (account_id, customer_id, open_jobs)
SELECT :account, :customer, count(*) FROM jobs WHERE customer_id = :customer AND status IN ('draft', 'scheduled', 'in_progress')
""")


def customer_created(account_id: uuid.UUID, customer_id: uuid.UUID) -> dict:
    envelope = next(e for _, e in examples() if e["type"] == "customer.created")
    envelope = json.loads(json.dumps(envelope))
    envelope.update(id=str(uuid.uuid4()), account_id=str(account_id))
    envelope["data"]["customer"]["id"] = str(customer_id)
    return envelope


# Both customers are asked for a full page of the same size: what may differ is only the history behind it.
PAGE = 10


def add_estimates_and_a_plan(client, headers, customer_id: uuid.UUID) -> None:
    """A full first page of estimates and a plan, so the workspace part has every section to show."""
    for i in range(PAGE):
        line_items = [{"description": "Unit", "quantity": 1, "unit_price_cents": 450000}]
        response = client.post("/estimates", json={"customer_id": str(customer_id), "title": f"Quote {i}",
                                                   "line_items": line_items}, headers=headers)
        assert response.status_code == 201, response.json
    response = client.post("/plans", json={"customer_id": str(customer_id), "name": "Quarterly pest control",
                                           "price_per_visit_cents": 8900, "status": "active",
                                           "rrule": "FREQ=MONTHLY;INTERVAL=3", "starts_at": "2099-01-06T14:00:00Z"},
                           headers=headers)
    assert response.status_code == 201, response.json


def measure(client, headers, customers: dict[str, uuid.UUID], rounds: int) -> dict[str, dict[str, list[float]]]:
    """Rounds alternate between the customers, so a busy machine slows both alike."""
    timings = {name: {"jobs page": [], "summary": [], "page + summary": [], "workspace part": []}
               for name in customers}
    for round_ in range(rounds + 20):
        for name, customer_id in customers.items():
            started = time.perf_counter()
            page = client.get(f"/customers/{customer_id}/jobs", query_string={"limit": PAGE}, headers=headers)
            middle = time.perf_counter()
            summary = client.get(f"/customers/{customer_id}/jobs/summary", headers=headers)
            finished = time.perf_counter()
            part = client.get(f"/customers/{customer_id}/workspace-part", query_string={"limit": PAGE},
                              headers=headers)
            part_done = time.perf_counter()
            assert page.status_code == 200 and len(page.json["items"]) == PAGE and summary.status_code == 200
            assert part.status_code == 200 and len(part.json["estimates"]["items"]) == PAGE
            if round_ >= 20:  # the first rounds warm caches and connections
                timings[name]["jobs page"].append((middle - started) * 1000)
                timings[name]["summary"].append((finished - middle) * 1000)
                timings[name]["page + summary"].append((finished - started) * 1000)
                timings[name]["workspace part"].append((part_done - finished) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()

    with scratch_app(SPEC) as app:
        runtime = app.extensions["fieldwork"]
        account = uuid.uuid4()
        small, large = uuid.uuid4(), uuid.uuid4()
        for customer in (small, large):  # the service hears of its customers through customer.created
            assert apply_event(runtime.database, SPEC.handlers, customer_created(account, customer))
        headers = {"Authorization": f"Bearer {mint_token(JWT_SECRET, sub='bench', account_id=account)}"}
        client = app.test_client()
        for i in range(10):
            client.post("/jobs", json={"customer_id": str(small), "title": f"Small job {i}"}, headers=headers)
        for customer in (small, large):
            add_estimates_and_a_plan(client, headers, customer)

        started = time.perf_counter()
        with runtime.database.engine.begin() as connection:
            connection.execute(LOAD_JOBS, {"account": account, "customer": large, "count": args.jobs})
            connection.execute(TALLY, {"account": account, "customer": large})
        with runtime.database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))
        print(f"loaded {args.jobs} jobs in {time.perf_counter() - started:.1f}s")

        results = measure(client, headers, {"small (10 jobs)": small, f"large ({args.jobs} jobs)": large},
                          args.rounds)
        print(f"{'customer':<22}{'request':<18}{'p50 ms':>9}{'p99 ms':>9}")
        for name, timings in results.items():
            for request, samples in timings.items():
                print(f"{name:<22}{request:<18}{statistics.median(samples):>9.2f}{percentile(samples, 0.99):>9.2f}")
        small_p50 = statistics.median(results["small (10 jobs)"]["page + summary"])
        large_p50 = statistics.median(results[f"large ({args.jobs} jobs)"]["page + summary"])
        part_small = statistics.median(results["small (10 jobs)"]["workspace part"])
        part_large = statistics.median(results[f"large ({args.jobs} jobs)"]["workspace part"])
    report({"small_p50_ms": round(small_p50, 3), "large_p50_ms": round(large_p50, 3),
            "large_over_small": round(large_p50 / small_p50, 3), "part_small_p50_ms": round(part_small, 3),
            "part_large_p50_ms": round(part_large, 3), "part_large_over_small": round(part_large / part_small, 3)})


if __name__ == "__main__":
    main()
