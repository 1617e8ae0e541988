"""The one mapping from the domain's exceptions to the error envelope's status and code."""
import pytest

from chassis import errors
from chassis.http_errors import HttpError, PayloadTooLarge, Unauthorized, UnsupportedMediaType, answer


@pytest.mark.parametrize("error, status, code", [
    (errors.NotFound("No such thing."), 404, "not_found"),
    (errors.Conflict("Already paid."), 409, "conflict"),
    (errors.Forbidden("Not yours."), 403, "forbidden"),
    (errors.Unauthenticated("Refused."), 401, "unauthorized"),
    (errors.TooLarge("Too big."), 413, "payload_too_large"),
    (errors.Unavailable("Later."), 503, "unavailable"),
    (errors.DomainError("Odd."), 400, "bad_request"),
    (Unauthorized("No token."), 401, "unauthorized"),
    (PayloadTooLarge("Too big."), 413, "payload_too_large"),
    (UnsupportedMediaType("JSON only."), 415, "unsupported_media_type"),
])
def test_each_error_is_answered_with_its_status_and_code(error, status, code):
    assert answer(error) == ({"error": {"code": code, "message": error.message}}, status)


def test_a_services_own_subclass_is_answered_as_its_parent():
    class PlanEnded(errors.Conflict):
        pass

    assert answer(PlanEnded("The plan has ended.", details={"status": "ended"})) == (
        {"error": {"code": "conflict", "message": "The plan has ended.", "status": "ended"}}, 409)


def test_field_errors_and_details_keep_the_envelope_shape():
    body, status = answer(errors.field_error("name", "Required."))
    assert status == 422
    assert body == {"error": {"code": "validation_error", "message": "The input is not valid.",
                              "fields": {"name": ["Required."]}}}


def test_an_http_error_may_carry_any_status():
    assert answer(HttpError("The customers service answered 410.", status=410))[1] == 410
