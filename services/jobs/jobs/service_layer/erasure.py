"""An erased customer's work keeps its numbers, dates, statuses and amounts, and loses what is about the person: the
titles and free text written about them, the property addresses kept on rows, photos (files and rows), review
comments, the field values of the change history and the words of the timeline."""
from __future__ import annotations

from fieldwork_contracts.customers import CustomerErased
from sqlalchemy import delete, event, func, select, update
from sqlalchemy.orm import Session

from jobs.adapters.orm import ActivityEntry, Change, Estimate, Job, Photo, Plan, Review, Visit
from jobs.adapters.storage import PhotoStorage

ERASED_TITLE = "Erased"


def _files_after_commit(session: Session, storage: PhotoStorage, keys: list[str]) -> None:
    # Files cannot join the transaction: they go once the rows' removal commits, so a rollback leaves both.
    event.listen(session, "after_commit", lambda *_: [storage.delete(key) for key in keys], once=True)


def erase_customer(session: Session, storage: PhotoStorage, erased: CustomerErased) -> None:
    ids = erased.ids
    for model in (Job, Estimate):
        session.execute(update(model).where(model.customer_id.in_(ids))
                        .values(title=ERASED_TITLE, description=None, property_address=None))
    session.execute(update(Job).where(Job.customer_id.in_(ids)).values(notes=None))
    session.execute(update(Visit).where(Visit.customer_id.in_(ids)).values(notes=None))
    session.execute(update(Plan).where(Plan.customer_id.in_(ids)).values(property_address=None))
    session.execute(update(Review).where(Review.customer_id.in_(ids)).values(comment=None, job_title=ERASED_TITLE))
    session.execute(update(Change).where(Change.customer_id.in_(ids)).values(old_value=None, new_value=None))
    session.execute(update(ActivityEntry).where(ActivityEntry.customer_id.in_(ids))
                    .values(title=func.initcap(ActivityEntry.kind) + " (details erased)", summary=None))
    session.execute(update(ActivityEntry).where(ActivityEntry.customer_id.in_(ids), ActivityEntry.kind == "photo")
                    .values(link=None))  # the image is gone
    photos = session.execute(select(Photo.storage_key, Photo.thumbnail_key).where(Photo.customer_id.in_(ids))).all()
    session.execute(delete(Photo).where(Photo.customer_id.in_(ids)))
    _files_after_commit(session, storage, [key for row in photos for key in row])
