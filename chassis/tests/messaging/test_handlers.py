"""Handlers get the process's adapters they name, so no handler needs module-level state."""
import uuid

import pytest

from chassis.messaging import Event, Handlers


def _event(event_type: str) -> Event:
    return Event.from_envelope({"id": str(uuid.uuid4()), "type": event_type, "version": 1,
                                "occurred_at": "2026-01-01T00:00:00+00:00", "account_id": str(uuid.uuid4()),
                                "producer": "toy", "data": {}})


def test_a_handler_gets_the_adapters_it_names_and_nothing_else():
    handlers, seen = Handlers(), []

    @handlers.on("thing.happened", adapters=("config",))
    def needs_config(session, event, config):
        seen.append(("config", config))

    @handlers.on("thing.happened")
    def needs_nothing(session, event):
        seen.append(("plain", event.type))

    handlers.dispatch(None, _event("thing.happened"), {"config": "the runtime's", "mailer": object()})
    assert seen == [("config", "the runtime's"), ("plain", "thing.happened")]


def test_a_missing_adapter_fails_loudly():
    handlers = Handlers()
    handlers.on("thing.happened", adapters=("config",))(lambda session, event, config: None)
    with pytest.raises(KeyError, match="config"):
        handlers.dispatch(None, _event("thing.happened"), {})
