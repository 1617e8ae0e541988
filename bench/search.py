"""Search speed for one big account, alone and inside the whole platform's table, through the service's own search.

Loads a scratch database (migrated like the service's, filled with COPY, indexes built after the load), runs each
kind of query many times as the API does (ranked page of 25 with contacts, properties and tags loaded) in the big
account, prints a table (the run's first search, cold, apart; then each kind's p50/p99 over warm queries), then
adds the other accounts' customers and measures again; ends with one JSON line. The scratch database is dropped at
the end, whatever happens.

    BENCH_CUSTOMERS   customers of the measured account (100000)
    BENCH_PLATFORM    rows of the whole table, the big account included (1000000; 0 skips the platform run)
    BENCH_ACCOUNTS    accounts sharing the table (100)
    BENCH_QUERIES     runs of each kind of query (200)

``--database NAME`` keeps the loaded database under that name and, run again with the same name, measures it
without loading again (the 1,000,000-row table takes minutes to fill): what it holds is written into it (table
``bench_search``). The database is migrated to the service's head first, so a new index revision applies to the
loaded rows. ``--drop`` drops a kept database and ends.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import sys
import time
import uuid
from pathlib import Path

import psycopg
from harness import POSTGRES_URL, percentile, report, scratch_database
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

CUSTOMERS = int(os.environ.get("BENCH_CUSTOMERS", "100000"))
PLATFORM = int(os.environ.get("BENCH_PLATFORM", "1000000"))
ACCOUNTS = int(os.environ.get("BENCH_ACCOUNTS", "100"))
QUERIES = int(os.environ.get("BENCH_QUERIES", "200"))
TYPED = 20  # letters of a name typed one by one

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
STREETS = ("Cedar Oak Maple Pine Elm Willow Birch Walnut Chestnut Spruce Hickory Magnolia Dogwood Sycamore Aspen "
           "Ridgeview Lakeshore Meadow Highland Sunset Riverside Park Hillcrest Forest Valley Spring Church Mill "
           "Washington Lincoln Jefferson Madison Franklin Jackson Adams Center Main Broad High Market").split()
SUFFIXES = ("St", "Ave", "Rd", "Dr", "Ln", "Ct", "Blvd", "Way", "Pl", "Ter")
CITIES = ("Columbus Cleveland Cincinnati Toledo Akron Dayton Parma Canton Youngstown Lorain Hamilton Springfield "
          "Kettering Elyria Lakewood Cuyahoga Middletown Euclid Newark Mansfield Mentor Beavercreek Strongsville "
          "Dublin Fairfield Findlay Warren Lancaster Lima Huber Westerville Marion Grove Delaware Stow Brunswick Upper "
          "Gahanna Westlake").split()
COPIED = {
    "customers": "id, account_id, number, display_name, company, kind, status, do_not_service, created_by, revision",
    "contacts": "id, account_id, customer_id, name, is_primary",
    "contact_emails": "id, account_id, contact_id, position, address",
    "contact_phones": "id, account_id, contact_id, position, entered, e164",
    "properties": "id, account_id, customer_id, is_primary, kind, line1, city, region, postal_code, country, "
                  "geocode_status",
}


def generate(account_id: uuid.UUID, count: int, rng: random.Random, sample: list[dict] | None):
    """One account's customers as COPY text per table; ``sample`` collects the people the queries look for."""
    out = {table: io.StringIO() for table in COPIED}
    for n in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        commercial = rng.random() < 0.1
        company = f"{last} {rng.choice(TRADES)}" if commercial else "\\N"
        customer_id, contact_id = uuid.uuid4(), uuid.uuid4()
        email = f"{first}.{last}{n}@{rng.choice(DOMAINS)}".lower()
        digits = f"{rng.randint(201, 989)}{rng.randint(200, 999)}{n % 10000:04d}"
        street = f"{rng.randint(1, 9999)} {rng.choice(STREETS)} {rng.choice(SUFFIXES)}"
        city = rng.choice(CITIES)
        out["customers"].write(f"{customer_id}\t{account_id}\tC-{1001 + n}\t{first} {last}\t{company}\t"
                               f"{'commercial' if commercial else 'residential'}\tlead\tf\tbench\t1\n")
        out["contacts"].write(f"{contact_id}\t{account_id}\t{customer_id}\t{first} {last}\tt\n")
        out["contact_emails"].write(f"{uuid.uuid4()}\t{account_id}\t{contact_id}\t0\t{email}\n")
        out["contact_phones"].write(f"{uuid.uuid4()}\t{account_id}\t{contact_id}\t0\t"
                                    f"({digits[:3]}) {digits[3:6]}-{digits[6:]}\t+1{digits}\n")
        out["properties"].write(f"{uuid.uuid4()}\t{account_id}\t{customer_id}\tt\tresidential\t{street}\t{city}\tOH\t"
                                f"{rng.randint(43001, 45999)}\tUS\tnot_geocoded\n")
        if sample is not None and n % (count // 1000 or 1) == 0:
            sample.append({"first": first, "last": last, "email": email, "digits": digits, "n": n,
                           "street": street, "city": city})
    return out


def load(url: str, accounts: list[tuple[uuid.UUID, int]], rng: random.Random, sample: list[dict] | None) -> float:
    """COPY the accounts' customers in with the tables' indexes dropped, then build them again (far quicker than
    keeping them up row by row). Triggers (the part store's, the search words', foreign keys) are off for the load:
    the rows are made consistent here."""
    started = time.perf_counter()
    plain = make_url(url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(plain, autocommit=True) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = 'public' "
                       "AND tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
                       "WHERE k.conindid = (quote_ident(i.indexname))::regclass)",
                       ([*COPIED, "search_words", "search_vocabulary"],))
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("SET session_replication_role = replica")
        for account_id, count in accounts:
            tables = generate(account_id, count, rng, sample if account_id == accounts[0][0] else None)
            with connection.transaction():
                for table, buffer in tables.items():
                    with cursor.copy(f"COPY {table} ({COPIED[table]}) FROM STDIN") as copy:
                        copy.write(buffer.getvalue())
        # The load ran without triggers: the words search reads in order, and the account's distinct words, are
        # filled the way revisions 0006 and 0008 did.
        cursor.execute("SELECT search_words_fill()")
        cursor.execute("SELECT search_vocabulary_fill()")
        cursor.execute("SET maintenance_work_mem = '256MB'")
        for _, definition in indexes:
            cursor.execute(definition)
        cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def one_typo(word: str, rng: random.Random) -> str:
    at = rng.randrange(1, len(word) - 1)
    return word[:at] + word[at + 1:] if rng.random() < 0.5 else word[:at] + word[at + 1] + word[at] + word[at + 2:]


def queries(sample: list[dict], rng: random.Random) -> dict[str, list[str]]:
    picks = [rng.choice(sample) for _ in range(QUERIES)]
    phone_forms = (lambda d: f"({d[:3]}) {d[3:6]}-{d[6:]}", lambda d: d, lambda d: f"+1 {d[:3]} {d[3:6]} {d[6:]}")
    fragment = (lambda w: w[len(w) // 2 - 1:len(w) // 2 + 2])
    return {
        "name": [f"{p['first']} {p['last']}" for p in picks],
        "common_first_name": [rng.choice(FIRST[:10]) for _ in picks],
        "fragment": [fragment(p["last"]) for p in picks],
        "typo": [f"{p['first']} {one_typo(p['last'], rng)}" for p in picks],
        "phone": [rng.choice(phone_forms)(p["digits"]) for p in picks],
        "email": [f"{p['last']}{p['n']}".lower() if i % 2 else p["email"].split("@")[0] for i, p in enumerate(picks)],
        "street": [" ".join(p["street"].split()[:2]) for p in picks],
        "city": [p["city"] for p in picks],
    }


def typing(sample: list[dict]) -> list[str]:
    """The first TYPED prefixes of the longest names, as the box asks while they are typed."""
    names = sorted({f"{p['first']} {p['last']}" for p in sample}, key=lambda name: (-len(name), name))[:10]
    return [name[:end] for name in names for end in range(1, min(TYPED, len(name)) + 1)]


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


def idle(database, account_id: uuid.UUID) -> list[float]:
    """A transaction holding one trivial statement, the same way: what the box itself costs at the moment."""
    from sqlalchemy import text as sql

    timings = []
    for i in range(10 + QUERIES):
        started = time.perf_counter()
        with database.transaction(account_id=account_id) as session:
            session.execute(sql("SELECT 1"))
        if i >= 10:
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def cold_first(database, account_id: uuid.UUID, query: str) -> float:
    """The first search of a run, before any warm-up: after a load (or a restart), what the account's first user
    waits while its pages come into PostgreSQL's buffers."""
    from customers.adapters.queries import search_customers
    from customers.adapters.search import Filters

    started = time.perf_counter()
    with database.transaction(account_id=account_id) as session:
        search_customers(session, query, Filters(), limit=25, cursor=None)
    return (time.perf_counter() - started) * 1000


def run_all(database, account_id: uuid.UUID, sample: list[dict], rng: random.Random, rows: int) -> dict:
    print(f"\n{rows} rows, account of {CUSTOMERS}; load average {os.getloadavg()[0]:.1f} at the start")
    kinds = {**queries(sample, rng), "typing": typing(sample)}
    cold = cold_first(database, account_id, kinds["city"][0])
    print(f"first search of the run, cold (not in the figures below): a city, {cold:.1f} ms")
    print("warm queries: each kind's first ten run once unmeasured, then all of them measured")
    print(f"{'query':<18}{'runs':>6}{'hits':>6}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    results = {}
    for kind, kind_queries in kinds.items():
        timings, hits = measure(database, account_id, kind_queries)
        results[kind] = (percentile(timings, .50), percentile(timings, .99))
        print(f"{kind:<18}{len(timings):>6}{hits:>6}{results[kind][0]:>10.2f}{results[kind][1]:>10.2f}"
              f"{max(timings):>10.2f}")
    timings = idle(database, account_id)
    print(f"{'(SELECT 1)':<18}{len(timings):>6}{'':>6}{percentile(timings, .50):>10.2f}"
          f"{percentile(timings, .99):>10.2f}{max(timings):>10.2f}")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return results


def _admin():
    return create_engine(make_url(POSTGRES_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")


@contextlib.contextmanager
def kept_database(name: str):
    """The URL of the database ``name``, made when missing and left in place afterwards."""
    admin = _admin()
    with admin.connect() as connection:
        if not connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)


def drop_database(name: str) -> None:
    admin = _admin()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _state(url: str, state: dict | None = None) -> dict | None:
    """What a kept database holds (the measured account, its sample, the rows loaded), read or written."""
    plain = make_url(url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS bench_search (id int PRIMARY KEY, state jsonb)")
        if state is not None:
            connection.execute("INSERT INTO bench_search VALUES (1, %s) ON CONFLICT (id) DO UPDATE "
                               "SET state = excluded.state", (json.dumps(state),))
            return state
        row = connection.execute("SELECT state FROM bench_search WHERE id = 1").fetchone()
        return row[0] if row else None


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", metavar="NAME", help="keep the loaded database under this name; reuse it")
    parser.add_argument("--drop", action="store_true", help="drop the database named by --database and end")
    return parser.parse_args()


def main() -> int:
    from chassis.db import Database
    from chassis.migrations import upgrade
    from customers.bootstrap import SPEC

    args = arguments()
    if args.drop:
        drop_database(args.database)
        return 0
    rng = random.Random(7)
    others = max(ACCOUNTS - 1, 1)
    rest = max(PLATFORM - CUSTOMERS, 0)
    place = kept_database(args.database) if args.database else scratch_database("search")
    with place as url:
        upgrade(url, Path(SPEC.migrations))
        state = _state(url)
        if state is None or state["customers"] != CUSTOMERS:
            if state is not None:
                raise SystemExit(f"{args.database} holds an account of {state['customers']} customers: --drop it")
            sample: list[dict] = []
            big = uuid.uuid4()
            took = load(url, [(big, CUSTOMERS)], rng, sample)
            print(f"loaded {CUSTOMERS} customers in {took:.1f}s", file=sys.stderr)
            state = _state(url, {"customers": CUSTOMERS, "account": str(big), "sample": sample, "rows": CUSTOMERS})
        big, sample = uuid.UUID(state["account"]), state["sample"]
        database = Database(url, service="customers")
        try:
            # A kept database that already holds the platform measures the account inside it both times.
            alone = run_all(database, big, sample, rng, state["rows"])
            platform = None
            if rest:
                if state["rows"] < CUSTOMERS + rest:
                    more = CUSTOMERS + rest - state["rows"]
                    took = load(url, [(uuid.uuid4(), more // others + (i < more % others)) for i in range(others)],
                                rng, None)
                    print(f"loaded {more} more customers in {others} accounts in {took:.1f}s", file=sys.stderr)
                    state = _state(url, {**state, "rows": CUSTOMERS + rest})
                    database.dispose()
                platform = run_all(database, big, sample, random.Random(11), state["rows"])
        finally:
            database.dispose()
    p99 = {kind: round(max(alone[k][1] for k in keys), 2) for kind, keys in {
        "name": ["name"], "common_first_name": ["common_first_name"], "fragment": ["fragment"], "typo": ["typo"],
        "phone": ["phone"], "email": ["email"], "address": ["street", "city"]}.items()}
    report({"customers": CUSTOMERS, **{f"{kind}_p99_ms": value for kind, value in p99.items()},
            "typing_p50_ms": round(alone["typing"][0], 2), "platform_rows": state["rows"] if platform else 0,
            "platform_worst_p99_ms": round(max(v[1] for k, v in platform.items() if k != "typing"), 2) if platform else None})
    return 0


if __name__ == "__main__":
    sys.exit(main())
