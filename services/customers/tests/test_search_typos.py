"""A typo is looked for through the copy of the name beside each name word, and the cheap checks asked before
word_similarity never turn away a name the checks themselves accept."""
import random
import uuid

import pytest
from sqlalchemy import text

from customers.adapters import search
from customers.adapters.search_candidates import one_typo, rarer_trigrams

FIRST = "james mary robert patricia john jennifer linda carol carolyn mark shirley anna ann edward sam kim".split()
LAST = ("smith johnson williams brown jones garcia martin martinez campbell cook cox carter king lee kim murphy "
        "okafor whitfield rogers castillo castellanos hall").split()
COMPANIES = ["", "", "", "smith dental", "king auto repair", "hall cafe", "the martin group"]


def names_of(app, customer_id):
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        rows = connection.execute(text("SELECT kind, name FROM search_words WHERE customer_id = :c"),
                                  {"c": uuid.UUID(customer_id)})
        return {(row.kind, row.name) for row in rows}


def ids(client, auth, q):
    response = client.get("/customers", query_string={"q": q, "limit": 50}, headers=auth)
    assert response.status_code == 200, response.json
    return [c["id"] for c in response.json["items"]]


def test_each_name_word_carries_the_whole_name_and_follows_it(app, client, auth, create):
    customer = create("Dana Whitfield", company="Hill Dental", properties=[
        {"line1": "7731 Cedar Ave", "city": "Columbus", "region": "OH", "postal_code": "43215"}])["id"]
    assert names_of(app, customer) == {("n", "dana whitfield hill dental"), ("a", None)}
    response = client.patch(f"/customers/{customer}", json={"display_name": "Dana Okafor", "company": None},
                            headers=auth)
    assert response.status_code == 200, response.json
    assert names_of(app, customer) == {("n", "dana okafor "), ("a", None)}
    assert ids(client, auth, "dana okafr") == [customer] and ids(client, auth, "dana whitfeld") == []


def one_typo_of(word, rng):
    at = rng.randrange(1, len(word) - 1)
    return word[:at] + word[at + 1:] if rng.random() < 0.5 else word[:at] + word[at + 1] + word[at] + word[at + 2:]


def test_the_cheap_checks_turn_away_no_name_the_likeness_accepts(app):
    """word_similarity is at most the share of the typed trigrams found in the name: the LIKEs of rarer_trigrams
    only leave out names it would refuse. Every typed text is checked against every name, with and without them."""
    rng = random.Random(5)
    names = sorted({f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(COMPANIES)}".strip() for _ in range(300)})
    texts = [f"{rng.choice(FIRST)} {one_typo_of(rng.choice(LAST), rng)}" for _ in range(60)]
    texts += [f"{one_typo_of(rng.choice(FIRST), rng)} {rng.choice(LAST)}" for _ in range(30)]
    texts += [one_typo_of(rng.choice(LAST), rng) for _ in range(30)] + ["mark kng", "sam smth kim", "carol campebll"]
    values = ", ".join(f"(:name_{i})" for i in range(len(names)))
    accepted = 0
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        for typed in texts:
            words = typed.split()
            check = one_typo(len(words), "(' ' || n.name)", search.ONE_WORD_LIKENESS, search.FUZZY_THRESHOLD)
            params = {"text": typed, **{f"name_{i}": name for i, name in enumerate(names)},
                      **{f"typed_{i}": word for i, word in enumerate(words)},
                      **{f"spaced_{i}": f" {word}" for i, word in enumerate(words)}}
            likeness = search.ONE_WORD_LIKENESS if len(words) > 1 else search.FUZZY_THRESHOLD
            rarer = {f"rarer_{i}": rarer_trigrams(words, i, likeness, search.FUZZY_THRESHOLD)
                     for i in range(len(words))}
            anything = {f"rarer_{i}": ["%"] for i in range(len(words))}
            sql = text(f"SELECT n.name FROM (VALUES {values}) n(name) WHERE {check} ORDER BY n.name")
            with_likes = connection.execute(sql, {**params, **rarer}).scalars().all()
            assert with_likes == connection.execute(sql, {**params, **anything}).scalars().all(), typed
            accepted += len(with_likes)
    assert accepted > 100  # the texts are alike to many of the names: the comparison is not of empty lists


@pytest.mark.parametrize("typed", ["dana whitfeld", "daan whitfield", "dana okafr whitfield", "whitfeld"])
def test_a_typo_is_found_alike_from_the_other_word_or_from_the_words_alike(client, auth, create, monkeypatch,
                                                                            typed):
    """The words typed start few name words here, so a typo is read through the other word's range; counted as
    many, through the words alike to the one off. Both find the same customers."""
    for name in ("Dana Whitfield", "Dana Okafor Whitfield", "Dana Whitfield Hill", "Robin Whitfield"):
        create(name)
    unlike = {create(name)["id"] for name in ("Dana Jones", "Kai Wu")}
    read_from_the_other_word = ids(client, auth, typed)
    monkeypatch.setattr(search, "COUNTED", 1)
    assert sorted(ids(client, auth, typed)) == sorted(read_from_the_other_word)
    assert read_from_the_other_word and not unlike & set(read_from_the_other_word)
