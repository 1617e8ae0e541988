"""A read the gateway makes of a service, named so that compositions can be written as tables of them."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Hashable
from urllib.parse import urlencode

from gateway.upstream.fanout import Failed, Get, Outcome
from gateway.upstream.registry import Upstreams

NOT_CONFIGURED = "not_configured"


@dataclass(frozen=True)
class Call:
    service: str
    path: str
    params: tuple[tuple[str, object], ...] = ()

    def query(self) -> str:
        return urlencode([(k, v) for k, v in self.params if v is not None])


def run_calls(registry: Upstreams, calls: Mapping[Hashable, Call], headers: dict[str, str],
              deadline_seconds: float | None = None) -> dict[Hashable, Outcome]:
    """Every call at once, under one deadline; a service this deployment lacks is Failed("not_configured")."""
    gets, outcomes = {}, {}
    for key, call in calls.items():
        client = registry.client(call.service)
        if client is None:
            outcomes[key] = Failed(NOT_CONFIGURED)
        else:
            gets[key] = Get(client, call.path, call.query())
    deadline = registry.deadline_seconds if deadline_seconds is None else deadline_seconds
    outcomes.update(registry.fanout.gather(gets, headers, deadline))
    return outcomes
