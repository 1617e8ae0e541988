"""Benchmark: a customer's first communications page costs the same with 20 items behind it and with 100,000.

Makes its own scratch database, tells comms about two customers through customer.created, bulk-loads
the large customer's history with one set-based INSERT (calls, texts and emails over years), measures
the first feed page (and the first page filtered to texts) through the Flask test client, then comms'
share of the workspace asked the old way (communications?limit=10 and activity?limit=20) and as one
workspace-part, prints tables, drops the database, and ends with one JSON line:
{"small_p50_ms": …, "large_p50_ms": …, "large_over_small": …, "two_calls_p50_ms": …, "part_p50_ms": …}
(the workspace figures are the large customer's).

    .venv/bin/python bench/comms.py [--communications 100000] [--rounds 300]
"""
from __future__ import annotations

import argparse
import copy
import statistics
import time
import uuid

# Imported first: it takes this folder off sys.path, where comms.py would hide the comms package.
from harness import JWT_SECRET, report, scratch_app
from sqlalchemy import text

from chassis.auth import mint_token
from fieldwork_contracts.checking import examples
from chassis.messaging.apply import apply_event
from comms.bootstrap import SPEC

PAGE = 20
WARM_UP = 20

# A history like a long-standing customer's: mostly texts, then calls, then emails, one every 20 minutes.
LOAD_HISTORY = text("""
INSERT INTO communications (id, account_id, customer_id, channel, direction, handled_by_kind, from_address,
                            to_address, subject, body, duration_seconds, status, occurred_at, created_at)
SELECT gen_random_uuid(), :account, :customer,
       (ARRAY['sms', 'sms', 'call', 'email'])[n % 4 + 1],
       CASE WHEN n % 2 = 0 THEN 'inbound' ELSE 'outbound' END,
       CASE WHEN n % 7 = 0 THEN 'ai' ELSE 'staff' END,
       '+15125550142', '+15125550100',
       CASE WHEN n % 4 = 3 THEN 'About visit ' || n END,
       'Message number ' || n || ' about the upcoming visit and the invoice.',
       CASE WHEN n % 4 = 2 THEN 60 + n % 600 END,
       CASE WHEN n % 4 = 2 THEN 'completed' WHEN n % 2 = 0 THEN 'received' ELSE 'sent' END,
       now() - make_interval(mins => 20 * (:count - n)), now()
FROM generate_series(1, :count) AS n
""")


def customer_created(account_id: uuid.UUID, customer_id: uuid.UUID, phone: str) -> dict:
    envelope = copy.deepcopy(next(e for _, e in examples() if e["type"] == "customer.created"))
    envelope.update(id=str(uuid.uuid4()), account_id=str(account_id))
    envelope["data"]["customer"].update(id=str(customer_id), phones=[phone])
    return envelope


def timed_pages(client, headers, customers: dict[str, uuid.UUID], rounds: int, **query) -> dict[str, list[float]]:
    """Asks for each customer's first page in turn, round after round, so load on the machine hits all alike."""
    samples: dict[str, list[float]] = {name: [] for name in customers}
    for round_ in range(WARM_UP + rounds):
        for name, customer_id in customers.items():
            started = time.perf_counter()
            response = client.get(f"/customers/{customer_id}/communications", query_string=query, headers=headers)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200 and len(response.json["items"]) == query["limit"], response.json
            if round_ >= WARM_UP:  # the first rounds warm connections and caches
                samples[name].append(elapsed)
    return samples


def workspace_share(client, headers, customers: dict[str, uuid.UUID], rounds: int) -> dict[str, dict[str, list]]:
    """comms' share of one workspace: the gateway's two calls in a row vs the one workspace-part call."""
    ways = {"two calls": ("communications?limit=10", "activity?limit=20"), "part": ("workspace-part",)}
    samples = {name: {way: [] for way in ways} for name in customers}
    for round_ in range(WARM_UP + rounds):
        for name, customer_id in customers.items():
            for way, paths in ways.items():
                started = time.perf_counter()
                for path in paths:
                    assert client.get(f"/customers/{customer_id}/{path}", headers=headers).status_code == 200
                if round_ >= WARM_UP:
                    samples[name][way].append((time.perf_counter() - started) * 1000)
    return samples


def p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98]


def run(args) -> dict[str, float]:
    with scratch_app(SPEC) as app:
        runtime = app.extensions["fieldwork"]
        account, small, large = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        for customer, phone in ((small, "+15125550101"), (large, "+15125550142")):
            assert apply_event(runtime.database, SPEC.handlers, customer_created(account, customer, phone),
                               runtime.adapters)
        headers = {"Authorization": f"Bearer {mint_token(JWT_SECRET, sub='bench', account_id=account)}"}
        client = app.test_client()
        started = time.perf_counter()
        with runtime.database.engine.begin() as connection:
            connection.execute(LOAD_HISTORY, {"account": account, "customer": small, "count": 20})
            connection.execute(LOAD_HISTORY, {"account": account, "customer": large, "count": args.communications})
        with runtime.database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))
        print(f"loaded {args.communications + 20} communications in {time.perf_counter() - started:.1f}s")

        customers = {"small (20)": small, f"large ({args.communications})": large}
        # Full pages of the same size for both: the small customer has 20 items, 10 of them texts.
        first = timed_pages(client, headers, customers, args.rounds, limit=PAGE)
        texts = timed_pages(client, headers, customers, args.rounds, limit=PAGE // 2, channel="sms")
        print(f"{'customer':<18}{'request':<14}{'p50 ms':>9}{'p99 ms':>9}")
        for request, timings in (("first page", first), ("texts only", texts)):
            for customer, samples in timings.items():
                print(f"{customer:<18}{request:<14}{statistics.median(samples):>9.2f}{p99(samples):>9.2f}")
        share = workspace_share(client, headers, customers, args.rounds)
        print(f"{'customer':<18}{'workspace share':<16}{'p50 ms':>9}{'p99 ms':>9}")
        for customer, ways in share.items():
            for way, samples in ways.items():
                print(f"{customer:<18}{way:<16}{statistics.median(samples):>9.2f}{p99(samples):>9.2f}")
        small_samples, large_samples = first.values()
        small, large = statistics.median(small_samples), statistics.median(large_samples)
        large_share = share[f"large ({args.communications})"]
        return {"small_p50_ms": small, "large_p50_ms": large, "large_over_small": large / small,
                "two_calls_p50_ms": statistics.median(large_share["two calls"]),
                "part_p50_ms": statistics.median(large_share["part"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communications", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    report({key: round(value, 3) for key, value in run(args).items()})


if __name__ == "__main__":
    main()
