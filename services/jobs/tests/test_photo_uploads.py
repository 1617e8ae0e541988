"""Photo uploads that go wrong: a bad file name is refused on the field, and no file outlives its rows."""
from __future__ import annotations

import datetime as dt
import io
import re
import uuid

import pytest
from PIL import Image
from sqlalchemy import func, select

from jobs.adapters.images import ImageRules
from jobs.adapters.orm import ActivityEntry, Photo
from jobs.adapters.storage import LocalDirectoryStorage
from jobs.service_layer.photos import add_photo


def png(width=64, height=48) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (40, 200, 40)).save(out, format="PNG")
    return out.getvalue()


def upload(client, auth, path, name, data=None):
    return client.post(path, data={"file": (io.BytesIO(data or png()), name), "caption": "Side door"}, headers=auth,
                       content_type="multipart/form-data")


def files_of(photo_dir, account_id) -> list[str]:
    folder = photo_dir / str(account_id)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def photo_rows(app, account_id) -> int:
    with app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
        return session.scalar(select(func.count()).select_from(Photo))


@pytest.mark.parametrize("name, message", [("x" * 252 + ".png", "at most 255"),
                                           ("door\x00.png", "NUL|control characters"),
                                           ("door\t.png", "control characters")])
def test_a_bad_file_name_is_refused_on_the_field_and_nothing_is_kept(app, client, auth, account_id, customer_id,
                                                                    photo_dir, name, message):
    response = upload(client, auth, f"/customers/{customer_id}/photos", name)
    assert response.status_code == 422, response.json
    assert re.search(message, " ".join(response.json["error"]["fields"]["file"]))
    assert files_of(photo_dir, account_id) == [] and photo_rows(app, account_id) == 0


def test_a_long_but_allowed_file_name_is_kept_as_sent(client, auth, customer_id):
    name = "x" * 251 + ".png"
    response = upload(client, auth, f"/customers/{customer_id}/photos", name)
    assert response.status_code == 201, response.json
    assert response.json["filename"] == name


def test_the_file_sent_as_text_is_refused(client, auth, customer_id):
    response = client.post(f"/customers/{customer_id}/photos", data={"file": "not a file"}, headers=auth,
                           content_type="multipart/form-data")
    assert response.status_code == 422 and "file" in response.json["error"]["fields"]


def _add(session, storage, customer_id):
    return add_photo(session, storage, ImageRules(), png(), customer_id=uuid.UUID(customer_id), job=None,
                     filename="door.png", caption=None, by="user:test", now=dt.datetime.now(dt.UTC))


def test_the_files_go_when_the_transaction_that_holds_their_rows_rolls_back(app, account_id, customer_id,
                                                                          photo_dir):
    storage = LocalDirectoryStorage(photo_dir)
    with pytest.raises(RuntimeError):
        with app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
            _add(session, storage, customer_id)
            assert len(files_of(photo_dir, account_id)) == 2  # image and thumbnail, written with the rows
            raise RuntimeError("something later in the same unit of work failed")
    assert files_of(photo_dir, account_id) == [] and photo_rows(app, account_id) == 0


def test_the_files_go_when_the_session_is_closed_without_a_commit(app, account_id, customer_id, photo_dir):
    session = app.extensions["fieldwork"].database.session(account_id=account_id)
    _add(session, LocalDirectoryStorage(photo_dir), customer_id)
    assert len(files_of(photo_dir, account_id)) == 2
    session.close()  # as after a commit that failed, or a request that ended without one
    assert files_of(photo_dir, account_id) == [] and photo_rows(app, account_id) == 0


def test_the_files_stay_once_their_rows_are_committed(app, account_id, customer_id, photo_dir):
    storage = LocalDirectoryStorage(photo_dir)
    session = app.extensions["fieldwork"].database.session(account_id=account_id)
    try:
        photo = _add(session, storage, customer_id)
        kept = sorted(key.partition("/")[2] for key in (photo.storage_key, photo.thumbnail_key))
        session.commit()
        session.execute(select(func.count()).select_from(ActivityEntry))
        session.rollback()  # a later transaction of the same session does not take the committed photo's files
    finally:
        session.close()
    assert files_of(photo_dir, account_id) == kept


class _FullDisk(LocalDirectoryStorage):
    """Local storage whose disk fills up at the thumbnail."""

    def save(self, key: str, data: bytes) -> None:
        if ".thumb." in key:
            raise OSError(28, "No space left on device")
        super().save(key, data)


def test_a_storage_failure_leaves_neither_a_file_nor_a_row(app, account_id, customer_id, photo_dir):
    with pytest.raises(OSError):
        with app.extensions["fieldwork"].database.transaction(account_id=account_id) as session:
            _add(session, _FullDisk(photo_dir), customer_id)
    assert files_of(photo_dir, account_id) == [] and photo_rows(app, account_id) == 0


def test_a_failed_write_leaves_no_partial_file(tmp_path):
    storage = LocalDirectoryStorage(tmp_path)
    key = f"{uuid.uuid4()}/{uuid.uuid4()}.png"
    (tmp_path / key).mkdir(parents=True)  # the rename onto the key fails
    with pytest.raises(OSError):
        storage.save(key, png())
    assert [p.name for p in (tmp_path / key).parent.iterdir()] == [key.rpartition("/")[2]]


def test_the_document_says_uploads_are_multipart_with_a_binary_file_and_photos_are_images(client):
    document = client.get("/openapi.json").json
    schemas = document["components"]["schemas"]
    for path in ("/jobs/{job_id}/photos", "/customers/{customer_id}/photos"):
        body = document["paths"][path]["post"]["requestBody"]
        assert list(body["content"]) == ["multipart/form-data"], path
        schema = schemas[body["content"]["multipart/form-data"]["schema"]["$ref"].rpartition("/")[2]]
        assert schema["properties"]["file"] == {"type": "string", "format": "binary"}
        assert "file" in schema["required"]
    image = document["paths"]["/photos/{photo_id}"]["get"]["responses"]["200"]["content"]
    assert set(image) == {"image/jpeg", "image/png", "image/webp"}
    assert all(media["schema"] == {"type": "string", "format": "binary"} for media in image.values())
    thumbnail = document["paths"]["/photos/{photo_id}/thumbnail"]["get"]["responses"]["200"]["content"]
    assert thumbnail == {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}}
