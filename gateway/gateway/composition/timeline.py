"""One customer timeline from every service's activity pages, paged with one shared cursor.

Every service orders its activity by ``(occurred_at, id)`` newest first and pages it with the
chassis cursor over exactly that key. So the gateway asks each service for ``limit`` items older
than the last item it served, merges them, serves the newest ``limit``, and the key of the last
one served is the next cursor for every service. An item not served is older than that key, so
the next page asks for it again: no gaps; items at or above the key are never asked for again:
no repeats.
"""
from __future__ import annotations

import datetime as dt
import heapq
import itertools
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from chassis.pagination import decode_cursor, encode_cursor
from gateway.composition.sections import parsed
from gateway.upstream.calls import Call
from gateway.upstream.fanout import Outcome

# Which service holds which part of the timeline, and the permission needed to see that part.
SOURCES = {"customers": "customers:view", "jobs": "jobs:view", "billing": "billing:view", "comms": "comms:view"}


@dataclass(frozen=True)
class SourcePage:
    items: list[dict]
    next_cursor: str | None


@dataclass(frozen=True)
class TimelinePage:
    items: list[dict]
    next_cursor: str | None
    unavailable: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"items": self.items, "next_cursor": self.next_cursor, "unavailable": self.unavailable}


def visible_sources(perms) -> list[str]:
    return [service for service, permission in SOURCES.items() if permission in perms]


def _when(item: dict) -> dt.datetime:
    occurred_at = dt.datetime.fromisoformat(item["occurred_at"])
    if occurred_at.tzinfo is None:  # the wire is UTC; a naive time must not break comparing with aware ones
        occurred_at = occurred_at.replace(tzinfo=dt.timezone.utc)
    return occurred_at


def _sort_key(item: dict) -> tuple[dt.datetime, int]:
    # A UUID orders by its integer, so the hex digits read as one number sort exactly as uuid.UUID would, without
    # building a UUID object for every item a workspace is sent (bench/README.md, "Figures behind choices").
    return _when(item), int(item["id"].replace("-", ""), 16)


def _key(item: dict) -> tuple[dt.datetime, uuid.UUID]:
    """The chassis cursor's key of an item: what the services page by."""
    return _when(item), uuid.UUID(item["id"])


def merge(pages: Mapping[str, SourcePage | None], limit: int) -> TimelinePage:
    """The newest ``limit`` items of the sources' pages; a source whose page is None was unavailable."""
    available = [page for page in pages.values() if page is not None]
    # Each page comes newest first by the same key, so a k-way merge serves the newest ``limit`` keying only what it
    # serves and one item ahead per page (a workspace: ~24 of the ~80 it is sent) instead of sorting them all.
    merged = heapq.merge(*(page.items for page in available), key=_sort_key, reverse=True)
    served = list(itertools.islice(merged, limit))
    more = next(merged, None) is not None or any(page.next_cursor for page in available)
    next_cursor = encode_cursor(_key(served[-1])) if more and served else None
    unavailable = sorted(name for name, page in pages.items() if page is None)
    return TimelinePage(served, next_cursor, unavailable)


def is_timeline_cursor(cursor: str) -> bool:
    """Whether ``cursor`` is a timeline key (a time and an id), the only cursor the sources' lists can page by: a
    readable cursor of another shape must be refused here, before five services are asked with it."""
    try:
        key = decode_cursor(cursor)
    except ValueError:
        return False
    return len(key) == 2 and isinstance(key[0], dt.datetime) and isinstance(key[1], uuid.UUID)


def timeline_calls(customer_id: uuid.UUID, sources: list[str], limit: int, cursor: str | None) -> dict:
    params = (("limit", limit), ("cursor", cursor))
    return {("timeline", service): Call(service, f"/customers/{customer_id}/activity", params) for service in sources}


def timeline_from(outcomes: Mapping, sources: list[str], limit: int) -> TimelinePage:
    return merge({service: _source_page(outcomes[("timeline", service)]) for service in sources}, limit)


def _source_page(outcome: Outcome) -> SourcePage | None:
    body = parsed(outcome)
    return None if body is None else SourcePage(body["items"], body.get("next_cursor"))
