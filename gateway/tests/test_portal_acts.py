"""What a portal visitor does with their own records: decline an estimate, open an invoice (marked viewed), upload
photos, ask for service. Each act: the visitor's own record goes through, another customer's is 404, no session 401."""
from __future__ import annotations

import io

import pytest
from PIL import Image

import seed
from test_portal import invited, magic_link_token  # noqa: F401 (fixtures)


def _session(gateway, token) -> dict:
    opened = gateway.post("/api/portal/sessions", json={"token": token})
    assert opened.status_code == 201, opened.json
    return {"Authorization": f"Bearer {opened.json['session']}"}


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def _photo(caption: str | None = None) -> dict:
    form = {"file": (io.BytesIO(_png()), "leak.png", "image/png")}
    if caption is not None:
        form["caption"] = caption
    return form


@pytest.fixture
def visitor(gateway, invited, headers_for):  # noqa: F811
    customer, token = invited
    other = seed.customer(gateway, headers_for(), "Someone Else")
    return customer, _session(gateway, token), other


@pytest.fixture
def stranger(make_gateway):
    """A client without the portal cookie the visitor's client now carries."""
    return make_gateway()


def test_the_customer_declines_their_own_estimate_only(gateway, headers_for, visitor, stranger):
    customer, session, other = visitor
    headers = headers_for()
    mine = seed.estimate(gateway, headers, customer["id"], "Heat pump")
    foreign = seed.estimate(gateway, headers, other["id"], "Not yours")
    for estimate in (mine, foreign):
        assert gateway.post(f"/api/estimates/{estimate['id']}/status", headers=headers,
                            json={"to": "sent"}).status_code == 200

    assert stranger.post(f"/api/portal/estimates/{mine['id']}/decline").status_code == 401
    assert gateway.post(f"/api/portal/estimates/{foreign['id']}/decline", headers=session).status_code == 404
    declined = gateway.post(f"/api/portal/estimates/{mine['id']}/decline", headers=session)
    assert declined.status_code == 200, declined.json
    assert declined.json["status"] == "declined" and declined.json["title"] == "Heat pump"
    assert "created_by" not in declined.json, "the answer is the customer-facing estimate, nothing internal"
    assert gateway.get(f"/api/estimates/{mine['id']}", headers=headers).json["status"] == "declined"
    assert gateway.get(f"/api/estimates/{foreign['id']}", headers=headers).json["status"] == "sent"
    assert gateway.post(f"/api/portal/estimates/{mine['id']}/decline", headers=session).status_code == 404
    assert gateway.get("/api/portal/me", headers=session).json["estimates_to_approve"]["items"] == []


def test_opening_an_invoice_marks_it_viewed(gateway, headers_for, visitor, stranger):
    customer, session, other = visitor
    headers = headers_for()
    invoice = gateway.get("/api/portal/me", headers=session).json["invoices"]["items"][0]
    assert gateway.get(f"/api/invoices/{invoice['id']}", headers=headers).json["status"] == "sent"
    foreign = seed.invoice(gateway, headers, other["id"])

    assert stranger.get(invoice["pdf"]).status_code == 401
    assert gateway.get(f"/api/portal/invoices/{foreign['id']}/pdf", headers=session).status_code == 404
    assert gateway.get(f"/api/invoices/{foreign['id']}", headers=headers).json["viewed_at"] is None
    pdf = gateway.get(invoice["pdf"], headers=session)
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    seen = gateway.get(f"/api/invoices/{invoice['id']}", headers=headers).json
    assert seen["status"] == "viewed" and seen["viewed_at"]


def test_the_customer_uploads_photos_of_their_own_job_and_property(gateway, headers_for, visitor, stranger):
    customer, session, other = visitor
    headers = headers_for()
    job = seed.job(gateway, headers, customer["id"], "Leaking valve")
    foreign_job = seed.job(gateway, headers, other["id"], "Not yours")
    place = customer["properties"][0]
    foreign_place = other["properties"][0]

    assert stranger.post(f"/api/portal/jobs/{job['id']}/photos", data=_photo()).status_code == 401
    assert gateway.post(f"/api/portal/jobs/{foreign_job['id']}/photos", headers=session,
                        data=_photo()).status_code == 404
    assert gateway.post(f"/api/portal/properties/{foreign_place['id']}/photos", headers=session,
                        data=_photo()).status_code == 404
    refused = gateway.post(f"/api/portal/jobs/{job['id']}/photos", headers=session,
                           data={"file": (io.BytesIO(b"not an image"), "notes.png", "image/png")})
    assert refused.status_code in (415, 422), refused.json

    on_job = gateway.post(f"/api/portal/jobs/{job['id']}/photos", headers=session, data=_photo("Under the sink"))
    assert on_job.status_code == 201, on_job.json
    assert on_job.json["job_id"] == job["id"] and on_job.json["caption"] == "Under the sink"
    at_home = gateway.post(f"/api/portal/properties/{place['id']}/photos", headers=session, data=_photo("Gate"))
    assert at_home.status_code == 201, at_home.json

    photos = gateway.get(f"/api/customers/{customer['id']}/photos", headers=headers).json["items"]
    assert {(p["job_id"], p["caption"]) for p in photos} == {(job["id"], "Under the sink"),
                                                            (None, "12 Oak St, Springfield: Gate")}
    assert gateway.get(f"/api/customers/{other['id']}/photos", headers=headers).json["items"] == []


