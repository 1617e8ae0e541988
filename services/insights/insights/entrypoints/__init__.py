"""How the world reaches insights: HTTP routes and event handlers."""
