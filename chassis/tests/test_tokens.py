"""Token verification: what is accepted, and that remembering a verified token never outlives its expiry."""
import time
import uuid

import pytest

from chassis.auth import mint_token
from chassis.auth.tokens import decode_token
from chassis.errors import Unauthenticated

SECRET = "a-secret-of-at-least-thirty-two-bytes!!"


def test_a_remembered_token_is_refused_once_it_expires(monkeypatch):
    token = mint_token(SECRET, sub="u1", account_id=uuid.uuid4(), ttl_seconds=60)
    assert decode_token(token, SECRET).sub == "u1"
    assert decode_token(token, SECRET).sub == "u1"  # the second use is served from the verified tokens
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    with pytest.raises(Unauthenticated, match="expired"):
        decode_token(token, SECRET)


def test_a_token_verified_under_one_secret_is_not_accepted_under_another():
    token = mint_token(SECRET, sub="u1", account_id=uuid.uuid4())
    decode_token(token, SECRET)
    with pytest.raises(Unauthenticated, match="not valid"):
        decode_token(token, "another-secret-of-thirty-two-bytes-long")


def test_a_token_altered_after_it_was_verified_is_refused():
    token = mint_token(SECRET, sub="u1", account_id=uuid.uuid4())
    decode_token(token, SECRET)
    header, payload, signature = token.split(".")
    with pytest.raises(Unauthenticated):
        decode_token(f"{header}.{payload}.{signature[:-2]}AA", SECRET)
