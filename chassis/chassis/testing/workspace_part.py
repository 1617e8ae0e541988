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


class PartRefusals:
    """The refusals of a workspace part, as every service's part makes them. A test module subclasses it
    (``class TestRefusals(PartRefusals)``) beside a ``busy_customer`` fixture (a customer whose part shows
    something), saying what differs: ``HIDDEN``, a word that part shows; ``WITHOUT_VIEW``, permissions that lack the
    part's view permission; ``BAD_LIMITS``, each refused query with the one field its error names."""

    HIDDEN: str | None = None
    WITHOUT_VIEW: list[str]
    BAD_LIMITS: list[tuple[str, str]]

    def pytest_generate_tests(self, metafunc):
        if "bad_limit" in metafunc.fixturenames:
            metafunc.parametrize("bad_limit", self.BAD_LIMITS, ids=[query for query, _ in self.BAD_LIMITS])

    def test_another_accounts_customer_or_an_unknown_one_is_404(self, client, auth, other_auth, busy_customer):
        assert_404_for_others(client, auth, other_auth, busy_customer, hidden=self.HIDDEN)

    def test_the_view_permission_is_required(self, client, make_token, account_id, busy_customer):
        assert_403_with_only(client, make_token, account_id, busy_customer, self.WITHOUT_VIEW)

    def test_bad_limits_are_422_naming_the_field(self, client, auth, busy_customer, bad_limit):
        query, field = bad_limit
        assert_422_naming(client, auth, busy_customer, query, field)
