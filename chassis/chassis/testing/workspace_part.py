"""For each service's tests of its workspace part (``GET /customers/<id>/workspace-part``): the refusals every
service's part makes alike."""
from __future__ import annotations

import uuid

PART = "/customers/{}/workspace-part"


def assert_404_for_others(client, auth: dict, other_auth: dict, customer_id, *, hidden: str | None = None
                          ) -> uuid.UUID:
    """Another account asking for the customer gets 404 (with nothing of ``hidden``, a word the part would show),
    and the account asking for an id it does not have gets 404. Returns that unknown id."""
    response = client.get(PART.format(customer_id), headers=other_auth)
    assert response.status_code == 404
    assert hidden is None or hidden not in response.get_data(as_text=True)
    unknown = uuid.uuid4()
    assert client.get(PART.format(unknown), headers=auth).status_code == 404
    return unknown


def assert_403_with_only(client, make_token, account_id, customer_id, perms: list[str]) -> None:
    """A user of the account holding ``perms`` alone, without the part's view permission, is refused 403."""
    token = make_token(account_id, perms=perms)
    response = client.get(PART.format(customer_id), headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403


def assert_422_naming(client, auth: dict, customer_id, query: str, field: str) -> None:
    """``?query`` is refused 422, a validation error naming ``field`` and no other."""
    response = client.get(PART.format(customer_id) + f"?{query}", headers=auth)
    assert response.status_code == 422
    error = response.json["error"]
    assert error["code"] == "validation_error" and list(error["fields"]) == [field]
