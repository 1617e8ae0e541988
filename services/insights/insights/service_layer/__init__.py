"""Use cases: projecting events, reading insights, settings, rebuilding the read model."""
