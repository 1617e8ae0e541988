"""What the visitor sends the office: photos of a property or a job of theirs, and requests for service."""
from __future__ import annotations

import uuid

import urllib3

from chassis.api import PUBLIC
from chassis.errors import NotFound, ValidationFailed
from gateway import portal_sessions
from gateway.composition.portal_view import one_line, owns_property
from gateway.entrypoints.http.context import json_answer
from gateway.entrypoints.http.portal_access import (answered, blp, call, own_record, post_json, profile_of,
                                                    service_headers, visitor)
from gateway.entrypoints.http.portal_shapes import (PortalPhotoOut, PortalPhotoUpload, ServiceRequestIn,
                                                    ServiceRequestOut)
from gateway.entrypoints.http.shapes import PORTAL_SECURITY

# What the office sees on a job the customer asked for, beside the portal visitor as its creator.
REQUESTED_IN_PORTAL = "Requested by the customer in the client portal."
_PHOTO_REFUSALS = (415, 422)


def _send_photo(path: str, headers: dict[str, str], form: dict, caption: str | None) -> dict:
    upload = form["file"]
    fields = {"file": (upload.filename or "photo", upload.read(), upload.mimetype or "application/octet-stream")}
    if caption:
        fields["caption"] = caption
    body, content_type = urllib3.encode_multipart_formdata(fields)
    reply = answered(call("jobs", "POST", path, {**headers, "Content-Type": content_type}, body),
                     passed_on=_PHOTO_REFUSALS)
    photo = reply.json()
    return {name: photo.get(name) for name in PortalPhotoOut().fields}


# PUBLIC: authenticated by the portal session
@blp.post("/portal/jobs/<uuid:job_id>/photos", PUBLIC, body=PortalPhotoUpload, body_in="multipart",
          response=PortalPhotoOut, description="The photo, kept with the customer's records.", status=201)
@blp.doc(security=PORTAL_SECURITY)
@blp.alt_response(401, response="UNAUTHORIZED", description="No portal session, or not a valid one.")
@blp.alt_response(404, response="NOT_FOUND", description="Not one of the visitor's jobs.")
@blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE", description="Not an image kind we keep.")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The jobs service did not answer.")
def upload_job_photo(form, job_id: uuid.UUID):
    who = visitor()
    headers = service_headers(who, portal_sessions.APPROVE_PERMISSIONS)
    own_record("jobs", f"/jobs/{job_id}", who, headers, "job")
    return json_answer(_send_photo(f"/jobs/{job_id}/photos", headers, form, form["caption"]), 201)


# PUBLIC: authenticated by the portal session
@blp.post("/portal/properties/<uuid:property_id>/photos", PUBLIC, body=PortalPhotoUpload, body_in="multipart",
          response=PortalPhotoOut, description="The photo, kept with the customer's records.", status=201)
@blp.doc(security=PORTAL_SECURITY)
@blp.alt_response(401, response="UNAUTHORIZED", description="No portal session, or not a valid one.")
@blp.alt_response(404, response="NOT_FOUND", description="Not one of the visitor's properties.")
@blp.alt_response(415, response="UNSUPPORTED_MEDIA_TYPE", description="Not an image kind we keep.")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The jobs service did not answer.")
def upload_property_photo(form, property_id: uuid.UUID):
    who = visitor()
    headers = service_headers(who, portal_sessions.APPROVE_PERMISSIONS)
    place = owns_property(profile_of(who.customer_id, headers), property_id)
    if place is None:
        raise NotFound("No such property.")
    # Photos are kept per customer or per job; the caption says which property this one shows.
    caption = f"{one_line(place)}: {form['caption']}" if form["caption"] else one_line(place)
    return json_answer(_send_photo(f"/customers/{who.customer_id}/photos", headers, form, caption), 201)


# PUBLIC: authenticated by the portal session
@blp.post("/portal/service-requests", PUBLIC, body=ServiceRequestIn, response=ServiceRequestOut,
          description="The request, as a draft job the office will schedule.", status=201)
@blp.doc(security=PORTAL_SECURITY)
@blp.alt_response(401, response="UNAUTHORIZED", description="No portal session, or not a valid one.")
@blp.alt_response(409, response="CONFLICT", description="The office cannot take work for this customer just now.")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="The jobs service did not answer.")
def request_service(body):
    who = visitor()
    headers = service_headers(who, portal_sessions.APPROVE_PERMISSIONS)
    job = {"customer_id": str(who.customer_id), "title": body["title"], "description": body["description"],
           "status": "draft", "notes": REQUESTED_IN_PORTAL}
    if body["property_id"] is not None:
        if owns_property(profile_of(who.customer_id, headers), body["property_id"]) is None:
            raise ValidationFailed({"property_id": ["Not one of your properties."]})
        job["property_id"] = str(body["property_id"])
    created = answered(post_json("jobs", "/jobs", headers, job), passed_on=(409, 422)).json()
    return json_answer({name: created.get(name) for name in ServiceRequestOut().fields}, 201)
