"""Contract tests: every schema is sound, every example passes, and broken events are refused."""

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from fieldwork_contracts import checking as contracts
from fieldwork_contracts.checking import ContractError, validate_event

EVENTS_DIR = Path(__file__).resolve().parent.parent / "events"
SCHEMA_FILES = sorted(EVENTS_DIR.rglob("*.schema.json"))
EXAMPLES = contracts.examples()


def _example(event_type: str, version: int = 1) -> dict:
    """A fresh copy of the plain example of a type, for a test to break."""
    return copy.deepcopy(json.loads((EVENTS_DIR / event_type / f"v{version}.example.json").read_text()))


def _refused(envelope: dict) -> ContractError:
    with pytest.raises(ContractError) as refused:
        validate_event(envelope)
    return refused.value


def _keywords_at(error: ContractError) -> set[tuple[str, str]]:
    return {(violation.path, violation.keyword) for violation in error.errors}


# --- what is there -------------------------------------------------------------------------
@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: str(p.relative_to(EVENTS_DIR)))
def test_every_schema_is_a_valid_draft_2020_12_schema(path):
    schema = json.loads(path.read_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/events/" + path.relative_to(EVENTS_DIR).as_posix())
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path,envelope", EXAMPLES, ids=[str(path.relative_to(EVENTS_DIR)) for path, _ in EXAMPLES])
def test_every_example_validates(path, envelope):
    validate_event(envelope)
    assert (envelope["type"], envelope["version"]) == (path.parent.name, int(path.name.split(".")[0][1:]))


def test_every_event_type_has_an_example_and_a_known_producer():
    types_with_examples = {(envelope["type"], envelope["version"]) for _, envelope in EXAMPLES}
    assert contracts.known_types() == types_with_examples
    assert len(contracts.known_types()) == 30


def test_examples_replay_as_one_story():
    """A consumer can feed the examples in order: one account, unique event ids, customers created before use."""
    assert len({envelope["account_id"] for _, envelope in EXAMPLES}) == 1
    assert len({envelope["id"] for _, envelope in EXAMPLES}) == len(EXAMPLES)
    created = set()
    for _, envelope in EXAMPLES:
        data = envelope["data"]
        if envelope["type"] == "customer.created":
            created.add(data["customer"]["id"])
        for record in (data, *(value for value in data.values() if isinstance(value, dict))):
            for key in ("customer_id", "duplicate_id", "target_id"):
                if record.get(key):
                    assert record[key] in created, f"{envelope['type']} names customer {record[key]} before it exists"


def test_contracts_dir_follows_the_environment(tmp_path, monkeypatch):
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "envelope.schema.json").write_text("{}")
    monkeypatch.setenv(contracts.CONTRACTS_DIR_ENV, str(tmp_path))
    assert contracts.contracts_dir() == tmp_path / "events"
    monkeypatch.setenv(contracts.CONTRACTS_DIR_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(ContractError, match="holds no envelope.schema.json"):
        contracts.contracts_dir()


# --- what is refused -----------------------------------------------------------------------
def test_missing_data_field_is_refused():
    envelope = _example("customer.created")
    del envelope["data"]["customer"]["display_name"]
    error = _refused(envelope)
    assert error.message == "invalid data for customer.created v1"
    assert _keywords_at(error) == {("data.customer", "required")}
    assert "'display_name' is a required property" in error.errors[0].message


def test_missing_envelope_field_is_refused():
    envelope = _example("invoice.paid")
    del envelope["account_id"]
    error = _refused(envelope)
    assert error.message == "invalid event envelope"
    assert _keywords_at(error) == {("", "required")}


def test_bad_uuid_in_envelope_is_refused():
    envelope = _example("customer.merged")
    envelope["id"] = "not-a-uuid"
    assert _keywords_at(_refused(envelope)) == {("id", "format")}


def test_bad_uuid_in_data_is_refused():
    envelope = _example("customer.merged")
    envelope["data"]["target_id"] = "2b6f9d14-5c3a-4e8b-a1f7"
    assert _keywords_at(_refused(envelope)) == {("data.target_id", "format")}


def test_uppercase_uuid_is_refused_because_ids_are_compared_as_strings():
    envelope = _example("customer.archived")
    envelope["data"]["customer_id"] = envelope["data"]["customer_id"].upper()
    assert _keywords_at(_refused(envelope)) == {("data.customer_id", "format")}


@pytest.mark.parametrize(
    "moment",
    ["2026-11-23 10:00:00Z", "2026-11-23T10:00:00", "2026-11-23T10:00:00+02:00", "2026-02-30T10:00:00Z", "yesterday"],
)
def test_wrong_date_time_in_envelope_is_refused(moment):
    envelope = _example("job.created")
    envelope["occurred_at"] = moment
    assert _keywords_at(_refused(envelope)) == {("occurred_at", "format")}


def test_wrong_date_time_in_data_is_refused():
    envelope = _example("job.created")
    envelope["data"]["job"]["scheduled_start"] = "10 Nov 2026 2pm"
    assert _keywords_at(_refused(envelope)) == {("data.job.scheduled_start", "format")}


def test_unknown_type_is_refused():
    envelope = _example("customer.created")
    envelope["type"] = "customer.teleported"
    error = _refused(envelope)
    assert error.message == "unknown event type customer.teleported"
    assert _keywords_at(error) == {("type", "contract")}


def test_unknown_version_is_refused():
    envelope = _example("customer.created")
    envelope["version"] = 7
    error = _refused(envelope)
    assert error.message == "unknown version 7 of event type customer.created"
    assert _keywords_at(error) == {("version", "contract")}


def test_extra_envelope_key_is_refused():
    envelope = _example("payment.recorded")
    envelope["tenant"] = "acme"
    error = _refused(envelope)
    assert _keywords_at(error) == {("", "additionalProperties")}
    assert "'tenant' was unexpected" in error.errors[0].message


def test_payment_method_imported_is_new_in_v2_only():
    """Widening an enum is a new version: a v1 consumer switching on the method never meets "imported"."""
    envelope = _example("payment.recorded")
    envelope["data"]["method"] = "imported"
    assert _keywords_at(_refused(envelope)) == {("data.method", "enum")}
    envelope["version"] = 2
    validate_event(envelope)


def test_extra_data_key_is_refused_in_nested_objects_too():
    envelope = _example("communication.logged")
    envelope["data"]["communication"]["body"] = "Hi, my AC is broken"
    assert _keywords_at(_refused(envelope)) == {("data.communication", "additionalProperties")}


def test_wrong_producer_is_refused():
    envelope = _example("invoice.sent")
    envelope["producer"] = "jobs"
    error = _refused(envelope)
    assert error.message == "jobs may not publish invoice.sent"
    assert _keywords_at(error) == {("producer", "contract")}


@pytest.mark.parametrize("currency", ["usd", "US", "USDT", None])
def test_money_needs_an_iso_currency(currency):
    envelope = _example("invoice.voided")
    envelope["data"]["currency"] = currency
    assert {path for path, _ in _keywords_at(_refused(envelope))} == {"data.currency"}


def test_money_is_integer_cents():
    envelope = _example("invoice.voided")
    envelope["data"]["total_cents"] = 6845.00
    assert _keywords_at(_refused(envelope)) == {("data.total_cents", "type")}


def test_magic_link_must_be_a_web_address():
    envelope = _example("portal.invite_requested")
    envelope["data"]["magic_link"] = "https:// not a link"
    assert ("data.magic_link", "format") in _keywords_at(_refused(envelope))


def test_impossible_date_is_refused():
    envelope = _example("invoice.created")
    envelope["data"]["invoice"]["due_date"] = "2026-13-01"
    assert _keywords_at(_refused(envelope)) == {("data.invoice.due_date", "format")}


def test_updated_names_only_snapshot_fields():
    envelope = _example("customer.updated")
    envelope["data"]["changed"] = ["phones", "favourite_colour"]
    assert _keywords_at(_refused(envelope)) == {("data.changed.1", "enum")}


# --- the customer snapshot's properties (optional in v1) ------------------------------------
def test_a_snapshot_without_properties_still_validates():
    envelope = _example("customer.created")
    del envelope["data"]["customer"]["properties"]
    validate_event(envelope)


def test_a_property_in_a_snapshot_needs_its_address():
    envelope = _example("customer.updated")
    del envelope["data"]["customer"]["properties"][0]["address"]
    assert _keywords_at(_refused(envelope)) == {("data.customer.properties.0", "required")}


def test_a_property_in_a_snapshot_carries_only_its_id_and_address():
    envelope = _example("customer.created")
    envelope["data"]["customer"]["properties"][0]["access_notes"] = "Gate code 4411"
    assert _keywords_at(_refused(envelope)) == {("data.customer.properties.0", "additionalProperties")}


def test_every_property_the_story_names_was_announced_by_its_customer_first():
    """A consumer keeping properties from snapshots knows each property_id before a record names it."""
    announced: dict[str, str] = {}
    for _, envelope in EXAMPLES:
        data = envelope["data"]
        if envelope["type"] in ("customer.created", "customer.updated"):
            for prop in data["customer"].get("properties", []):
                announced[prop["id"]] = data["customer"]["id"]
        for record in (data, *(value for value in data.values() if isinstance(value, dict))):
            if record.get("property_id"):
                assert announced.get(record["property_id"]) == record["customer_id"], envelope["type"]


def test_an_imported_past_job_needs_the_day_it_was_done_and_nothing_unknown():
    envelope = _example("history.imported")
    del envelope["data"]["job"]["completed_on"]
    envelope["data"]["invoice"]["paid_by"] = "cheque"
    assert {keyword for _, keyword in _keywords_at(_refused(envelope))} >= {"required", "additionalProperties"}


def test_an_imported_row_may_carry_only_a_job_or_only_an_invoice():
    only_invoice = _example("history.imported")
    only_invoice["data"]["job"] = None
    only_invoice["data"]["invoice"]["job_id"] = None
    validate_event(only_invoice)
    negative = _example("history.imported")
    negative["data"]["invoice"]["total_cents"] = -100
    _refused(negative)
