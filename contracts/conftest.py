"""Make the chassis importable from a bare checkout, before it is installed into the virtualenv."""

import importlib.util
import sys
from pathlib import Path

# Once `pip install -e chassis` has run this does nothing; until then the contract tests
# still run from the repository alone.
if importlib.util.find_spec("chassis") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "chassis"))
