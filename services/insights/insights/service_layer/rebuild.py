"""Rebuilding the read model from scratch by replaying the event log."""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import delete

from chassis.db import Database
from insights.adapters import event_log
from insights.adapters.orm import MODEL_TABLES
from insights.service_layer.projection import replay

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RebuildReport:
    accounts: int
    events: int


def rebuild(database: Database, accounts: list[uuid.UUID] | None = None) -> RebuildReport:
    """Drops each account's model (all accounts, or those given) and replays its events, one transaction per account.

    Per account rather than one TRUNCATE: readers keep seeing the old model until the account's
    new one commits, and a failure leaves every account either rebuilt or untouched. The account's
    fact snapshots are dropped in the same transaction.
    """
    if accounts is None:
        with database.transaction(unscoped=True) as session:
            accounts = event_log.accounts(session)
    account_ids = list(accounts)
    events = 0
    for account_id in account_ids:
        with database.transaction(account_id=account_id) as session:
            for model in MODEL_TABLES:
                session.execute(delete(model))  # scoped to this account by the chassis
            events += replay(session, event_log.replay(session, account_id))
    log.info("read model rebuilt", extra={"accounts": len(account_ids), "events": events})
    return RebuildReport(len(account_ids), events)
