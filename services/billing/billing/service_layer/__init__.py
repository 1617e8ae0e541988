"""Use cases: load, apply the domain rules, keep the books, emit events."""
