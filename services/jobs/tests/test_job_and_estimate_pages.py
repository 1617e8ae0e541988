"""What the job and estimate pages ask beyond the record: a job's own photos, and the job of an estimate approved
without one."""
import datetime as dt
import io

from PIL import Image


def png(width=64, height=48) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (40, 40, 200)).save(out, format="PNG")
    return out.getvalue()


def upload(client, auth, path, caption):
    response = client.post(path, data={"file": (io.BytesIO(png()), "roof.png"), "caption": caption}, headers=auth,
                           content_type="multipart/form-data")
    assert response.status_code == 201, response.json
    return response.json


def new_job(client, auth, customer_id, title="Roof vent"):
    response = client.post("/jobs", json={"customer_id": customer_id, "title": title}, headers=auth)
    assert response.status_code == 201, response.json
    return response.json


def test_a_jobs_photos_are_its_own_newest_first_and_page(client, auth, customer_id):
    job, other = new_job(client, auth, customer_id), new_job(client, auth, customer_id, "Gutter")
    for caption in ("Before", "During", "After"):
        upload(client, auth, f"/jobs/{job['id']}/photos", caption)
    upload(client, auth, f"/jobs/{other['id']}/photos", "Other job")
    upload(client, auth, f"/customers/{customer_id}/photos", "The customer's own")

    first = client.get(f"/jobs/{job['id']}/photos?limit=2", headers=auth)
    assert first.status_code == 200, first.json
    assert [p["caption"] for p in first.json["items"]] == ["After", "During"]
    assert {p["job_number"] for p in first.json["items"]} == {job["number"]}
    rest = client.get(f"/jobs/{job['id']}/photos?limit=2&cursor={first.json['next_cursor']}", headers=auth).json
    assert [p["caption"] for p in rest["items"]] == ["Before"] and rest["next_cursor"] is None
    assert rest["items"][0]["thumbnail_url"] == f"/api/photos/{rest['items'][0]['id']}/thumbnail"


def test_another_accounts_job_photos_are_404(client, auth, other_auth, customer_id):
    job = new_job(client, auth, customer_id)
    upload(client, auth, f"/jobs/{job['id']}/photos", "Mine")
    assert client.get(f"/jobs/{job['id']}/photos", headers=other_auth).status_code == 404


def quote(client, auth, customer_id):
    body = {"customer_id": customer_id, "title": "Water heater", "property_address": "4 Elm St",
            "line_items": [{"description": "Heater", "quantity": 1, "unit_price_cents": 120000}],
            "valid_until": (dt.date.today() + dt.timedelta(days=30)).isoformat()}
    response = client.post("/estimates", json=body, headers=auth)
    assert response.status_code == 201, response.json
    return response.json


def test_an_estimate_approved_without_a_job_converts_into_one_once(app, client, auth, customer_id, account_id,
                                                                   emitted):
    estimate = quote(client, auth, customer_id)
    assert client.post(f"/estimates/{estimate['id']}/status", json={"to": "sent"}, headers=auth).status_code == 200
    approved = client.post(f"/estimates/{estimate['id']}/approve", json={"create_job": False}, headers=auth).json
    assert approved["status"] == "approved" and approved["job_id"] is None

    converted = client.post(f"/estimates/{estimate['id']}/job", json={"scheduled_start": "2031-03-04T14:00:00Z",
                                                                      "scheduled_end": "2031-03-04T16:00:00Z"},
                            headers=auth)
    assert converted.status_code == 200, converted.json
    job = client.get(f"/jobs/{converted.json['job_id']}", headers=auth).json
    assert (job["status"], job["estimate_id"], job["total_cents"]) == ("scheduled", estimate["id"], 120000)
    assert job["scheduled_start"].startswith("2031-03-04T14:00")
    assert [e["data"]["job"]["id"] for e in emitted(app, account_id, "job.created")] == [job["id"]]

    again = client.post(f"/estimates/{estimate['id']}/job", json={}, headers=auth)
    assert again.status_code == 409 and "already has a job" in again.json["error"]["message"]


def test_only_an_approved_estimate_converts(client, auth, customer_id):
    estimate = quote(client, auth, customer_id)
    refused = client.post(f"/estimates/{estimate['id']}/job", json={}, headers=auth)
    assert refused.status_code == 409
    assert client.get(f"/estimates/{estimate['id']}", headers=auth).json["job_id"] is None
    window = client.post(f"/estimates/{estimate['id']}/job", json={"scheduled_end": "2031-03-04T16:00:00Z"},
                         headers=auth)
    assert window.status_code == 409  # the status is checked before the window: a draft converts to nothing
