"""Alembic environment of the customers service."""
from chassis.migrations import run_env
from customers.adapters.orm import Base

run_env(Base.metadata)
