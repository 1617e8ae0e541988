"""`fieldwork-comms migrate|web|relay|consumer|sender`."""
from chassis.cli import run

from comms.bootstrap import SPEC
from comms.entrypoints.sender import run_sender


def main(argv=None) -> None:
    run(SPEC, argv, extra={"sender": run_sender})


if __name__ == "__main__":
    main()
