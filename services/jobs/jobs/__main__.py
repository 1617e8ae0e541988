"""`fieldwork-jobs migrate|web|relay|consumer|scheduler`."""
from chassis.cli import run
from jobs.bootstrap import SPEC
from jobs.entrypoints.scheduler import scheduler_command


def main(argv=None) -> None:
    run(SPEC, argv, extra={"scheduler": scheduler_command})


if __name__ == "__main__":
    main()
