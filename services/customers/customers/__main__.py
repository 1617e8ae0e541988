"""`fieldwork-customers migrate|web|relay|consumer`."""
from chassis.cli import run
from customers.bootstrap import SPEC


def main() -> None:
    run(SPEC)


if __name__ == "__main__":
    main()
