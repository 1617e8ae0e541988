"""How the outside world reaches the gateway: its HTTP API."""
