"""search words: every word of a customer's name and of its properties' addresses, in index order

Revision ID: 0006
"""
from alembic import op

revision = "0006"
down_revision = "0005"

# "A word of the name starts with what was typed" is the promise asked on every letter typed, and a trigram GIN
# index answers it only as a set (a GIN index has no order): a common first name costs all its matches. A btree of
# (account, kind, word, customer) answers it in order, so a page reads a page of it. Kind 'n' holds the words of
# `' ' || search_name`, kind 'a' those of every property's `line1 city postal_code` (adapters/search.py reads them
# with the same expressions). The rows are kept by triggers in the transaction that writes the customer or the
# property, so a customer is found by the next letter typed after it is saved; a customer's address words are
# rebuilt whole when a property changes or goes (a word two properties share stays while one of them has it).
_UP = [
    """CREATE TABLE search_words (
         account_id uuid NOT NULL,
         customer_id uuid NOT NULL,
         kind char(1) NOT NULL,
         word text COLLATE "C" NOT NULL,
         PRIMARY KEY (customer_id, kind, word))""",
    # The words of `' ' || text` as LIKE '% typed%' sees them: what follows a space, up to the next one.
    """CREATE FUNCTION search_words_of(source text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
         SELECT DISTINCT w FROM unnest(string_to_array(source, ' ')) w WHERE w <> '' $$""",
    # plpgsql keeps the plans of its statements for the session; a SQL function plans them on every call.
    """CREATE FUNCTION search_words_of_addresses(account uuid, customer uuid) RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM search_words WHERE customer_id = customer AND kind = 'a';
         INSERT INTO search_words (account_id, customer_id, kind, word)
         SELECT DISTINCT account, customer, 'a',
                search_words_of(lower(pr.line1 || ' ' || pr.city || ' ' || pr.postal_code))
           FROM properties pr WHERE pr.account_id = account AND pr.customer_id = customer;
       END $$""",
    # Every customer's words not there yet, in one statement: the backfill, and bulk loads made without triggers.
    """CREATE FUNCTION search_words_fill() RETURNS void LANGUAGE sql AS $$
         INSERT INTO search_words (account_id, customer_id, kind, word)
         SELECT c.account_id, c.id, 'n', search_words_of(c.search_name) FROM customers c
         UNION
         SELECT pr.account_id, pr.customer_id, 'a',
                search_words_of(lower(pr.line1 || ' ' || pr.city || ' ' || pr.postal_code)) FROM properties pr
         ON CONFLICT DO NOTHING $$""",
    "SELECT search_words_fill()",
    # Built after the backfill: a btree built from sorted rows is a third smaller than one grown row by row.
    "CREATE INDEX search_words_in_order ON search_words (account_id, kind, word, customer_id)",
    """CREATE FUNCTION search_words_of_customer() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN
           DELETE FROM search_words WHERE customer_id = OLD.id;
           RETURN NULL;
         END IF;
         IF TG_OP = 'UPDATE' THEN
           DELETE FROM search_words WHERE customer_id = OLD.id AND kind = 'n';
         END IF;
         INSERT INTO search_words (account_id, customer_id, kind, word)
         SELECT NEW.account_id, NEW.id, 'n', search_words_of(NEW.search_name);
         RETURN NULL;
       END $$""",
    """CREATE FUNCTION search_words_of_property() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'INSERT' THEN
           -- A new property only adds words: the customer's others keep theirs.
           INSERT INTO search_words (account_id, customer_id, kind, word)
           SELECT NEW.account_id, NEW.customer_id, 'a',
                  search_words_of(lower(NEW.line1 || ' ' || NEW.city || ' ' || NEW.postal_code))
           ON CONFLICT DO NOTHING;
           RETURN NULL;
         END IF;
         PERFORM search_words_of_addresses(OLD.account_id, OLD.customer_id);
         IF TG_OP = 'UPDATE' AND NEW.customer_id IS DISTINCT FROM OLD.customer_id THEN
           PERFORM search_words_of_addresses(NEW.account_id, NEW.customer_id);
         END IF;
         RETURN NULL;
       END $$""",
    """CREATE TRIGGER search_words_of_customer AFTER INSERT OR DELETE OR UPDATE OF display_name, company
         ON customers FOR EACH ROW EXECUTE FUNCTION search_words_of_customer()""",
    """CREATE TRIGGER search_words_of_property AFTER INSERT OR DELETE OR UPDATE OF line1, city, postal_code,
         customer_id ON properties FOR EACH ROW EXECUTE FUNCTION search_words_of_property()""",
]

_DOWN = [
    "DROP TRIGGER IF EXISTS search_words_of_property ON properties",
    "DROP TRIGGER IF EXISTS search_words_of_customer ON customers",
    "DROP FUNCTION IF EXISTS search_words_of_property()",
    "DROP FUNCTION IF EXISTS search_words_of_customer()",
    "DROP FUNCTION IF EXISTS search_words_fill()",
    "DROP FUNCTION IF EXISTS search_words_of_addresses(uuid, uuid)",
    "DROP FUNCTION IF EXISTS search_words_of(text)",
    "DROP TABLE IF EXISTS search_words",
]


def upgrade():
    for statement in _UP:
        op.execute(statement)


def downgrade():
    for statement in _DOWN:
        op.execute(statement)
