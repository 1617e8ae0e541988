"""Creates a realistic demo account through the public API only (the gateway), so that every section
of the workspace has something to show: customers with properties and equipment, jobs in every status
over years of history (completed on their real dates, by the account's technicians), estimates, maintenance plans,
invoices with payments, calls, texts and emails, notes; and every insight card on some customers.

    python tools/demo_data.py [--gateway URL] [--customers N] [--if-empty] [--seed N]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

from chassis.auth import mint_token
from chassis.auth.cli import DEMO_ACCOUNT
from chassis.settings import Settings

FIRST = ["Dana", "Morgan", "Alex", "Jordan", "Taylor", "Casey", "Riley", "Jamie", "Avery", "Quinn", "Harper", "Rowan",
         "Emerson", "Sam", "Charlie", "Robin", "Drew", "Skyler", "Reese", "Parker"]
LAST = ["Whitfield", "Reyes", "Nguyen", "Okafor", "Schmidt", "Patel", "Kowalski", "Haddad", "Lindqvist", "Moreau",
        "Tanaka", "Garcia", "O'Brien", "Fischer", "Rossi", "Novak", "Ibrahim", "Larsen", "Silva", "Chen"]
COMPANIES = ["Maple Street Dental", "Riverside Apartments", "Northgate Bakery", "Summit Fitness", "Oak & Iron Brewing",
             "Lakeside Veterinary", "Brightway Offices", "Cedar Hill Church"]
STREETS = ["Birch Lane", "Maple Ave", "Oak Street", "Pine Road", "Cedar Court", "Elm Drive", "Willow Way", "Aspen Blvd"]
CITIES = [("Springfield", "IL", "627"), ("Madison", "WI", "537"), ("Columbus", "OH", "432"), ("Boise", "ID", "837")]
EQUIPMENT = [("air_conditioner", "Carrier", "24ACC6"), ("furnace", "Trane", "S9V2"), ("heat_pump", "Lennox", "XP25"),
             ("mini_split", "Mitsubishi", "MSZ-FH"), ("water_heater", "Rheem", "XG50T"),
             ("garage_door_opener", "LiftMaster", "87504")]
SERVICES = [("HVAC tune-up", 14900), ("Furnace repair", 38500), ("AC install", 489000), ("Water heater flush", 12900),
            ("Garage door spring", 27500), ("Quarterly pest control", 8900), ("Drain cleaning", 19900)]
STATUSES = ["lead", "prospect", "quoted", "active", "active", "active", "inactive"]


class Api:
    def __init__(self, base: str, token: str):
        self.base = base.rstrip("/") + "/api"
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {token}"

    def call(self, method: str, path: str, body: dict | None = None) -> dict:
        response = self.http.request(method, self.base + path, json=body, timeout=30)
        if response.status_code >= 400:
            raise RuntimeError(f"{method} {path} → {response.status_code}: {response.text[:300]}")
        return response.json() if response.content and "json" in response.headers.get("Content-Type", "") else {}


def _person(rng: random.Random, n: int) -> tuple[str, str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", f"{first}.{last}{n}@example.com".lower().replace("'", ""), f"(555) {100 + n % 900:03d}-{1000 + n:04d}"


def _address(rng: random.Random) -> dict:
    city, region, zip3 = rng.choice(CITIES)
    return {"line1": f"{rng.randint(1, 9999)} {rng.choice(STREETS)}", "city": city, "region": region,
            "postal_code": f"{zip3}{rng.randint(10, 99)}", "country": "US"}


TECHNICIANS = [("Luis Ortega", "#2f80ed"), ("Priya Nair", "#eb5757"), ("Ben Cole", "#27ae60"), ("Mia Chen", "#f2994a")]
# Each demo customer lives one story, so every insight card shows on some of them: service long ago (win back),
# an unpaid invoice past due (overdue statement), a plan visit coming up and none booked (maintenance due), an
# estimate sent days ago and unanswered (estimate follow-up), a lead not called back (lead call), and a mix.
STORIES = ["win_back", "overdue", "maintenance", "estimate", "lead", "mixed"]


def ensure_technicians(api: Api) -> list[str]:
    """The account's technicians, made once; jobs are assigned them by id."""
    have = {t["name"]: t["id"] for t in api.call("GET", "/technicians?limit=100")["items"]}
    for name, colour in TECHNICIANS:
        if name not in have:
            have[name] = api.call("POST", "/technicians", {"name": name, "colour": colour})["id"]
    return [have[name] for name, _ in TECHNICIANS]


