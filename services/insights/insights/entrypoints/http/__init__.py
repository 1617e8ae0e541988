"""The HTTP API of insights."""
