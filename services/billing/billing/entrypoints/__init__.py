"""How the world reaches billing: HTTP routes and event handlers."""
