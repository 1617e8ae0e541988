"""`fieldwork-insights migrate|web|relay|consumer|rebuild`."""
from __future__ import annotations

import json

from chassis import cli
from chassis.migrations import upgrade
from chassis.service import Runtime
from insights.bootstrap import SPEC
from insights.service_layer.rebuild import rebuild


def _rebuild(runtime: Runtime, _argv: list[str]) -> None:
    """Drops the read model and replays every logged event into it."""
    upgrade(runtime.settings.database_url, SPEC.migrations)
    report = rebuild(runtime.database)
    print(json.dumps({"accounts": report.accounts, "events": report.events}))


def main(argv: list[str] | None = None) -> None:
    cli.run(SPEC, argv, extra={"rebuild": _rebuild})


if __name__ == "__main__":
    main()
