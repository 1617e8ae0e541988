"""Creates a realistic demo account through the public API only (the gateway), so that every section
of the workspace has something to show: customers with properties and equipment, jobs in every status,
estimates, maintenance plans, invoices in every status with payments, calls, texts and emails, notes.

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
JOB_PATHS = [[], ["scheduled"], ["scheduled", "in_progress"], ["scheduled", "in_progress", "completed"],
             ["scheduled", "cancelled"], ["scheduled", "in_progress", "completed"]]
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


def create_customer(api: Api, n: int, seed: int) -> None:
    rng = random.Random(seed * 100_003 + n)
    name, email, phone = _person(rng, n)
    commercial = rng.random() < 0.2
    company = rng.choice(COMPANIES) if commercial else None
    customer = api.call("POST", "/customers", {
        "display_name": company or name, "company": company,
        "kind": "commercial" if commercial else "residential", "status": rng.choice(STATUSES),
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
        properties.append((prop["id"], f"{address['line1']}, {address['city']}, {address['region']} {address['postal_code']}"))
        for kind, make, model in rng.sample(EQUIPMENT, k=rng.randint(1, 3)):
            api.call("POST", f"/customers/{cid}/properties/{prop['id']}/equipment", {
                "kind": kind, "make": make, "model": model, "serial": uuid.UUID(int=rng.getrandbits(128)).hex[:10].upper(),
                "installed_on": str(dt.date.today() - dt.timedelta(days=rng.randint(100, 4000)))})
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    for _ in range(rng.randint(0, 4)):
        prop_id, address = rng.choice(properties)
        title, price = rng.choice(SERVICES)
        start = now + dt.timedelta(days=rng.randint(-90, 30), hours=rng.randint(0, 8))
        job = api.call("POST", "/jobs", {
            "customer_id": cid, "property_id": prop_id, "property_address": address, "title": title,
            "service_type": title, "status": "draft", "scheduled_start": start.isoformat(), "scheduled_end": (start + dt.timedelta(hours=2)).isoformat(),
            "technicians": [rng.choice(["Luis", "Priya", "Ben", "Mia"])],
            "line_items": [{"description": title, "quantity": 1, "unit_price_cents": price}]})
        for to in rng.choice(JOB_PATHS):
            api.call("POST", f"/jobs/{job['id']}/status", {"to": to})
        if rng.random() < 0.6:
            create_invoice(api, rng, cid, job["id"], title, price)
    if rng.random() < 0.5:
        prop_id, address = rng.choice(properties)
        title, price = rng.choice(SERVICES)
        estimate = api.call("POST", "/estimates", {
            "customer_id": cid, "property_id": prop_id, "property_address": address, "title": title,
            "valid_until": str(dt.date.today() + dt.timedelta(days=rng.randint(5, 30))),
            "line_items": [{"description": title, "quantity": 1, "unit_price_cents": price}]})
        step = rng.random()
        if step > 0.3:
            api.call("POST", f"/estimates/{estimate['id']}/status", {"to": "sent"})
        if step > 0.7:
            api.call("POST", f"/estimates/{estimate['id']}/approve", {"create_job": True})
    if rng.random() < 0.3:
        prop_id, address = rng.choice(properties)
        api.call("POST", "/plans", {
            "customer_id": cid, "property_id": prop_id, "property_address": address,
            "name": rng.choice(["Quarterly pest control", "Annual furnace tune-up", "Spring AC check"]),
            "status": "active", "starts_at": (now + dt.timedelta(days=rng.randint(1, 20))).isoformat(),
            "price_per_visit_cents": rng.choice([8900, 12900, 14900]),
            "rrule": rng.choice(["FREQ=MONTHLY;INTERVAL=3", "FREQ=YEARLY", "FREQ=MONTHLY;INTERVAL=6"])})
    for _ in range(rng.randint(0, 4)):
        channel = rng.choice(["call", "call", "sms", "email"])
        api.call("POST", "/communications", {
            "customer_id": cid, "channel": channel, "direction": rng.choice(["inbound", "outbound"]),
            "handled_by": rng.choice(["staff", "staff", "ai"]),
            "subject": "Scheduling" if channel == "email" else None,
            "body": rng.choice(["Asked about a tune-up", "Confirmed appointment", "Question about invoice", "Booked a visit"]),
            "duration_seconds": rng.randint(30, 900) if channel == "call" else None,
            "occurred_at": (now - dt.timedelta(days=rng.randint(0, 200))).isoformat()})
    if rng.random() < 0.5:
        api.call("POST", f"/customers/{cid}/notes", {"body": rng.choice([
            "Prefers **morning** visits.", "Gate code changes monthly — call first.", "Asked for a quote on a new AC unit.",
            "Very happy with Luis last time."]), "pinned": rng.random() < 0.4})


def create_invoice(api: Api, rng: random.Random, cid: str, job_id: str, title: str, price: int) -> None:
    issued = dt.date.today() - dt.timedelta(days=rng.randint(0, 120))
    invoice = api.call("POST", "/invoices", {
        "customer_id": cid, "job_id": job_id, "issue_date": str(issued), "due_date": str(issued + dt.timedelta(days=30)),
        "lines": [{"description": title, "quantity": "1", "unit_price_cents": price, "tax_rate": "6.25"}]})
    fate = rng.random()
    if fate < 0.15:
        return  # draft
    api.call("POST", f"/invoices/{invoice['id']}/send")
    if fate < 0.25:
        api.call("POST", f"/invoices/{invoice['id']}/void")
        return
    if fate < 0.6:
        paid = invoice["total_cents"] if fate < 0.45 else invoice["total_cents"] // 2
        api.call("POST", "/payments", {"customer_id": cid, "amount_cents": paid, "method": rng.choice(["card", "cash", "check", "ach"]),
                                       "allocations": [{"invoice_id": invoice["id"], "amount_cents": paid}]})


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gateway", default=os.environ.get("FIELDWORK_GATEWAY_URL", "http://127.0.0.1:8080"))
    parser.add_argument("--customers", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--account", default=str(DEMO_ACCOUNT))
    parser.add_argument("--if-empty", action="store_true", help="do nothing when the account already has customers")
    args = parser.parse_args(argv)
    secret = Settings.from_env("gateway", uses_database=False).jwt_secret
    api = Api(args.gateway, mint_token(secret, sub="demo-loader", account_id=uuid.UUID(args.account)))
    if args.if_empty and api.call("GET", "/customers?limit=1")["items"]:
        print("[fieldwork] demo data already loaded")
        return
    print(f"[fieldwork] loading demo data: {args.customers} customers through {args.gateway}/api …", flush=True)
    failures = 0
    with ThreadPoolExecutor(max_workers=4) as pool:
        for future in [pool.submit(create_customer, api, n, args.seed) for n in range(args.customers)]:
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
