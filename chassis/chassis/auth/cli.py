"""`fieldwork-token`: mints a development token for the local system."""
from __future__ import annotations

import argparse
import uuid

from fieldwork_contracts.permissions import ALL_PERMISSIONS

from chassis.auth.tokens import mint_token
from chassis.settings import Settings

DEMO_ACCOUNT = uuid.UUID("00000000-0000-4000-8000-000000000001")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Mint a Fieldwork development token (HS256, FIELDWORK_JWT_SECRET).")
    parser.add_argument("--account", default=str(DEMO_ACCOUNT), help="account id (default: the demo account)")
    parser.add_argument("--sub", default="dev@fieldwork.local", help="the user the token speaks for")
    parser.add_argument("--name", default="Dev User", help="the user's display name, shown as who did what")
    parser.add_argument("--perms", default=",".join(ALL_PERMISSIONS), help="comma-separated permissions")
    parser.add_argument("--ttl", type=int, default=12 * 3600, help="lifetime in seconds")
    args = parser.parse_args(argv)
    secret = Settings.from_env("gateway", uses_database=False).jwt_secret
    perms = [p for p in args.perms.split(",") if p]
    print(mint_token(secret, sub=args.sub, account_id=uuid.UUID(args.account), perms=perms, ttl_seconds=args.ttl,
                     name=args.name))
