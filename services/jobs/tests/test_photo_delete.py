"""Deleting a photo: gone from the lists and its files, the timeline keeps that it was added and who removed it."""
import io

from PIL import Image


def png(width=120, height=90) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def upload(client, auth, path, caption="Water heater label"):
    response = client.post(path, data={"file": (io.BytesIO(png()), "label.png"), "caption": caption}, headers=auth,
                           content_type="multipart/form-data")
    assert response.status_code == 201, response.json
    return response.json


def files(photo_dir):
    return sorted(path.name for path in photo_dir.rglob("*") if path.is_file())


def test_a_deleted_photo_leaves_the_lists_and_its_files(client, auth, customer_id, photo_dir):
    job = client.post("/jobs", json={"customer_id": customer_id, "title": "Heater swap"}, headers=auth).json
    kept = upload(client, auth, f"/customers/{customer_id}/photos", caption="Driveway")
    gone = upload(client, auth, f"/jobs/{job['id']}/photos")
    assert f"{gone['id']}.png" in files(photo_dir)
    deleted = client.delete(f"/photos/{gone['id']}", headers=auth)
    assert deleted.status_code == 204, deleted.json
    listed = client.get(f"/customers/{customer_id}/photos", headers=auth).json["items"]
    assert [p["id"] for p in listed] == [kept["id"]]
    assert client.get(f"/jobs/{job['id']}/photos", headers=auth).json["items"] == []
    assert client.get(f"/photos/{gone['id']}", headers=auth).status_code == 404
    assert client.get(f"/photos/{gone['id']}/thumbnail", headers=auth).status_code == 404
    assert not [name for name in files(photo_dir) if name.startswith(gone["id"])]
    assert client.delete(f"/photos/{gone['id']}", headers=auth).status_code == 404


def test_the_timeline_keeps_the_photo_without_its_link_and_says_who_removed_it(client, auth, customer_id):
    photo = upload(client, auth, f"/customers/{customer_id}/photos")
    client.delete(f"/photos/{photo['id']}", headers=auth)
    items = client.get(f"/customers/{customer_id}/activity", headers=auth).json["items"]
    mine = [(item["title"], item.get("link")) for item in items if item["kind"] == "photo"]
    assert len(mine) == 2 and all(link is None for _, link in mine)
    assert mine[0][0].startswith("Photo removed from the customer by ")
    assert mine[1][0] == "Photo added to the customer"


def test_another_account_cannot_delete_a_photo(client, auth, other_auth, customer_id, photo_dir):
    photo = upload(client, auth, f"/customers/{customer_id}/photos")
    assert client.delete(f"/photos/{photo['id']}", headers=other_auth).status_code == 404
    assert client.get(f"/photos/{photo['id']}", headers=auth).status_code == 200
    assert f"{photo['id']}.png" in files(photo_dir)
