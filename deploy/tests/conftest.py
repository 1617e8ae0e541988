"""Shared facts for the deployment tests: the repository's paths and the processes every deployment must run."""

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
# The repository runs pytest in importlib mode, which puts no test folder on sys.path;
# this makes the helper modules beside this file (kustomize_lite) importable.
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from fieldwork_processes import expected_processes  # noqa: E402

REPO = HERE.parent.parent


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def processes() -> dict[str, tuple[str, str]]:
    """Process name -> (service, subcommand), from the root Procfile."""
    return expected_processes(REPO / "Procfile")
