"""Every service's OpenAPI document tells the truth about errors, permissions and public operations."""
import pytest
from openapi_spec_validator import validate

METHODS = ("get", "put", "post", "patch", "delete")


@pytest.fixture(scope="module")
def document(app):
    return app.test_client().get("/openapi.json").get_json()


def _operations(document):
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def test_the_document_is_valid_openapi_3(document):
    validate(document)


def test_errors_are_documented_in_our_envelope(document):
    error = document["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]
    detail = document["components"]["schemas"]["ErrorDetail"]
    assert set(detail["properties"]) == {"code", "message", "fields"} and set(detail["required"]) == {"code", "message"}
    assert detail["additionalProperties"] is True  # DomainError(details=...) adds keys of its own
    for name, response in document["components"]["responses"].items():
        assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}, name


def test_every_guarded_operation_names_its_permission_and_documents_401_and_403(document):
    guarded = [(path, method, op) for path, method, op in _operations(document) if "security" not in op]
    assert guarded
    for path, method, operation in guarded:
        assert ":" in operation["x-permission"], (path, method)
        assert {"401", "403"} <= set(operation["responses"]), (path, method)
    assert document["paths"]["/credits"]["post"]["x-permission"] == "billing:edit"


def test_public_operations_need_no_token(document):
    magic = document["paths"]["/magic/{token}"]["get"]
    assert magic["security"] == [] and "x-permission" not in magic and "401" not in magic["responses"]


def test_a_public_route_with_a_credential_of_its_own_keeps_its_security(document):
    assert document["paths"]["/sessions/current"]["get"]["security"] == [{"bearer": []}]


def test_paths_with_parameters_document_404_and_bodies_415_and_422(document):
    for path, method, operation in _operations(document):
        if "{" in path:
            assert "404" in operation["responses"], (path, method)
        if "requestBody" in operation:
            assert {"415", "422"} <= set(operation["responses"]), (path, method)


def test_a_route_declares_a_conflict_with_one_decorator(document):
    assert document["paths"]["/contacts"]["post"]["responses"]["409"] == {"$ref": "#/components/responses/CONFLICT"}
    assert "409" not in document["paths"]["/credits"]["post"]["responses"]


def test_an_upload_is_documented_as_one_multipart_body_with_its_file(document):
    body = document["paths"]["/photos"]["post"]["requestBody"]
    schema = body["content"]["multipart/form-data"]["schema"]
    properties = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]["properties"]
    assert properties["file"] == {"type": "string", "format": "binary"}
