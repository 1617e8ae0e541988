"""Every link the API hands out resolves through the gateway: timeline items, photos, insight cards, merge history."""
from __future__ import annotations

import io

from PIL import Image

import seed


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, "PNG")
    return buffer.getvalue()


def _links_of(workspace: dict, timeline: dict, photos: dict) -> set[str]:
    links = {item["link"] for item in workspace["timeline"]["items"] + timeline["items"] if item.get("link")}
    links |= {photo[key] for photo in photos["items"] for key in ("url", "thumbnail_url")}
    cards = (workspace.get("insights", {}).get("data") or {}).get("cards", [])
    links |= {card["link"]["href"] for card in cards if card.get("link") and card["link"]["kind"] != "statement"}
    return links


def test_every_link_the_api_hands_out_resolves_through_the_gateway(gateway, headers_for):
    headers = headers_for()
    customer = seed.full_customer(gateway, headers)
    job = seed.job(gateway, headers, customer["id"], "Garage door")
    seed.ok(gateway.post(f"/api/jobs/{job['id']}/photos", headers=headers, content_type="multipart/form-data",
                         data={"file": (io.BytesIO(_png()), "door.png"), "caption": "Spring"}))
    invoice = seed.invoice(gateway, headers, customer["id"], cents=9000)
    seed.ok(gateway.post("/api/payments", headers=headers, json={
        "customer_id": customer["id"], "amount_cents": 9000, "method": "cash",
        "allocations": [{"invoice_id": invoice["id"], "amount_cents": 9000}]}))
    workspace = seed.ok(gateway.get(f"/api/customers/{customer['id']}/workspace", headers=headers))
    timeline = seed.ok(gateway.get(f"/api/customers/{customer['id']}/timeline?limit=50", headers=headers))
    photos = seed.ok(gateway.get(f"/api/customers/{customer['id']}/photos", headers=headers))

    links = _links_of(workspace, timeline, photos)
    kinds = {link.split("/")[2] for link in links}
    assert {"jobs", "estimates", "invoices", "payments", "communications", "photos"} <= kinds, links
    for link in sorted(links):
        assert link.startswith("/api/"), link
        assert gateway.get(link, headers=headers).status_code == 200, link


def test_merge_history_answers_through_the_gateway(gateway, headers_for):
    headers = headers_for()
    kept = seed.customer(gateway, headers, "Dana Whitfield")
    duplicate = seed.customer(gateway, headers, "Dana Whitfeld")
    seed.ok(gateway.post(f"/api/customers/{kept['id']}/merge", headers=headers, json={"duplicate_id": duplicate["id"]}))
    history = seed.ok(gateway.get(f"/api/customers/{kept['id']}/merges", headers=headers))
    assert [merge.get("duplicate_id") for merge in history["items"]] == [duplicate["id"]]
