"""Keeping the price book, and the pricing table of a customer: shown, drawn as a PDF, or emailed by comms."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from billing.adapters import pdf, queries
from billing.adapters.orm import PriceBookItem, PricingTableRequest
from billing.service_layer import publishing
from billing.service_layer.commands import AddPriceBookItem, ChangePriceBookItem, RequestPricingTable
from billing.service_layer.statements import customer_name
from chassis.auth.tokens import user_id_of
from chassis.commands import UNSET, sent
from chassis.errors import field_error
from chassis.messaging import emit


def _name_is_free(session: Session, name: str, but: uuid.UUID | None = None) -> None:
    stmt = select(PriceBookItem.id).where(func.lower(PriceBookItem.name) == name.lower(),
                                          PriceBookItem.archived_at.is_(None))
    if but is not None:
        stmt = stmt.where(PriceBookItem.id != but)
    if session.scalar(stmt.limit(1)) is not None:
        raise field_error("name", f'The price book already has an item named "{name}".')


def add_item(session: Session, command: AddPriceBookItem, *, now: dt.datetime) -> PriceBookItem:
    _name_is_free(session, command.name)
    item = PriceBookItem(name=command.name, description=command.description, currency=command.currency,
                         unit_price_cents=command.unit_price_cents, kind_prices=dict(command.kind_prices),
                         tax_rate=command.tax_rate, created_at=now)
    session.add(item)
    session.flush()
    return item


def change_item(session: Session, item_id: uuid.UUID, command: ChangePriceBookItem) -> PriceBookItem:
    item = queries.price_book_item(session, item_id)
    if command.name is not UNSET and item.archived_at is None:
        _name_is_free(session, command.name, but=item.id)
    for name, value in sent(command).items():
        setattr(item, name, value)
    session.flush()
    return item


def archive_item(session: Session, item_id: uuid.UUID, *, now: dt.datetime) -> PriceBookItem:
    item = queries.price_book_item(session, item_id)
    item.archived_at = item.archived_at or now
    session.flush()
    return item


def restore_item(session: Session, item_id: uuid.UUID) -> PriceBookItem:
    """Undoes an archive, unless a live item has taken the name meanwhile."""
    item = queries.price_book_item(session, item_id)
    if item.archived_at is not None:
        _name_is_free(session, item.name, but=item.id)
        item.archived_at = None
        session.flush()
    return item


def render_pricing_table(session: Session, customer_id: uuid.UUID) -> bytes:
    return pdf.pricing_table_pdf(customer_name(session, customer_id),
                                 queries.customer_pricing_table(session, customer_id))


def request_pricing_table(session: Session, customer_id: uuid.UUID, command: RequestPricingTable, *,
                          now: dt.datetime, subject: str, by: str) -> PricingTableRequest:
    """Asks comms to email the pricing table (it fetches the PDF from us when it sends); ``subject`` is the token
    subject (the event's user id), ``by`` how they are shown."""
    request = PricingTableRequest(customer_id=customer_id, email=command.email, requested_by=by, created_at=now)
    session.add(request)
    session.flush()
    emit(session, publishing.pricing_table_requested(request, user_id_of(subject)))
    return request
