"""Search pages are full while matches remain, never repeat a customer, and keep each tier in its index's order."""
import uuid

import pytest


def home(line1, city="Columbus", region="OH", postal_code="43215"):
    return {"line1": line1, "city": city, "region": region, "postal_code": postal_code}


def pages(client, auth, q, limit, **extra):
    found, cursor = [], None
    for _ in range(100):
        query = {"q": q, "limit": limit, **extra, **({"cursor": cursor} if cursor else {})}
        response = client.get("/customers", query_string=query, headers=auth)
        assert response.status_code == 200, response.json
        found.append([c["id"] for c in response.json["items"]])
        cursor = response.json["next_cursor"]
        if not cursor:
            return found
    raise AssertionError("the pages never end")


@pytest.fixture
def soaks(client, auth, create):
    """Eight "Soak" customers (name contains "oak") in id order; the five first live on Oak St (an address word
    starting with "oak", the better tier), so the name tier's first ids are customers the address tier ranks."""
    made = sorted((create(f"Soak {i}")["id"] for i in range(8)), key=uuid.UUID)
    for customer_id in made[:5]:
        response = client.post(f"/customers/{customer_id}/properties", json=home("5 Oak St"), headers=auth)
        assert response.status_code == 201, response.json
    return made


def test_a_page_is_full_while_matches_remain(client, auth, soaks):
    assert pages(client, auth, "oak", 3) == [soaks[:3], soaks[3:6], soaks[6:]]


def test_no_page_repeats_a_customer_listed_before_the_cursor(client, auth, soaks):
    for limit in (1, 2, 4, 5):
        listed = [customer_id for page in pages(client, auth, "oak", limit) for customer_id in page]
        assert listed == soaks, limit


def test_a_word_tier_lists_by_the_word_then_the_customer(client, auth, create):
    zed = create("Jack Zed")["id"]
    abe = create("Jane Abe")["id"]
    both = create("Jo Jabs")["id"]  # listed at its first word that starts with "ja": "jabs"
    assert [i for page in pages(client, auth, "ja", 10) for i in page] == [both, zed, abe]


def test_a_short_query_finds_a_start_of_any_word(client, auth, create):
    dana = create("Dana Whitfield")["id"]
    wanda = create("Wanda Smith")["id"]
    create("Hawley Town")  # "w" inside a word is not a start
    assert pages(client, auth, "w", 10) == [[wanda, dana]]  # "wanda" before "whitfield"
    assert pages(client, auth, "wh", 10) == [[dana]]


def test_a_cursor_of_another_shape_is_a_field_error(client, auth, create):
    create("Dana Whitfield")
    response = client.get("/customers", query_string={"q": "dana", "cursor": "WzcwMCwiYWJjIl0"}, headers=auth)
    assert response.status_code == 422 and "cursor" in response.json["error"]["fields"]


def test_a_typo_in_one_of_several_words_keeps_the_others_as_typed(client, auth, create):
    murphy = create("Sandra Murphy")["id"]
    create("Sandra Jones")  # as like "sandra mrphy" as a whole, but "mrphy" is no word of hers
    assert [i for page in pages(client, auth, "sandra mrphy", 10) for i in page] == [murphy]
    assert [i for page in pages(client, auth, "sandar murphy", 10) for i in page] == [murphy]


def test_a_short_last_name_with_a_letter_dropped_is_still_found(client, auth, create):
    kim = create("Dana Kim")["id"]
    create("Dana Jones")
    assert [i for page in pages(client, auth, "dana km", 10) for i in page] == [kim]


def test_several_words_contained_in_a_name_or_an_address_are_found_and_paged(client, auth, create):
    """A text of several words whose first word is inside a word: the contains tiers, read by a later word."""
    names = {create(f"Dana Whitfield {i}")["id"] for i in range(3)}
    create("Dana Whitman")
    homes = {create(f"Person {i}", properties=[home(f"7731 Cedar Ave {i}")])["id"] for i in range(3)}
    create("Elsewhere", properties=[home("7731 Oak Ave")])
    for typed, expected in (("ana whitf", names), ("731 cedar", homes)):
        listed = [i for page in pages(client, auth, typed, 2) for i in page]
        assert sorted(listed) == sorted(expected), typed


def test_no_page_lists_a_typo_match_while_a_name_equal_to_the_text_is_there(client, auth, create):
    """A text with a space reads the typo tier in the same message as the tier that finds the exact name: what it
    reads ahead must not show, on the first page or past the exact name."""
    exact = create("Dana Whitfield")["id"]
    junior = create("Dana Whitfield Jr")["id"]  # a second page, past the exact name
    create("Dana Whitfeld")  # one letter off: a typo match of "dana whitfield", not asked while the name is there
    assert [i for page in pages(client, auth, "dana whitfield", 1) for i in page] == [exact, junior]
    typo = create("Robin Whitfeld")["id"]  # no exact "robin whitfield": the typo is found
    assert [i for page in pages(client, auth, "robin whitfield", 1) for i in page] == [typo]


def test_a_house_number_and_a_street_are_read_side_by_side_and_paged(client, auth, create):
    """Of several words typed that start few address words, their ranges are read whole; a customer is still found
    only when one property holds them all, and the pages keep the tier's (word, customer) order."""
    on_cedar = [create(f"Person {i}", properties=[home(f"{12 + i} Cedar Ave")])["id"] for i in range(4)]
    create("Two Homes", properties=[home("12 Oak St"), home("9 Cedar Ave")])  # "12" and "cedar", never together
    # "1" and "cedar" start five address words each: the longer is read, and its word is every customer's key.
    assert [i for page in pages(client, auth, "1 cedar", 1) for i in page] == sorted(on_cedar, key=uuid.UUID)
    assert [i for page in pages(client, auth, "12 cedar", 2) for i in page] == [on_cedar[0]]
