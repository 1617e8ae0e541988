"""emit takes typed events only, and builds their envelopes from the session's account and service."""
from __future__ import annotations

import uuid

import pytest
from fieldwork_contracts.customers import CustomerArchived
from fieldwork_contracts.workspace_part import MAX_LIMIT as PART_MAX_LIMIT
from sqlalchemy.orm import Session

from chassis import logs
from fieldwork_contracts.checking import ContractError, Violation, validate_event
from chassis.messaging import emit
from chassis.messaging.outbox import enveloped
from chassis.pagination import MAX_LIMIT


def _session(account_id: uuid.UUID | None = None) -> Session:
    return Session(info={"account_id": account_id, "service": "customers"})


def test_the_envelope_of_a_typed_event_names_its_type_version_and_the_sessions_account():
    account, customer = uuid.uuid4(), uuid.uuid4()
    event = enveloped(_session(account), CustomerArchived(customer_id=customer))
    assert (event.type, event.version, event.account_id, event.producer) == ("customer.archived", 1, account,
                                                                            "customers")
    assert event.data == {"customer_id": str(customer)}
    validate_event(event.envelope())


def test_an_account_given_outright_wins_and_an_event_without_one_is_refused():
    other = uuid.uuid4()
    assert enveloped(_session(uuid.uuid4()), CustomerArchived(customer_id=uuid.uuid4()), account_id=other
                     ).account_id == other
    with pytest.raises(ValueError, match="account"):
        enveloped(_session(), CustomerArchived(customer_id=uuid.uuid4()))


def test_a_dict_is_not_an_event():
    with pytest.raises(TypeError, match="typed event"):
        emit(_session(uuid.uuid4()), {"customer_id": str(uuid.uuid4())})


def test_the_workspace_parts_page_cap_is_the_chassis_page_cap():
    assert PART_MAX_LIMIT == MAX_LIMIT


def test_a_contract_error_is_never_quoted_in_a_log_line():
    assert logs.quotes_data(ContractError("invalid data", [Violation("data.email", "format", "'dana@x' is bad")]))
