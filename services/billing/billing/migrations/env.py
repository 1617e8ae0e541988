"""Alembic environment of the billing service."""
from chassis.migrations import run_env

from billing.adapters.orm import Base

run_env(Base.metadata)
