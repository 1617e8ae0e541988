"""The customer's own page: the office invites, the mail arrives, its link opens the page in Chromium; the customer
approves an estimate (a job appears in the office's workspace), asks for service, sends a photo and rates a job;
a spent, expired or forged link is refused. axe-core reads the page and its open forms."""
from __future__ import annotations

import io
import re
from email import message_from_bytes

import pytest
import requests
from PIL import Image
from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from browser.accessibility import accessibility_problems
from polling import eventually

PHONE = {"width": 390, "height": 844}  # the customer opens the email on their phone


def _ok(response, status=(200, 201)) -> dict:
    assert response.status_code in status, f"{response.request.method} {response.url}: {response.status_code} {response.text[:300]}"
    return response.json()


class Office:
    def __init__(self, demo):
        self.demo = demo

    def post(self, path: str, body: dict) -> dict:
        return _ok(self.demo.session.post(f"{self.demo.base}/api{path}", json=body, timeout=15))


def _customer(office: Office, name: str, email: str) -> dict:
    return office.post("/customers", {
        "display_name": name, "contacts": [{"name": name, "emails": [email], "phones": [{"number": "217-555-0188"}]}],
        "properties": [{"line1": "27 Birch Lane", "city": "Springfield", "region": "IL", "postal_code": "62704"}]})


def _sent_estimate(office: Office, customer_id: str, title: str) -> dict:
    estimate = office.post("/estimates", {"customer_id": customer_id, "title": title,
                                          "line_items": [{"description": "Install", "quantity": 1, "unit_price_cents": 42000}]})
    office.post(f"/estimates/{estimate['id']}/status", {"to": "sent"})
    return estimate


def _completed_job(office: Office, customer_id: str, title: str) -> dict:
    job = office.post("/jobs", {"customer_id": customer_id, "title": title, "status": "scheduled",
                                "scheduled_start": "2026-01-05T14:00:00Z"})
    for status in ("in_progress", "completed"):
        office.post(f"/jobs/{job['id']}/status", {"to": status})
    return job


def _sent_invoice(office: Office, customer_id: str) -> dict:
    invoice = office.post("/invoices", {"customer_id": customer_id,
                                        "lines": [{"description": "Service call", "unit_price_cents": 12500}]})
    return office.post(f"/invoices/{invoice['id']}/send", {})


def _invite_link(office: Office, system, customer_id: str, email: str) -> str:
    """The office sends a portal invite; the link is read from the mail the SMTP sink received."""
    office.post(f"/customers/{customer_id}/portal-invites", {"email": email})

    def invitations():
        mails = [message_from_bytes(m["data"]) for m in system.smtp.messages if email in m["to"]]
        return [m for m in mails if m["Subject"] == "Your customer portal invitation"]
    mails = eventually(invitations, seconds=30)
    assert len(mails) == 1, "one invite, one mail"
    text_part = next(part for part in mails[0].walk() if part.get_content_type() == "text/plain")
    body = text_part.get_payload(decode=True).decode()
    link = re.search(r"https?://\S+/portal/magic/[A-Za-z0-9._~-]+", body)
    assert link, body[:500]
    return "/portal/magic/" + link.group(0).split("/portal/magic/", 1)[1]


