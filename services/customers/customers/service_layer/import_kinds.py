"""What differs between the kinds of import (customers, or their past jobs and invoices): how a row is read, what
becomes of it, and how a batch of it is stored. The flow around them (dry run, batches, resuming) is one."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Callable

from customers.domain.import_layouts import Layout


@dataclass
class Decision:
    row: Any                          # the kind's mapped row, or Skipped
    outcome: str                      # created, matched, skipped
    customer_id: uuid.UUID | None = None
    matched_by: str | None = None     # previous import, number, phone, email, earlier row
    reason: str | None = None
    earlier: int | None = None        # the row of this batch whose customer a "matched by earlier row" row is

    def report(self) -> dict:
        return {"row_number": self.row.row_number, "outcome": self.outcome, "customer_id": self.customer_id,
                "matched_by": self.matched_by, "reason": self.reason}


@dataclass(frozen=True)
class ImportKind:
    name: str
    what: str                                            # "customer export", as messages name the file
    layouts: dict[str, Layout]
    fields: dict[str, str]
    required_missing: Callable[[str, list[str]], list[str]]
    mapping_problems: Callable[[dict, list[str]], dict[str, list[str]]]
    map_row: Callable[[int, list[str], list[str], dict], Any]
    decide: Callable[..., list[Decision]]                # (session, account_id, rows, layout)
    preview: Callable[[Any], dict]
    store_batch: Callable[..., None]                     # (session, account_id, import_id, decisions, **context)
