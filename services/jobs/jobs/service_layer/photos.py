"""Photo use cases: check an upload, store it and its thumbnail, note it on the customer's timeline; delete one."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import event, update
from sqlalchemy.orm import Session

from chassis.activity import api_link
from chassis.customer_directory import KnownCustomer, require_customer, visible_customer
from chassis.db import found
from chassis.references import CallersApi
from jobs.adapters.images import ImageRules
from jobs.adapters.orm import ActivityEntry, Job, Photo
from jobs.adapters.storage import PhotoStorage
from jobs.service_layer.records import add_activity


def customer_to_photograph(session: Session, customer_id: uuid.UUID, api: CallersApi) -> KnownCustomer:
    """The customer an upload's path names: 404 for one this account does not have (as any read answers), 422 for a
    merged one; an archived customer still takes photos."""
    visible_customer(session, customer_id, api)
    return require_customer(session, customer_id, api, allow_archived=True)


def add_photo(session: Session, storage: PhotoStorage, rules: ImageRules, data: bytes, *,
              customer_id: uuid.UUID, job: Job | None, filename: str | None, caption: str | None, by: str,
              now: dt.datetime) -> Photo:
    image = rules.check(data)
    photo_id = uuid.uuid4()
    folder = session.info["account_id"]
    photo = Photo(id=photo_id, customer_id=customer_id, job_id=job.id if job else None, caption=caption,
                  filename=filename, content_type=image.content_type, size_bytes=len(data), width=image.width,
                  height=image.height, storage_key=f"{folder}/{photo_id}.{image.extension}",
                  thumbnail_key=f"{folder}/{photo_id}.thumb.jpg", uploaded_by=by, uploaded_at=now)
    session.add(photo)
    where = f"job {job.number}" if job else "the customer"
    add_activity(session, customer_id=customer_id, record_id=photo_id, kind="photo", at=now,
                 title=f"Photo added to {where}", summary=caption, link=api_link(f"/photos/{photo_id}"))
    session.flush()  # rows the database refuses fail here, before any file is written
    _store_with_the_rows(session, storage, {photo.storage_key: data, photo.thumbnail_key: image.thumbnail})
    return photo


def _store_with_the_rows(session: Session, storage: PhotoStorage, files: dict[str, bytes]) -> None:
    """Writes the files, and deletes them again unless the transaction that holds their rows commits.

    The files cannot join the database transaction, so they follow it: written once the rows are in, removed when
    the transaction ends any other way (rolled back, a commit that failed, a session closed without one), so
    neither a row pointing at nothing nor a file nobody references is left.
    """
    unsettled = set(files)

    def delete_unsettled(*_) -> None:
        while unsettled:
            storage.delete(unsettled.pop())

    def transaction_ended(_session, transaction) -> None:
        if transaction.parent is None:  # the outermost one; a savepoint's end decides nothing
            delete_unsettled()

    event.listen(session, "after_commit", lambda *_: unsettled.clear())  # runs before the transaction's end
    event.listen(session, "after_transaction_end", transaction_ended)
    try:
        for key, content in files.items():
            storage.save(key, content)
    except BaseException:
        delete_unsettled()
        raise


def load_photo(session: Session, photo_id: uuid.UUID) -> Photo:
    return found(session, Photo, photo_id, "photo")


def delete_photo(session: Session, storage: PhotoStorage, photo: Photo, *, by: str, now: dt.datetime) -> None:
    """Removes the photo; its files go once the removal commits, so a rollback leaves the photo whole.

    The timeline keeps that it was added, without the link to an image that is gone, and notes who removed it.
    """
    job = session.get(Job, photo.job_id) if photo.job_id else None
    session.execute(update(ActivityEntry).where(ActivityEntry.record_id == photo.id).values(link=None))
    add_activity(session, customer_id=photo.customer_id, record_id=photo.id, kind="photo", at=now,
                 title=f"Photo removed from {f'job {job.number}' if job else 'the customer'} by {by}",
                 summary=photo.caption or photo.filename)
    keys = (photo.storage_key, photo.thumbnail_key)
    session.delete(photo)
    session.flush()
    event.listen(session, "after_commit", lambda *_: [storage.delete(key) for key in keys], once=True)
