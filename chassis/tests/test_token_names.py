"""A token carries its user's display name (the `name` claim): what records show as who did it."""
import uuid

import pytest

from chassis.auth import mint_token
from chassis.auth.cli import main as mint_dev_token
from chassis.auth.tokens import decode_token
from chassis.errors import Unauthenticated

SECRET = "a-secret-of-at-least-thirty-two-bytes!!"


def test_a_token_names_its_user():
    token = mint_token(SECRET, sub="3f1c2d4e-user", account_id=uuid.uuid4(), name="Dana Whitfield")
    principal = decode_token(token, SECRET)
    assert principal.name == "Dana Whitfield"
    assert principal.display_name == "Dana Whitfield"


def test_a_token_without_a_name_shows_its_subject():
    principal = decode_token(mint_token(SECRET, sub="relay-bot", account_id=uuid.uuid4()), SECRET)
    assert principal.display_name == "relay-bot"


def test_a_name_that_is_not_text_is_refused():
    token = mint_token(SECRET, sub="u1", account_id=uuid.uuid4(), extra={"name": ["Dana"]})
    with pytest.raises(Unauthenticated, match="not valid"):
        decode_token(token, SECRET)


def test_the_dev_token_names_its_user(monkeypatch, capsys):
    monkeypatch.setenv("FIELDWORK_JWT_SECRET", SECRET)
    mint_dev_token(["--name", "Sam Ortiz"])
    assert decode_token(capsys.readouterr().out.strip(), SECRET).display_name == "Sam Ortiz"
    mint_dev_token([])
    assert decode_token(capsys.readouterr().out.strip(), SECRET).display_name == "Dev User"
