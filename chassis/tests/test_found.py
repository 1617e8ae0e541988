"""``chassis.db.found``: the record a request names, in the caller's account, or the domain's "no such" error."""
import uuid

import pytest

from chassis.db import found
from chassis.errors import NotFound
from toy_service.service import Gadget


def _gadget(database, account_id, customer_id) -> uuid.UUID:
    with database.transaction(account_id=account_id) as session:
        gadget = Gadget(customer_id=customer_id, name="Furnace")
        session.add(gadget)
        session.flush()
        return gadget.id


def test_a_record_of_the_account_is_found_and_any_other_is_no_such(app, account_id):
    database = app.extensions["fieldwork"].database
    gadget_id = _gadget(database, account_id, uuid.uuid4())
    with database.transaction(account_id=account_id) as session:
        assert found(session, Gadget, gadget_id, "gadget", with_for_update=True).name == "Furnace"
        with pytest.raises(NotFound, match=r"^No such gadget\.$"):
            found(session, Gadget, uuid.uuid4(), "gadget")
    with database.transaction(account_id=uuid.uuid4()) as session:
        with pytest.raises(NotFound, match=r"^No such gadget\.$"):
            found(session, Gadget, gadget_id, "gadget")
