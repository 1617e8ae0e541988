"""How a payment was made: the methods people record, and the one only an import of a past system's history uses."""
from __future__ import annotations

METHODS = ("card", "cash", "check", "ach")  # what a person may record
# Money the customer paid in the system their history came from; how they paid it there is not known here.
IMPORTED = "imported"
