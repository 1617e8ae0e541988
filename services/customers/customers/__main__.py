"""`fieldwork-customers migrate|web|relay|consumer|importer`."""
from chassis.cli import run
from customers.bootstrap import SPEC
from customers.entrypoints.importer import importer_command


def main() -> None:
    run(SPEC, extra={"importer": importer_command})


if __name__ == "__main__":
    main()
