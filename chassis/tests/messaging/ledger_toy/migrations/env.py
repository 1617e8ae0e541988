"""Alembic environment of the ledger toy (its tables are written by hand in the revision)."""
from sqlalchemy import MetaData

from chassis.migrations import run_env

run_env(MetaData())