def create_customer(api: Api, n: int, seed: int, technicians: list[str]) -> None:
    rng = random.Random(seed * 100_003 + n)
    story = STORIES[n % len(STORIES)]
    name, email, phone = _person(rng, n)
    commercial = rng.random() < 0.2
    company = rng.choice(COMPANIES) if commercial else None
    customer = api.call("POST", "/customers", {
        "display_name": company or name, "company": company,
        "kind": "commercial" if commercial else "residential",
        "status": "lead" if story == "lead" else rng.choice(STATUSES[1:]),
        "lead_source": rng.choice(["Google", "Referral", "Yelp", "Door hanger", "Repeat"]),
        "preferred_channel": rng.choice(["email", "phone", "sms"]), "tags": rng.sample(["vip", "warranty", "member", "spanish"], k=rng.randint(0, 2)),
        "contacts": [{"name": name, "emails": [email], "phones": [{"number": phone, "label": "mobile"}], "is_primary": True}]})
    cid = customer["id"]
    properties = []
    for p in range(1 if rng.random() < 0.7 else rng.randint(2, 3)):
        address = _address(rng)
        prop = api.call("POST", f"/customers/{cid}/properties", {
            **address, "kind": "commercial" if commercial else "residential", "is_primary": p == 0,
            "access_notes": rng.choice([None, "Gate code 4412", "Dog in yard", "Use side door", "Call on arrival"])})
        properties.append(prop["id"])
        for kind, make, model in rng.sample(EQUIPMENT, k=rng.randint(1, 3)):
            api.call("POST", f"/customers/{cid}/properties/{prop['id']}/equipment", {
                "kind": kind, "make": make, "model": model, "serial": uuid.UUID(int=rng.getrandbits(128)).hex[:10].upper(),
                "installed_on": str(dt.date.today() - dt.timedelta(days=rng.randint(100, 4000)))})
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    work = Work(api, rng, cid, properties, technicians, now)
    if story == "win_back":
        for months_ago in sorted(rng.sample(range(14, 60), k=rng.randint(1, 3)), reverse=True):
            work.completed_job(days_ago=months_ago * 30 + rng.randint(0, 20), paid=True)
    elif story == "overdue":
        work.completed_job(days_ago=rng.randint(400, 900), paid=True)
        work.completed_job(days_ago=rng.randint(65, 120), paid=False)
    elif story == "maintenance":
        work.completed_job(days_ago=rng.randint(200, 700), paid=True)
        work.plan(next_visit_in_days=rng.randint(2, 10))
    elif story == "estimate":
        work.completed_job(days_ago=rng.randint(30, 300), paid=True)
        work.estimate(sent_days_ago=rng.randint(8, 25))
    elif story == "mixed":
        for _ in range(rng.randint(1, 4)):
            work.completed_job(days_ago=rng.randint(1, 1500), paid=rng.random() < 0.7)
        for _ in range(rng.randint(0, 2)):
            work.open_job(days_ahead=rng.randint(-5, 30))
        if rng.random() < 0.5:
            work.estimate(sent_days_ago=rng.randint(0, 5))
    contacted_days_ago = rng.randint(10, 40) if story == "lead" else None
    for i in range(rng.randint(1 if story == "lead" else 0, 4)):
        channel = rng.choice(["call", "call", "sms", "email"])
        api.call("POST", "/communications", {
            "customer_id": cid, "channel": channel, "direction": rng.choice(["inbound", "outbound"]),
            "handled_by": rng.choice(["staff", "staff", "ai"]),
            "subject": "Scheduling" if channel == "email" else None,
            "body": rng.choice(["Asked about a tune-up", "Confirmed appointment", "Question about invoice", "Booked a visit"]),
            "duration_seconds": rng.randint(30, 900) if channel == "call" else None,
            "occurred_at": (now - dt.timedelta(days=contacted_days_ago + i if contacted_days_ago
                                               else rng.randint(0, 200))).isoformat()})
    if rng.random() < 0.5:
        api.call("POST", f"/customers/{cid}/notes", {"body": rng.choice([
            "Prefers **morning** visits.", "Gate code changes monthly — call first.", "Asked for a quote on a new AC unit.",
            "Very happy with Luis last time."]), "pinned": rng.random() < 0.4})


