"""One account's bad input never opens a service's breaker for every account.

The breakers are shared by all accounts, so a caller hammering a route with input the service refuses (or, before
the services refused it, answered with a 500) must leave every other account's workspace whole.
"""
from __future__ import annotations

import io
import time
import uuid

from PIL import Image

import seed

WORKSPACE_SECTIONS = ("profile", "header", "pinned_notes", "jobs", "estimates", "plans", "recent_activity",
                      "invoices", "communications", "insights", "timeline")
THRESHOLD = 3


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def _workspace_sections(gateway, customer_id, headers) -> dict:
    response = gateway.get(f"/api/customers/{customer_id}/workspace", headers=headers)
    assert response.status_code == 200, response.json
    return {name: response.json[name]["status"] for name in WORKSPACE_SECTIONS}


def _all_ok_once_insights_knows(gateway, customer_id, headers) -> dict:
    # insights learns of the customer from events (relay → RabbitMQ → its consumer): give it a moment
    ends = time.monotonic() + 30
    while True:
        sections = _workspace_sections(gateway, customer_id, headers)
        if sections["insights"] == "ok" or time.monotonic() > ends:
            return sections
        time.sleep(0.5)


def _bad_requests(gateway, headers, customer_id: str, job_id: str):
    """Input a caller may send that every service must refuse, one service after the other."""
    read_only = headers(perms=["customers:view"])
    photo = _png()

    def upload(filename: str, data: bytes = photo):
        return gateway.post(f"/api/jobs/{job_id}/photos", headers=headers(), content_type="multipart/form-data",
                            data={"file": (io.BytesIO(data), filename), "caption": "x"})

    return [
        ("NUL in a search", lambda: gateway.get("/api/customers", query_string="q=a%00b", headers=read_only)),
        ("photo named past 255 characters", lambda: upload("x" * 300 + ".png")),
        ("photo named with a NUL", lambda: upload("a\x00b.png")),
        ("photo that is not an image", lambda: upload("x.png", b"not an image")),
        ("multipart without its boundary", lambda: gateway.post(
            f"/api/jobs/{job_id}/photos", headers={**headers(), "Content-Type": "multipart/form-data"}, data=b"--x")),
        ("invoice for no customer", lambda: gateway.post("/api/invoices", headers=headers(),
                                                         json={"customer_id": "nope", "lines": "many"})),
        ("NUL in a message", lambda: gateway.post("/api/communications", headers=headers(), json={
            "customer_id": customer_id, "channel": "call", "direction": "inbound", "body": "a\x00b"})),
        ("insights of no customer", lambda: gateway.get(f"/api/customers/{uuid.uuid4()}/insights", headers=headers())),
    ]


def test_one_account_hammering_bad_input_leaves_every_other_workspace_whole(make_gateway, headers_for):
    gateway = make_gateway(breaker_failures=THRESHOLD)
    other_account = uuid.uuid4()
    theirs = lambda **kw: headers_for(account=other_account, **kw)  # noqa: E731
    victim = seed.full_customer(gateway, theirs())
    attacker = seed.customer(gateway, headers_for(), name="Hammering Tenant")
    attackers_job = seed.job(gateway, headers_for(), attacker["id"])
    assert _all_ok_once_insights_knows(gateway, victim["id"], theirs()) == dict.fromkeys(WORKSPACE_SECTIONS, "ok")

    answered = {}
    for _ in range(THRESHOLD * 3):
        for name, send in _bad_requests(gateway, headers_for, attacker["id"], attackers_job["id"]):
            answered.setdefault(name, set()).add(send().status_code)
        assert _workspace_sections(gateway, victim["id"], theirs()) == dict.fromkeys(WORKSPACE_SECTIONS, "ok")
    # each was refused by its service, the caller told why (never a 500, nor a 503 from a breaker they opened)
    assert all(400 <= status < 500 for statuses in answered.values() for status in statuses), answered
    breakers = {name: client.breaker.state for name, client in
                gateway.application.extensions["fieldwork"].adapter("upstreams").clients.items()}
    assert breakers == dict.fromkeys(breakers, "closed")
