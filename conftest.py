"""Suite-wide: which tests start a whole system of real processes (run apart, see the Makefile)."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
# Each of these starts many real processes (or stops the broker): together with the rest of the suite
# they would exceed PostgreSQL's connection limit, so `make test` runs them in sessions of their own.
SYSTEM_TESTS = (ROOT / "gateway" / "tests", ROOT / "tests-e2e", ROOT / "chassis" / "tests" / "messaging" / "test_ledger_chaos.py")


def pytest_collection_modifyitems(items):
    for item in items:
        path = Path(str(item.path))
        if any(path == system or system in path.parents for system in SYSTEM_TESTS):
            item.add_marker(pytest.mark.system)
