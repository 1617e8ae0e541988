"""Commands: what a route asks a service layer to do, as plain values (frozen dataclasses in each service's
``service_layer/commands.py``). An edit's fields default to ``UNSET``, "not sent", so a field left alone and a field
set to null stay apart; ``sent`` gives the ones that were sent."""
from __future__ import annotations

from dataclasses import fields
from typing import Any

from fieldwork_contracts import UNSET


def sent(command: Any) -> dict[str, Any]:
    """The fields of ``command`` that were sent, by name."""
    return {f.name: getattr(command, f.name) for f in fields(command) if getattr(command, f.name) is not UNSET}


__all__ = ["UNSET", "sent"]
