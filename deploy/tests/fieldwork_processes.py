"""The processes of Fieldwork: read from the root Procfile, the one list every way of running it must match."""

import shlex
from pathlib import Path

SERVICES = ("customers", "jobs", "billing", "comms", "insights", "gateway")
DOMAIN_SERVICES = SERVICES[:-1]
# What the Procfile must hold; used only until the Procfile exists in the repository.
KNOWN_PROCESSES = {
    **{f"{service}-{kind}": (service, kind)
       for service in DOMAIN_SERVICES for kind in ("web", "relay", "consumer")},
    "jobs-scheduler": ("jobs", "scheduler"),
    "comms-sender": ("comms", "sender"),
    "gateway-web": ("gateway", "web"),
}


def expected_processes(procfile: Path) -> dict[str, tuple[str, str]]:
    """Process name -> (service, subcommand) for every `fieldwork-<service> <subcommand>` line."""
    if not procfile.exists():
        return dict(KNOWN_PROCESSES)
    processes = {}
    for line in procfile.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, command = line.partition(":")
        words = [word for word in shlex.split(command) if "=" not in word]  # drop VAR=value
        scripts = [word for word in words
                   if Path(word).name.startswith("fieldwork-")
                   and Path(word).name.removeprefix("fieldwork-") in SERVICES]
        if not scripts:
            if name.split("-")[0] in SERVICES:
                raise ValueError(f"Procfile process {name!r} runs no fieldwork-<service> script: {line}")
            continue  # a helper process of the local run (e.g. a demo-data loader)
        script = scripts[0]
        service = Path(script).name.removeprefix("fieldwork-")
        subcommand = words[words.index(script) + 1]
        processes[name.strip()] = (service, subcommand)
    return processes
