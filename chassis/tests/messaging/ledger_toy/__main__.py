"""`python -m ledger_toy producer|consumer relay|consumer|dead-letters …`: the toy's processes."""
import sys

from chassis.cli import run
from ledger_toy import SPECS

if __name__ == "__main__":
    run(SPECS[sys.argv[1]], sys.argv[2:])
