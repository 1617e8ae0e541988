"""Benchmark: the web front end's customer workspace in Chromium, from navigation to its header and first tab on screen.

Needs the system running with demo data (`make run`, which also builds web/). Signs a page in with a
development token, opens one demo customer's workspace once to warm every cache (browser, gateway,
services), then loads it --loads times and reads, in the page, the milliseconds from navigation start
until the customer's name (the header's heading) and the first tab's panel both show. Also sums the
gzip size of the JavaScript that page loaded, and (in a fresh browser context) of what the customers list alone
loads: each page is its own chunk, so the list should not carry the workspace. Prints a table and ends with one
JSON line: {"workspace_visible_p50_ms": …, "workspace_visible_p95_ms": …, "js_gzip_kb": …, "customers_js_gzip_kb": …,
"invoice_visible_p50_ms": …, "invoice_visible_p95_ms": …, "job_visible_p50_ms": …, "job_visible_p95_ms": …} (the invoice
page: its number and lines on screen; the job page: its number and its schedule; both warm).

    .venv/bin/python bench/web.py [--gateway http://127.0.0.1:8080] [--loads 50]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
# Resolves with performance.now() (ms since navigation start) once the header and the first tab's panel show.
VISIBLE = """() => {
  const heading = document.querySelector('main h1');
  const panel = document.querySelector('[role=tabpanel]');
  return heading && heading.textContent && panel && panel.childElementCount > 0 ? performance.now() : null;
}"""

# The invoice page: its number in the heading and its first line in the lines table.
INVOICE_VISIBLE = """() => {
  const heading = document.querySelector('main h1');
  const line = document.querySelector('table[aria-label="Line items"] tbody tr');
  return heading && heading.textContent.startsWith('Invoice') && line ? performance.now() : null;
}"""

# The job page: its number in the heading and its schedule in the details card.
JOB_VISIBLE = """() => {
  const heading = document.querySelector('main h1');
  const schedule = document.querySelector('section [aria-label="Schedule"]');
  return heading && heading.textContent.startsWith('Job') && schedule && schedule.textContent ? performance.now() : null;
}"""


def token() -> str:
    script = Path(sys.executable).parent / "fieldwork-token"
    return subprocess.run([str(script)], capture_output=True, text=True, check=True, env=os.environ).stdout.strip()


def a_demo_customer(gateway: str, bearer: str) -> dict | None:
    request = urllib.request.Request(f"{gateway}/api/customers?limit=1", headers={"Authorization": f"Bearer {bearer}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            items = json.load(response)["items"]
    except OSError:
        return None
    return items[0] if items else None


def first_record(gateway: str, bearer: str, kind: str) -> dict | None:
    """The newest record of ``kind`` (``invoices``, ``jobs``) of one of the first demo customers that has any."""
    def get(path: str) -> dict:
        request = urllib.request.Request(f"{gateway}/api{path}", headers={"Authorization": f"Bearer {bearer}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)
    for customer in get("/customers?limit=20")["items"]:
        records = get(f"/customers/{customer['id']}/{kind}?limit=1")["items"]
        if records:
            return records[0]
    return None


def warm_loads(page, url: str, ready: str, loads: int) -> list[float]:
    """Milliseconds from navigation start until ``ready`` holds, over ``loads`` loads after one to warm up."""
    page.goto(url)
    page.wait_for_function(ready)
    timings = []
    for _ in range(loads):
        page.goto(url, wait_until="commit")
        timings.append(page.wait_for_function(ready, polling="raf").json_value())
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def scripts_loaded(page, url: str, ready: str) -> dict[str, bytes]:
    """The JavaScript files a page fetched while opening ``url`` until ``ready`` shows, by URL."""
    scripts: dict[str, bytes] = {}

    def keep(response) -> None:
        if response.request.resource_type == "script" and response.ok:
            scripts.setdefault(response.url, response.body())

    page.on("response", keep)
    page.goto(url)
    if ready.startswith("()"):
        page.wait_for_function(ready)
    else:
        page.wait_for_selector(ready)
    # Later loads are timed only; a body read while the next navigation starts would fail.
    page.remove_listener("response", keep)
    return scripts


def gzip_kb(scripts: dict[str, bytes]) -> float:
    return sum(len(gzip.compress(body, 9)) for body in scripts.values()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gateway", default=os.environ.get("FIELDWORK_GATEWAY_URL", "http://127.0.0.1:8080"))
    parser.add_argument("--loads", type=int, default=50)
    args = parser.parse_args()
    bearer = token()
    customer = a_demo_customer(args.gateway, bearer)
    if customer is None:
        # `make bench` runs every bench; this one measures a running system rather than making its own.
        print(f"skipped: no system with demo data at {args.gateway}; start it with `make run`, then run this again")
        return
    url = f"{args.gateway}/customers/{customer['id']}"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        listing = browser.new_page(viewport={"width": 1400, "height": 1000})
        list_scripts = scripts_loaded(listing, f"{args.gateway}/customers?token={bearer}", "table[aria-label=Customers]")
        listing.context.close()

        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{args.gateway}/customers?token={bearer}")
        page.wait_for_selector("main h1")
        scripts = scripts_loaded(page, url, VISIBLE)
        js_gzip_kb = gzip_kb(scripts)

        timings = []
        for _ in range(args.loads):
            page.goto(url, wait_until="commit")
            timings.append(page.wait_for_function(VISIBLE, polling="raf").json_value())
        invoice = first_record(args.gateway, bearer, "invoices")
        invoice_timings = warm_loads(page, f"{args.gateway}/invoices/{invoice['id']}", INVOICE_VISIBLE, args.loads) if invoice else []
        job = first_record(args.gateway, bearer, "jobs")
        job_timings = warm_loads(page, f"{args.gateway}/jobs/{job['id']}", JOB_VISIBLE, args.loads) if job else []
        browser.close()

    p50, p95 = statistics.median(timings), percentile(timings, 0.95)
    print(f"workspace of {customer['number']} in Chromium, {args.loads} warm loads")
    print(f"{'navigation → header and first tab':<40} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   min {min(timings):6.1f}   max {max(timings):6.1f}")
    print(f"{'JavaScript loaded (gzip)':<40} {js_gzip_kb:7.1f} KB in {len(scripts)} file(s)")
    print(f"{'customers list alone: JavaScript (gzip)':<40} {gzip_kb(list_scripts):7.1f} KB in {len(list_scripts)} file(s)")
    figures = {"workspace_visible_p50_ms": round(p50, 1), "workspace_visible_p95_ms": round(p95, 1),
               "js_gzip_kb": round(js_gzip_kb, 1), "customers_js_gzip_kb": round(gzip_kb(list_scripts), 1)}
    if invoice_timings:
        i50, i95 = statistics.median(invoice_timings), percentile(invoice_timings, 0.95)
        print(f"{'invoice ' + invoice['number'] + ': navigation → number and lines':<40} p50 {i50:7.1f} ms   p95 {i95:7.1f} ms")
        figures.update(invoice_visible_p50_ms=round(i50, 1), invoice_visible_p95_ms=round(i95, 1))
    if job_timings:
        j50, j95 = statistics.median(job_timings), percentile(job_timings, 0.95)
        print(f"{'job ' + job['number'] + ': navigation → number and schedule':<40} p50 {j50:7.1f} ms   p95 {j95:7.1f} ms")
        figures.update(job_visible_p50_ms=round(j50, 1), job_visible_p95_ms=round(j95, 1))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
