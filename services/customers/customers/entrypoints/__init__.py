"""How the outside world reaches the service: HTTP routes and event handlers."""
