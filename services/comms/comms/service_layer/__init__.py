"""Use cases of the comms service: each takes a session (and adapters), changes state and emits events."""
