"""HTTP routes of photos: multipart upload to a job or a customer, the lists, the image and its thumbnail."""
from __future__ import annotations

import uuid

from flask import Response

from chassis.api import BINARY, Blueprint
from chassis.customer_directory import visible_customer
from chassis.db import request_session
from chassis.pagination import PageArgs, page_schema
from chassis.request_context import actor, adapter, callers_api, now
from jobs.adapters.images import ACCEPTED_TYPES
from jobs.adapters.orm import Job
from jobs.entrypoints.http.schemas.requests import PhotoUpload
from jobs.entrypoints.http.schemas.responses import PhotoOut
from jobs.service_layer.jobs import load_job
from jobs.service_layer.photos import add_photo, customer_to_photograph, delete_photo, load_photo
from jobs.adapters import queries
from jobs.adapters.queries import photo_view

blp = Blueprint("photos", __name__, description="Photos of jobs and customers")


def _upload(customer_id: uuid.UUID, job: Job | None, form: dict) -> dict:
    upload = form["file"]
    photo = add_photo(request_session(), adapter("photo_storage"), adapter("image_rules"), upload.read(),
                      customer_id=customer_id, job=job, filename=upload.filename, caption=form["caption"],
                      by=actor(), now=now())
    return photo_view(photo, job)


@blp.get("/jobs/<uuid:job_id>/photos", "jobs:view", query=PageArgs, response=page_schema(PhotoOut, name="JobPhotoPage"))
def job_photos(args, job_id):
    """The job's photos, newest first."""
    session = request_session()
    return queries.job_photos(session, load_job(session, job_id), limit=args["limit"], cursor=args["cursor"]).as_dict()


@blp.post("/jobs/<uuid:job_id>/photos", "jobs:edit", body=PhotoUpload, body_in="multipart", response=PhotoOut,
          status=201)
def upload_job_photo(form, job_id):
    job = load_job(request_session(), job_id)
    return _upload(job.customer_id, job, form)


@blp.get("/customers/<uuid:customer_id>/photos", "jobs:view", query=PageArgs, response=page_schema(PhotoOut))
def customer_photos(args, customer_id):
    session = request_session()
    visible_customer(session, customer_id, callers_api("customers_api"))
    return queries.customer_photos(session, customer_id, limit=args["limit"], cursor=args["cursor"]).as_dict()


@blp.post("/customers/<uuid:customer_id>/photos", "jobs:edit", body=PhotoUpload, body_in="multipart",
          response=PhotoOut, status=201)
def upload_customer_photo(form, customer_id):
    customer_to_photograph(request_session(), customer_id, callers_api("customers_api"))
    return _upload(customer_id, None, form)


def _file(key: str, content_type: str) -> Response:
    response = Response(adapter("photo_storage").read(key), mimetype=content_type)
    response.headers["Cache-Control"] = "private, max-age=86400"  # photos never change once stored
    return response


# The image goes back in the type it was uploaded in: the 200 lists every accepted type.
@blp.get("/photos/<uuid:photo_id>", "jobs:view", status=200)
@blp.doc(responses={"200": {"description": "The photo as uploaded.",
                            "content": {content_type: {"schema": BINARY} for content_type in ACCEPTED_TYPES}}})
def photo_image(photo_id):
    photo = load_photo(request_session(), photo_id)
    return _file(photo.storage_key, photo.content_type)


@blp.delete("/photos/<uuid:photo_id>", "jobs:edit")
def remove_photo(photo_id):
    """Removes the photo and its files for good."""
    session = request_session()
    delete_photo(session, adapter("photo_storage"), load_photo(session, photo_id), by=actor(), now=now())


@blp.get("/photos/<uuid:photo_id>/thumbnail", "jobs:view", response=BINARY, content_type="image/jpeg",
         description="A JPEG at most 320 pixels across.")
def photo_thumbnail(photo_id):
    photo = load_photo(request_session(), photo_id)
    return _file(photo.thumbnail_key, "image/jpeg")
