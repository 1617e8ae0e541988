"""Database access the same way in every service: one engine per process, one session per unit of work."""
from chassis.db.database import Database
from chassis.db.loading import found
from chassis.db.request import request_session
from chassis.db.sequences import next_number
from chassis.db.tenancy import Tenanted, UnscopedQuery

__all__ = ["Database", "Tenanted", "UnscopedQuery", "found", "next_number", "request_session"]
