"""Event contracts, as the chassis and the services' tests name them: the schema checking itself lives in the
contracts package (``fieldwork_contracts.checking``), beside the typed events and the schemas they agree with."""
from __future__ import annotations

from fieldwork_contracts.checking import (CONTRACTS_DIR_ENV, ContractError, Violation, contracts_dir, data_schema,
                                          example, examples, known_types, readdressed, validate_event)

__all__ = ["CONTRACTS_DIR_ENV", "ContractError", "Violation", "contracts_dir", "data_schema", "example", "examples",
           "known_types", "readdressed", "validate_event"]