def _token(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (30, 140, 90)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def visitor_page(chromium, demo):
    """A browser that has never seen the office's token: the customer's phone."""
    context = chromium.new_context(viewport=PHONE, base_url=demo.base)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"the page threw: {errors}"


def test_the_emailed_link_opens_the_customers_page_once(visitor_page, page, demo, system, screenshots):
    office = Office(demo)
    email = "jordan.portal@example.com"
    customer = _customer(office, "Jordan Ellis", email)
    estimate = _sent_estimate(office, customer["id"], "Water heater replacement")
    job = _completed_job(office, customer["id"], "Drain cleaning")
    invoice = _sent_invoice(office, customer["id"])
    path = _invite_link(office, system, customer["id"], email)

    visitor_page.goto(path)
    expect(visitor_page.get_by_role("heading", name="Hello, Jordan Ellis", level=1)).to_be_visible()
    expect(visitor_page).to_have_url(re.compile(r"/portal$"))
    expect(visitor_page.get_by_text("27 Birch Lane, Springfield, IL 62704").first).to_be_visible()
    expect(visitor_page.get_by_text("Water heater replacement · $420.00")).to_be_visible()
    expect(visitor_page.get_by_text("Balance due: $125.00")).to_be_visible()
    assert accessibility_problems(visitor_page) == []
    visitor_page.screenshot(path=str(screenshots / "portal-phone.png"), full_page=True)

    # The invoice email links to the invoice on the page; opening its PDF marks it viewed for the office.
    visitor_page.goto(f"/portal/invoices/{invoice['id']}")
    pdf_link = visitor_page.get_by_role("link", name=f"Open PDF of {invoice['number']}")
    expect(pdf_link).to_be_focused()
    with visitor_page.expect_popup() as popup:
        pdf_link.click()
    popup.value.close()
    eventually(lambda: demo.get(f"/invoices/{invoice['id']}")["status"] == "viewed", seconds=15)

    visitor_page.get_by_role("button", name="Approve Water heater replacement").click()
    expect(visitor_page.get_by_text("Approved Water heater replacement.", exact=False)).to_be_visible()
    expect(visitor_page.get_by_text("No estimates waiting for you.")).to_be_visible()
    approved = demo.get(f"/estimates/{estimate['id']}")
    assert approved["status"] == "approved" and approved["job_id"]

    def in_the_workspace():  # a section the box was too busy to fill in time says unavailable: ask again
        section = demo.get(f"/customers/{customer['id']}/workspace")["jobs"]
        return section["status"] == "ok" and approved["job_id"] in {j["id"] for j in section["data"]["items"]}
    eventually(in_the_workspace, seconds=30)
    page.goto(f"/customers/{customer['id']}/jobs")
    expect(page.get_by_role("table", name="Jobs").get_by_role("row").filter(has_text="Water heater replacement")).to_be_visible()

    # View as client: the office sees the same page, read-only.
    page.get_by_role("button", name="Actions").click()
    page.get_by_role("menuitem", name="View as client").click()
    dialog = page.get_by_role("dialog", name="View as client")
    expect(dialog.get_by_role("heading", name="Invoices")).to_be_visible()
    expect(dialog.get_by_text("Invoice " + invoice["number"])).to_be_visible()
    expect(dialog.get_by_role("button", name=re.compile("Approve|Decline|Send"))).to_have_count(0)
    expect(dialog.get_by_role("link", name=re.compile("PDF"))).to_have_count(0)
    expect(page.get_by_role("menu")).to_have_count(0)
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "portal-view-as-client.png"))
    page.keyboard.press("Escape")

    request = visitor_page.get_by_role("form", name="Request service")
    request.get_by_role("button", name="Send request").click()
    expect(request.get_by_text("Say in a few words what you need.")).to_be_visible()
    assert accessibility_problems(visitor_page) == []
    request.get_by_label("What do you need?").fill("Noisy garbage disposal")
    request.get_by_label("Details").fill("It hums but does not spin.")
    request.get_by_role("button", name="Send request").click()
    expect(request.get_by_role("status")).to_contain_text("Noisy garbage disposal")
    asked = eventually(lambda: next((j for j in demo.get(f"/customers/{customer['id']}/jobs?limit=50")["items"]
                                     if j["title"] == "Noisy garbage disposal"), None), seconds=10)
    assert asked["status"] == "draft" and asked["property_address"].startswith("27 Birch Lane")

    photo = visitor_page.get_by_role("form", name="Send a photo")
    photo.get_by_role("button", name="Send photo").click()
    expect(photo.get_by_text("Choose a photo to send.")).to_be_visible()
    assert accessibility_problems(visitor_page) == []
    photo.locator("input[type=file]").set_input_files({"name": "disposal.png", "mimeType": "image/png", "buffer": _png()})
    photo.get_by_label("Caption").fill("Under the sink")
    photo.get_by_role("button", name="Send photo").click()
    expect(photo.get_by_role("status")).to_contain_text("the photo is with our office")
    photos = demo.get(f"/customers/{customer['id']}/photos")["items"]
    assert [p["caption"] for p in photos] == ["27 Birch Lane, Springfield: Under the sink"]

    # The review request email links to the page with ?review=<job>: that job's form comes forward.
    visitor_page.goto(f"/portal?review={job['id']}")
    form = visitor_page.get_by_role("form", name="Review Drain cleaning")
    expect(form.get_by_role("radio", name="5 — Excellent")).to_be_focused()
    form.get_by_role("button", name="Send review").click()
    expect(form.get_by_text("Choose a rating from 1 to 5.")).to_be_visible()
    assert accessibility_problems(visitor_page) == []
    visitor_page.screenshot(path=str(screenshots / "portal-forms-open.png"), full_page=True)
    form.get_by_role("radio", name="4 — Good").check()
    form.get_by_label("Comment").fill("Quick and clean.")
    form.get_by_role("button", name="Send review").click()
    expect(visitor_page.get_by_text("Nothing to review right now.")).to_be_visible()
    reviews = demo.get(f"/customers/{customer['id']}/reviews")["items"]
    assert [(r["job_id"], r["rating"], r["comment"]) for r in reviews] == [(job["id"], 4, "Quick and clean.")]

    # The same link a second time: refused, on the page and at the API.
    again = visitor_page.context.browser.new_context(viewport=PHONE, base_url=demo.base).new_page()
    again.goto(path)
    expect(again.get_by_role("heading", name="This link is no longer valid")).to_be_visible()
    assert accessibility_problems(again) == []
    again.screenshot(path=str(screenshots / "portal-link-refused.png"))
    again.context.close()
    refused = requests.post(f"{demo.base}/api/portal/sessions", json={"token": _token(path)}, timeout=15)
    assert refused.status_code == 401


def test_expired_and_forged_links_are_refused(visitor_page, demo, system):
    office = Office(demo)
    email = "riley.portal@example.com"
    customer = _customer(office, "Riley Moreno", email)
    path = _invite_link(office, system, customer["id"], email)

    forged = path[:-4] + ("AAAA" if not path.endswith("AAAA") else "BBBB")
    visitor_page.goto(forged)
    expect(visitor_page.get_by_role("heading", name="This link is no longer valid")).to_be_visible()
    assert requests.post(f"{demo.base}/api/portal/sessions", json={"token": _token(forged)}, timeout=15).status_code == 401

    engine = create_engine(system.process("customers", "web").env["FIELDWORK_CUSTOMERS_DATABASE_URL"])
    with engine.begin() as connection:
        connection.execute(text("UPDATE portal_invites SET expires_at = now() - interval '1 minute' "
                                "WHERE customer_id = :c"), {"c": customer["id"]})
    engine.dispose()
    visitor_page.goto(path)
    expect(visitor_page.get_by_role("heading", name="This link is no longer valid")).to_be_visible()
    assert requests.post(f"{demo.base}/api/portal/sessions", json={"token": _token(path)}, timeout=15).status_code == 401
    # Without a session the page itself says so, never a blank page or the office's sign-in.
    visitor_page.goto("/portal")
    expect(visitor_page.get_by_role("heading", name="This link is no longer valid")).to_be_visible()
    expect(visitor_page.get_by_text("Sign in")).to_have_count(0)
