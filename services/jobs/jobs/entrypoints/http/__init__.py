"""The jobs service's HTTP API: flask-smorest blueprints and the wire schemas."""
