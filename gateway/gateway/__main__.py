"""`fieldwork-gateway web|openapi`: the gateway's processes and tools."""
from chassis import cli

from gateway.bootstrap import SPEC
from gateway.openapi_build import write_command


def main(argv=None) -> None:
    cli.run(SPEC, argv, extra={"openapi": write_command})


if __name__ == "__main__":
    main()
