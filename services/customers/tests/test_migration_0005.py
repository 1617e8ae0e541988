"""Revision 0005: properties stored before it gain the reason of their geocode state, phones their extension."""
import uuid

from sqlalchemy import text

from chassis.testing.old_database import database_at
from customers.bootstrap import SPEC

_STATES = [  # status, error as stored before 0005, the reason it gets
    ("geocoded", None, None),
    ("not_geocoded", None, "not_configured"),
    ("not_found", None, "address_not_found"),
    ("failed", "REQUEST_DENIED (The provided API key is invalid.)", "key_refused"),
    ("failed", "OVER_QUERY_LIMIT (You have exceeded your daily request quota.)", "quota_exceeded"),
    ("failed", "HTTP Error: 503", "provider_unavailable"),
]


def test_stored_states_gain_their_reason_and_phones_their_extension(make_database_url):
    account, customer, contact = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    with database_at(make_database_url("customers_0005"), SPEC, "0004") as old:
        with old.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO customers (account_id, id, number, display_name, kind, status, do_not_service, "
                "created_by, revision) VALUES (:a, :c, 'C-1001', 'Dana', 'residential', 'lead', false, 'u', 1)"),
                {"a": account, "c": customer})
            for position, (status, error, _) in enumerate(_STATES):
                connection.execute(text(
                    "INSERT INTO properties (account_id, id, customer_id, is_primary, kind, line1, city, region, "
                    "postal_code, country, geocode_status, geocode_error) VALUES (:a, :id, :c, :primary, "
                    "'residential', :line1, 'Austin', 'TX', '78731', 'US', :status, :error)"),
                    {"a": account, "id": uuid.uuid4(), "c": customer, "primary": position == 0,
                     "line1": f"{position} Main St", "status": status, "error": error})
            connection.execute(text(
                "INSERT INTO contacts (account_id, id, customer_id, name, is_primary) "
                "VALUES (:a, :k, :c, 'Dana', true)"),
                {"a": account, "k": contact, "c": customer})
            for position, entered in enumerate(("512-555-0142 x12", "512-555-0100", "512-555-0199 ext. 7")):
                connection.execute(text(
                    "INSERT INTO contact_phones (account_id, id, contact_id, position, entered, e164) "
                    "VALUES (:a, :id, :k, :p, :entered, :e164)"),
                    {"a": account, "id": uuid.uuid4(), "k": contact, "p": position, "entered": entered,
                     "e164": "+1" + "".join(ch for ch in entered.split("x")[0].split("e")[0] if ch.isdigit())})
        old.upgrade()
        with old.engine.connect() as connection:
            reasons = connection.execute(text(
                "SELECT geocode_reason, geocode_error FROM properties ORDER BY line1")).all()
            extensions = connection.execute(text("SELECT extension FROM contact_phones ORDER BY position")).scalars()
            extensions = list(extensions)
    assert [reason for reason, _ in reasons] == [reason for *_, reason in _STATES]
    assert reasons[1][1] == "No Google Maps API key is configured (FIELDWORK_GOOGLE_MAPS_API_KEY)."
    assert reasons[3][1] == _STATES[3][1]  # a failure keeps the provider's words
    assert extensions == ["12", None, "7"]
