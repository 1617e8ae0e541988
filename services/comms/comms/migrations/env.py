"""Alembic environment of the comms service."""
from chassis.migrations import run_env
from comms.adapters.orm import Base

run_env(Base.metadata)
