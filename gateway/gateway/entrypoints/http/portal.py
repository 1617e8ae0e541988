"""The client portal (placeholder until written)."""
from flask_smorest import Blueprint

blp = Blueprint("portal", __name__, url_prefix="/api/portal", description="The client portal.")
