"""HTTP routes (flask-smorest blueprints) and their marshmallow wire schemas."""