def test_the_customer_requests_service_as_a_draft_job(gateway, headers_for, visitor, stranger):
    customer, session, other = visitor
    headers = headers_for()
    place = customer["properties"][0]
    request = {"title": "Furnace makes a noise", "description": "A rattle at start-up.", "property_id": place["id"]}

    assert stranger.post("/api/portal/service-requests", json=request).status_code == 401
    foreign = gateway.post("/api/portal/service-requests", headers=session,
                           json={**request, "property_id": other["properties"][0]["id"]})
    assert foreign.status_code == 422 and "property_id" in foreign.json["error"]["fields"]
    blank = gateway.post("/api/portal/service-requests", headers=session, json={"title": ""})
    assert blank.status_code == 422 and "title" in blank.json["error"]["fields"]

    asked = gateway.post("/api/portal/service-requests", headers=session, json=request)
    assert asked.status_code == 201, asked.json
    assert asked.json["status"] == "draft" and asked.json["property_address"].startswith("12 Oak St")
    job = gateway.get(f"/api/jobs/{asked.json['id']}", headers=headers).json
    assert job["customer_id"] == customer["id"] and job["description"] == "A rattle at start-up."
    assert job["created_by"] == f"portal:{customer['id']}" and "client portal" in job["notes"]
    other_jobs = gateway.get(f"/api/customers/{other['id']}/jobs", headers=headers).json["items"]
    assert other_jobs == []


def _completed_job(gateway, headers, customer_id, title) -> dict:
    job = gateway.post("/api/jobs", headers=headers, json={"customer_id": customer_id, "title": title,
                                                            "status": "scheduled",
                                                            "scheduled_start": "2026-01-05T14:00:00Z"})
    assert job.status_code == 201, job.json
    for status in ("in_progress", "completed"):
        moved = gateway.post(f"/api/jobs/{job.json['id']}/status", headers=headers, json={"to": status})
        assert moved.status_code == 200, moved.json
    return job.json


def test_the_customer_reviews_their_own_completed_job(gateway, headers_for, visitor, stranger):
    customer, session, other = visitor
    headers = headers_for()
    done = _completed_job(gateway, headers, customer["id"], "Furnace repair")
    foreign = _completed_job(gateway, headers, other["id"], "Not yours")
    open_job = seed.job(gateway, headers, customer["id"], "Not done yet")
    to_review = gateway.get("/api/portal/me", headers=session).json["jobs_to_review"]
    assert to_review["status"] == "ok" and [j["title"] for j in to_review["items"]] == ["Furnace repair"]

    review = {"rating": 4, "comment": "On time and tidy."}
    assert stranger.post(f"/api/portal/jobs/{done['id']}/review", json=review).status_code == 401
    assert gateway.post(f"/api/portal/jobs/{foreign['id']}/review", headers=session, json=review).status_code == 404
    assert gateway.post(f"/api/portal/jobs/{open_job['id']}/review", headers=session, json=review).status_code == 409
    bad = gateway.post(f"/api/portal/jobs/{done['id']}/review", headers=session, json={"rating": 6})
    assert bad.status_code == 422 and "rating" in bad.json["error"]["fields"]

    sent = gateway.post(f"/api/portal/jobs/{done['id']}/review", headers=session, json=review)
    assert sent.status_code == 201, sent.json
    assert sent.json["rating"] == 4 and sent.json["job_title"] == "Furnace repair" and "customer_id" not in sent.json
    assert gateway.post(f"/api/portal/jobs/{done['id']}/review", headers=session, json=review).status_code == 409
    assert gateway.get("/api/portal/me", headers=session).json["jobs_to_review"]["items"] == []
    reviews = gateway.get(f"/api/customers/{customer['id']}/reviews", headers=headers).json["items"]
    assert [(r["job_id"], r["rating"], r["comment"]) for r in reviews] == [(done["id"], 4, "On time and tidy.")]
    assert gateway.get(f"/api/customers/{other['id']}/reviews", headers=headers).json["items"] == []
