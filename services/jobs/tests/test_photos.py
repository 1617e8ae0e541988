"""Photos: uploads to a job or a customer, checked with Pillow, thumbnails, listing with the job."""
import io
import os

from PIL import Image



def png(width=640, height=480) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(out, format="PNG")
    return out.getvalue()


def upload(client, auth, path, data, name="door.png", caption="Broken spring"):
    return client.post(path, data={"file": (io.BytesIO(data), name), "caption": caption}, headers=auth,
                       content_type="multipart/form-data")


def test_photos_on_a_job_and_on_the_customer_are_listed_with_their_job(client, auth, customer_id):
    job = client.post("/jobs", json={"customer_id": customer_id, "title": "Spring repair"}, headers=auth).json
    on_job = upload(client, auth, f"/jobs/{job['id']}/photos", png())
    assert on_job.status_code == 201, on_job.json
    assert (on_job.json["width"], on_job.json["height"], on_job.json["content_type"]) == (640, 480, "image/png")
    on_customer = upload(client, auth, f"/customers/{customer_id}/photos", png(100, 100), caption="Driveway")
    assert on_customer.status_code == 201
    listed = client.get(f"/customers/{customer_id}/photos", headers=auth).json["items"]
    assert [(p["caption"], p["job_number"]) for p in listed] == [("Driveway", None),
                                                                 ("Broken spring", job["number"])]
    assert on_job.json["url"] == f"/api/photos/{on_job.json['id']}"  # public: it resolves through the gateway
    image = client.get(on_job.json["url"].removeprefix("/api"), headers=auth)
    assert image.status_code == 200 and image.mimetype == "image/png" and image.data == png()
    thumbnail = Image.open(io.BytesIO(client.get(on_job.json["thumbnail_url"].removeprefix("/api"), headers=auth).data))
    assert thumbnail.format == "JPEG" and max(thumbnail.size) == 320


def test_oversized_or_non_image_uploads_are_refused(app, client, auth, customer_id):
    limit = app.extensions["fieldwork"].adapters["image_rules"].max_bytes
    too_big = upload(client, auth, f"/customers/{customer_id}/photos", os.urandom(limit + 1))
    assert too_big.status_code == 413
    not_image = upload(client, auth, f"/customers/{customer_id}/photos", b"%PDF-1.4 not a photo", name="x.jpg")
    assert not_image.status_code == 422 and "file" in not_image.json["error"]["fields"]
    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, format="GIF")
    assert upload(client, auth, f"/customers/{customer_id}/photos", gif.getvalue()).status_code == 422
    missing = client.post(f"/customers/{customer_id}/photos", data={"caption": "x"}, headers=auth,
                          content_type="multipart/form-data")
    assert missing.status_code == 422 and "file" in missing.json["error"]["fields"]
    assert client.get(f"/customers/{customer_id}/photos", headers=auth).json["items"] == []


def test_photos_of_another_account_are_404(client, auth, other_auth, customer_id):
    photo = upload(client, auth, f"/customers/{customer_id}/photos", png(50, 50)).json
    assert client.get(photo["url"].removeprefix("/api"), headers=other_auth).status_code == 404
    assert client.get(photo["thumbnail_url"].removeprefix("/api"), headers=other_auth).status_code == 404
    assert upload(client, other_auth, f"/customers/{customer_id}/photos", png()).status_code == 404


def test_a_photo_for_another_accounts_job_is_404(client, auth, other_auth, customer_id):
    job = client.post("/jobs", json={"customer_id": customer_id, "title": "Mine"}, headers=auth).json
    assert upload(client, other_auth, f"/jobs/{job['id']}/photos", png()).status_code == 404
    assert client.get(f"/customers/{customer_id}/photos", headers=auth).json["items"] == []
