"""Who is calling and what they may do: JWT bearer tokens checked by every service."""
from chassis.auth.tokens import Principal, decode_token, mint_token
from chassis.auth.guard import current_principal, public, require

__all__ = ["Principal", "current_principal", "decode_token", "mint_token", "public", "require"]
