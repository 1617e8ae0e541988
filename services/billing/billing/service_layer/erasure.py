"""An erased customer's money records stay, as the law requires: invoices, payments, credits, refunds and the ledger
keep their numbers and amounts, and name the person by the pseudonym the kept directory now holds (the chassis's
own ``customer.erased`` handler). What goes: the addresses statements and pricing tables were emailed to, and the
card on file (a way to charge the person is theirs, not a record of money)."""
from __future__ import annotations

from fieldwork_contracts.customers import CustomerErased
from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from billing.adapters.orm import CardOnFile, PricingTableRequest, StatementRequest


def erase_customer(session: Session, erased: CustomerErased) -> None:
    ids = erased.ids
    for model in (StatementRequest, PricingTableRequest):
        session.execute(update(model).where(model.customer_id.in_(ids)).values(email=None))
    session.execute(delete(CardOnFile).where(CardOnFile.customer_id.in_(ids)))
