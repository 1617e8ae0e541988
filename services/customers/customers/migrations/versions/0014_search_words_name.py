"""search words: each name word carries its customer's whole name, read with the word in index order

Revision ID: 0014
"""
from alembic import op

revision = "0014"
down_revision = "0013"

# A name with one typo ("carol campebll") is looked for among the customers of the other words typed ("carol",
# a few thousand index entries side by side), checking the misspelt word against each one's name. Read from the
# customer rows, that is a random page per customer, and from the words alike to the misspelt one it is every
# customer of every word sharing its first letters (tens of thousands of entries for a short word). With the name
# in the index beside the word, the range of "carol" holds what the check needs: no customer row is read until a
# name passes. Only name words (kind 'n') carry it; an address word's is null.


def _functions(name: bool) -> list[str]:
    """The functions writing search_words (revisions 0006 and 0012), with the name column or without it."""
    column, customer, new, old, address = (", name", ", c.search_name", ", n.search_name", ", NEW.search_name",
                                           ", NULL") if name else ("", "", "", "", "")
    return [
        f"""CREATE OR REPLACE FUNCTION search_words_fill() RETURNS void LANGUAGE sql AS $$
             INSERT INTO search_words (account_id, customer_id, kind, word{column})
             SELECT c.account_id, c.id, 'n', search_words_of(c.search_name){customer} FROM customers c
             UNION
             SELECT pr.account_id, pr.customer_id, 'a',
                    search_words_of(lower(pr.line1 || ' ' || pr.city || ' ' || pr.postal_code)){address}
               FROM properties pr
             ON CONFLICT DO NOTHING $$""",
        f"""CREATE OR REPLACE FUNCTION search_words_of_customer() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             IF TG_OP = 'DELETE' THEN
               DELETE FROM search_words WHERE customer_id = OLD.id;
               RETURN NULL;
             END IF;
             IF TG_OP = 'UPDATE' THEN
               DELETE FROM search_words WHERE customer_id = OLD.id AND kind = 'n';
             END IF;
             INSERT INTO search_words (account_id, customer_id, kind, word{column})
             SELECT NEW.account_id, NEW.id, 'n', search_words_of(NEW.search_name){old};
             RETURN NULL;
           END $$""",
        f"""CREATE OR REPLACE FUNCTION search_words_of_new_customers() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             INSERT INTO search_words (account_id, customer_id, kind, word{column})
             SELECT n.account_id, n.id, 'n', search_words_of(n.search_name){new} FROM new_customers n;
             RETURN NULL;
           END $$""",
    ]


_UP = [
    "ALTER TABLE search_words ADD COLUMN name text",
    "UPDATE search_words w SET name = c.search_name FROM customers c WHERE w.kind = 'n' AND c.id = w.customer_id",
    "DROP INDEX search_words_in_order",
    "CREATE INDEX search_words_in_order ON search_words (account_id, kind, word, customer_id) INCLUDE (name)",
    *_functions(name=True),
]

_DOWN = [
    *_functions(name=False),
    "DROP INDEX search_words_in_order",
    "CREATE INDEX search_words_in_order ON search_words (account_id, kind, word, customer_id)",
    "ALTER TABLE search_words DROP COLUMN name",
]


def upgrade():
    for statement in _UP:
        op.execute(statement)


def downgrade():
    for statement in _DOWN:
        op.execute(statement)
