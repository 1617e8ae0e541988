"""Use cases: each takes a session (and adapters), changes customers and emits their events."""
