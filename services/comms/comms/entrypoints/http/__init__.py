"""HTTP blueprints and their wire schemas."""
