"""Placeholder."""


def write_command(runtime, argv):
    raise SystemExit("not yet")
