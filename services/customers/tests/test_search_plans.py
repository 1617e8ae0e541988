"""A search's settings hold for every statement it sends, however they are sent, and its statements are planned for
the words typed each time, however often the same shape of statement is asked."""
import pytest
from sqlalchemy import text

from customers.adapters.queries import search_customers
from customers.adapters.search import Filters


def home(line1, city="Columbus", region="OH", postal_code="43215"):
    return {"line1": line1, "city": city, "region": region, "postal_code": postal_code}


@pytest.mark.parametrize("typed", ["dana", "dana whit", "7731 cedar", "dana@example.com"])
def test_the_settings_hold_in_the_search_transaction(app, create, account_id, typed):
    create("Dana Whitfield", properties=[home("7731 Cedar Ave")],
           contacts=[{"name": "Dana", "emails": ["dana@example.com"]}])
    database = app.extensions["fieldwork"].database
    with database.transaction(account_id=account_id) as session:
        assert search_customers(session, typed, Filters(), limit=5, cursor=None).items
        settings = session.execute(text("SELECT current_setting('enable_seqscan') AS scan, "
                                        "current_setting('plan_cache_mode') AS plans")).one()
    assert (settings.scan, settings.plans) == ("off", "force_custom_plan")


@pytest.mark.parametrize("words", [["dana", "robin", "sam", "kai"], ["dana whit", "robin oka", "sam lee", "kai wu"]])
def test_a_statement_asked_again_and_again_is_planned_for_its_words(app, create, account_id, words):
    """psycopg prepares a statement run five times; after five more PostgreSQL may keep a generic plan, which knows
    no LIKE prefix and walks the account's whole range of an index for every typed word."""
    for name in ("Dana Whitfield", "Robin Okafor", "Sam Lee", "Kai Wu"):
        create(name)
    database = app.extensions["fieldwork"].database
    with database.transaction(account_id=account_id) as session:
        for _ in range(6):
            for typed in words:
                assert search_customers(session, typed, Filters(), limit=5, cursor=None).items
        plans = session.execute(text("SELECT coalesce(sum(generic_plans), 0) AS generic, "
                                     "coalesce(sum(custom_plans), 0) AS custom FROM pg_prepared_statements "
                                     "WHERE statement LIKE '%AS tier%'")).one()  # the tiers' statements
    assert plans.custom > 0 and plans.generic == 0
