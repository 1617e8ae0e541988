"""A cursor is the client's input: one that decodes to values its list cannot be compared with answers 422, never
the 500 of PostgreSQL refusing to compare them."""
import uuid

import pytest

from chassis.pagination import encode_cursor


@pytest.mark.parametrize("key", [
    ["a", "b"],                        # a string where the list's id is a UUID
    [1, str(uuid.uuid4())],            # a number where the list's number is text
    [True, None],
    ["W-1\x00", uuid.uuid4()],         # PostgreSQL refuses NUL in text
], ids=["strings", "number", "bool-null", "nul"])
def test_a_readable_cursor_of_the_wrong_types_is_422(client, auth, key):
    client.post("/widgets", json={"name": "one"}, headers=auth)
    response = client.get("/widgets", query_string={"cursor": encode_cursor(key)}, headers=auth)
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.json["error"]["fields"] == {"cursor": ["Not a valid cursor for this list."]}


def test_a_cursor_of_the_lists_own_types_still_pages(client, auth):
    for name in ("a", "b", "c"):
        client.post("/widgets", json={"name": name}, headers=auth)
    first = client.get("/widgets", query_string={"limit": 1}, headers=auth).json
    second = client.get("/widgets", query_string={"limit": 1, "cursor": first["next_cursor"]}, headers=auth)
    assert second.status_code == 200 and second.json["items"] != first["items"]


def test_a_list_paged_by_hand_reads_its_cursor_with_decode_key():
    import datetime as dt

    from chassis.errors import ValidationFailed
    from chassis.pagination import decode_key

    key = [dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), uuid.uuid4()]
    assert decode_key(encode_cursor(key), dt.datetime, uuid.UUID) == key
    for wrong in (["a", "b"], key[:1], [key[1], key[0]], [True, key[1]], "%%%"):
        with pytest.raises(ValidationFailed) as refused:
            decode_key(wrong if isinstance(wrong, str) else encode_cursor(wrong), dt.datetime, uuid.UUID)
        assert refused.value.fields == {"cursor": ["Not a valid cursor for this list."]}


def test_a_page_read_with_one_row_more_than_its_limit_says_where_the_next_starts():
    from chassis.pagination import decode_cursor, page_of

    rows = [(3, "c"), (2, "b"), (1, "a")]
    page = page_of(rows, 2, key=lambda row: row)
    assert page.items == [(3, "c"), (2, "b")]
    assert decode_cursor(page.next_cursor) == [2, "b"]
    last = page_of(rows[2:], 2, key=lambda row: row)
    assert last.items == [(1, "a")] and last.next_cursor is None
