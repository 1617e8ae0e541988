"""How the world reaches comms: HTTP routes, event handlers and the sender worker."""
