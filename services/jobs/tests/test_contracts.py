"""The consumer side of the contracts: every example of an event this service handles applies cleanly, once."""
import copy
import uuid

from fieldwork_contracts.checking import examples
from jobs.bootstrap import SPEC


def test_every_handled_example_applies_once_in_story_order(app, deliver):
    account = str(uuid.uuid4())
    handled = [copy.deepcopy(envelope) for _, envelope in examples() if envelope["type"] in SPEC.handlers.types]
    assert {e["type"] for e in handled} >= {"customer.created", "customer.updated", "customer.merged",
                                           "customer.unmerged", "customer.archived"}
    for envelope in handled:
        envelope.update(account_id=account, id=str(uuid.uuid4()))
        assert deliver(app, envelope), envelope["type"]
        assert deliver(app, envelope) is False