class Work:
    """One customer's jobs, plans, estimates and invoices, each dated when it really happened."""

    def __init__(self, api: Api, rng: random.Random, cid: str, properties: list[str], technicians: list[str],
                 now: dt.datetime):
        self.api, self.rng, self.cid, self.properties, self.technicians, self.now = (
            api, rng, cid, properties, technicians, now)

    def _job(self, start: dt.datetime) -> tuple[dict, str, int]:
        title, price = self.rng.choice(SERVICES)
        job = self.api.call("POST", "/jobs", {
            "customer_id": self.cid, "property_id": self.rng.choice(self.properties), "title": title,
            "service_type": title, "scheduled_start": start.isoformat(),
            "scheduled_end": (start + dt.timedelta(hours=2)).isoformat(),
            "technician_ids": [self.rng.choice(self.technicians)],
            "line_items": [{"description": title, "quantity": 1, "unit_price_cents": price}]})
        return job, title, price

    def completed_job(self, *, days_ago: int, paid: bool) -> None:
        start = self.now - dt.timedelta(days=days_ago, hours=self.rng.randint(2, 8))
        job, title, price = self._job(start)
        self.api.call("POST", f"/jobs/{job['id']}/status", {"to": "in_progress", "at": start.isoformat()})
        done = start + dt.timedelta(minutes=self.rng.randint(45, 180))
        self.api.call("POST", f"/jobs/{job['id']}/status", {"to": "completed", "at": done.isoformat()})
        invoice(self.api, self.rng, self.cid, job["id"], title, price, issued=done.date(), paid=paid)

    def open_job(self, *, days_ahead: int) -> None:
        job, _, _ = self._job(self.now + dt.timedelta(days=days_ahead, hours=self.rng.randint(1, 8)))
        if days_ahead < 0:
            self.api.call("POST", f"/jobs/{job['id']}/status", {"to": self.rng.choice(["in_progress", "cancelled"])})

    def plan(self, *, next_visit_in_days: int) -> None:
        # Started a year back, visited quarterly: the next visit falls next_visit_in_days from now.
        starts = self.now + dt.timedelta(days=next_visit_in_days) - dt.timedelta(days=364)
        self.api.call("POST", "/plans", {
            "customer_id": self.cid, "property_id": self.rng.choice(self.properties),
            "name": self.rng.choice(["Quarterly pest control", "Seasonal HVAC check"]), "status": "active",
            "starts_at": starts.isoformat(), "price_per_visit_cents": self.rng.choice([8900, 12900, 14900]),
            "rrule": "FREQ=WEEKLY;INTERVAL=13"})

    def estimate(self, *, sent_days_ago: int) -> None:
        title, price = self.rng.choice(SERVICES)
        estimate = self.api.call("POST", "/estimates", {
            "customer_id": self.cid, "property_id": self.rng.choice(self.properties), "title": title,
            "valid_until": str(dt.date.today() + dt.timedelta(days=self.rng.randint(10, 40))),
            "line_items": [{"description": title, "quantity": 1, "unit_price_cents": price}]})
        sent = self.now - dt.timedelta(days=sent_days_ago, hours=1)
        self.api.call("POST", f"/estimates/{estimate['id']}/status", {"to": "sent", "at": sent.isoformat()})


def invoice(api: Api, rng: random.Random, cid: str, job_id: str, title: str, price: int, *, issued: dt.date,
            paid: bool) -> None:
    created = api.call("POST", "/invoices", {
        "customer_id": cid, "job_id": job_id, "issue_date": str(issued), "due_date": str(issued + dt.timedelta(days=30)),
        "lines": [{"description": title, "quantity": "1", "unit_price_cents": price, "tax_rate": "6.25"}]})
    api.call("POST", f"/invoices/{created['id']}/send")
    if paid:
        api.call("POST", "/payments", {"customer_id": cid, "amount_cents": created["total_cents"],
                                       "method": rng.choice(["card", "cash", "check", "ach"]),
                                       "allocations": [{"invoice_id": created["id"],
                                                        "amount_cents": created["total_cents"]}]})


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gateway", default=os.environ.get("FIELDWORK_GATEWAY_URL", "http://127.0.0.1:8080"))
    parser.add_argument("--customers", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--account", default=str(DEMO_ACCOUNT))
    parser.add_argument("--if-empty", action="store_true", help="do nothing when the account already has customers")
    args = parser.parse_args(argv)
    secret = Settings.from_env("gateway", uses_database=False).jwt_secret
    api = Api(args.gateway, mint_token(secret, sub="demo-loader", account_id=uuid.UUID(args.account),
                                       name="Demo loader"))
    if args.if_empty and api.call("GET", "/customers?limit=1")["items"]:
        print("[fieldwork] demo data already loaded")
        return
    print(f"[fieldwork] loading demo data: {args.customers} customers through {args.gateway}/api …", flush=True)
    failures = 0
    technicians = ensure_technicians(api)
    with ThreadPoolExecutor(max_workers=4) as pool:
        for future in [pool.submit(create_customer, api, n, args.seed, technicians) for n in range(args.customers)]:
            try:
                future.result()
            except Exception as error:  # one bad customer should not stop the load; it is reported
                failures += 1
                print(f"[fieldwork] demo customer failed: {error}", file=sys.stderr)
    print(f"[fieldwork] demo data loaded ({args.customers - failures} customers, {failures} failed)")
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
