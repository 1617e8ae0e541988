"""Search speed at 100,000 customers: name, phone and email queries through the service's own search code.

Loads a scratch database (migrated like the service's, filled with COPY), runs each kind of query
many times as the API does (ranked page of 25 with contacts, properties and tags loaded), prints
a table and ends with one JSON line. The scratch database is dropped at the end, whatever happens.
"""
from __future__ import annotations

import io
import os
import random
import sys
import time
import uuid
from pathlib import Path

import psycopg
from scratch import percentile, report, scratch_database
from sqlalchemy.engine import make_url

CUSTOMERS = int(os.environ.get("BENCH_CUSTOMERS", "100000"))
QUERIES = int(os.environ.get("BENCH_QUERIES", "200"))

FIRST = ("James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph "
         "Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Sandra Mark Ashley "
         "Donald Kimberly Steven Emily Paul Donna Andrew Michelle Joshua Carol Kenneth Amanda Kevin Melissa Brian "
         "Deborah George Stephanie Timothy Rebecca Ronald Sharon Jason Laura Edward Cynthia Jeffrey Dorothy Ryan Amy "
         "Jacob Kathleen Gary Angela Nicholas Shirley Eric Emma Jonathan Brenda Stephen Pamela Larry Nicole Justin "
         "Anna Scott Samantha Brandon Katherine Benjamin Christine Samuel Debra Gregory Rachel Dana Carolyn").split()
LAST = ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson "
        "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis "
        "Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera "
        "Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart "
        "Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim "
        "Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo "
        "Sanders Patel Myers Long Ross Foster Jimenez Whitfield Okafor Lindqvist Abernathy Castellanos").split()
DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "comcast.net")
TRADES = ("Dental", "Bakery", "Auto Repair", "Realty", "Fitness", "Law Group", "Cafe", "Veterinary Clinic")


def generate(account_id: uuid.UUID, rng: random.Random):
    customers, contacts, emails, phones = io.StringIO(), io.StringIO(), io.StringIO(), io.StringIO()
    sample = []
    for n in range(CUSTOMERS):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        commercial = rng.random() < 0.1
        company = f"{last} {rng.choice(TRADES)}" if commercial else "\\N"
        customer_id, contact_id = uuid.uuid4(), uuid.uuid4()
        email = f"{first}.{last}{n}@{rng.choice(DOMAINS)}".lower()
        digits = f"{rng.randint(201, 989)}{rng.randint(200, 999)}{n % 10000:04d}"
        customers.write(f"{customer_id}\t{account_id}\tC-{1001 + n}\t{first} {last}\t{company}\t"
                        f"{'commercial' if commercial else 'residential'}\tlead\tf\tbench\t1\n")
        contacts.write(f"{contact_id}\t{account_id}\t{customer_id}\t{first} {last}\tt\n")
        emails.write(f"{uuid.uuid4()}\t{account_id}\t{contact_id}\t0\t{email}\n")
        phones.write(f"{uuid.uuid4()}\t{account_id}\t{contact_id}\t0\t({digits[:3]}) {digits[3:6]}-{digits[6:]}\t"
                     f"+1{digits}\n")
        if n % (CUSTOMERS // 1000 or 1) == 0:
            sample.append({"first": first, "last": last, "email": email, "digits": digits})
    return customers, contacts, emails, phones, sample


def load(url: str, account_id: uuid.UUID, rng: random.Random) -> list[dict]:
    customers, contacts, emails, phones, sample = generate(account_id, rng)
    plain = make_url(url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(plain) as connection, connection.cursor() as cursor:
        copies = [
            ("customers (id, account_id, number, display_name, company, kind, status, do_not_service, created_by, "
             "revision)", customers),
            ("contacts (id, account_id, customer_id, name, is_primary)", contacts),
            ("contact_emails (id, account_id, contact_id, position, address)", emails),
            ("contact_phones (id, account_id, contact_id, position, entered, e164)", phones),
        ]
        for target, buffer in copies:
            with cursor.copy(f"COPY {target} FROM STDIN") as copy:
                copy.write(buffer.getvalue())
        connection.commit()
        connection.autocommit = True
        cursor.execute("VACUUM ANALYZE")
    return sample


def queries(sample: list[dict], rng: random.Random) -> dict[str, list[str]]:
    picks = [rng.choice(sample) for _ in range(QUERIES)]
    name_forms = (lambda p: f"{p['first']} {p['last']}", lambda p: p["last"][:5], lambda p: f"{p['first'][:3]} {p['last']}")
    phone_forms = (lambda d: f"({d[:3]}) {d[3:6]}-{d[6:]}", lambda d: d, lambda d: f"+1 {d[:3]} {d[3:6]} {d[6:]}")
    return {
        "name": [rng.choice(name_forms)(p) for p in picks],
        "phone": [rng.choice(phone_forms)(p["digits"]) for p in picks],
        "email": [p["email"].upper() if i % 2 else p["email"] for i, p in enumerate(picks)],
    }


def measure(database, account_id: uuid.UUID, kind_queries: list[str]) -> tuple[list[float], int]:
    from customers.adapters.queries import search_customers
    from customers.adapters.search import Filters

    timings, found = [], 0
    warm_up = kind_queries[:10]  # the first ten warm the caches and are measured again
    for i, query in enumerate(warm_up + kind_queries):
        started = time.perf_counter()
        with database.transaction(account_id=account_id) as session:
            page = search_customers(session, query, Filters(), limit=25, cursor=None)
        if i >= len(warm_up):
            timings.append((time.perf_counter() - started) * 1000)
            found += bool(page.items)
    return timings, found


def main() -> int:
    from chassis.db import Database
    from chassis.migrations import upgrade
    from customers.bootstrap import SPEC

    rng = random.Random(7)
    account_id = uuid.uuid4()
    with scratch_database("search") as url:
        started = time.perf_counter()
        upgrade(url, Path(SPEC.migrations))
        sample = load(url, account_id, rng)
        print(f"loaded {CUSTOMERS} customers in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        database = Database(url, service="customers")
        try:
            results = {}
            print(f"{'query':<8}{'runs':>6}{'hits':>6}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}")
            for kind, kind_queries in queries(sample, rng).items():
                timings, hits = measure(database, account_id, kind_queries)
                results[kind] = (percentile(timings, .50), percentile(timings, .99))
                print(f"{kind:<8}{len(timings):>6}{hits:>6}{results[kind][0]:>10.2f}{results[kind][1]:>10.2f}"
                      f"{max(timings):>10.2f}")
            report({"customers": CUSTOMERS, **{f"{k}_{p}_ms": round(v[i], 2) for k, v in results.items()
                                               for i, p in enumerate(("p50", "p99"))}})
        finally:
            database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
