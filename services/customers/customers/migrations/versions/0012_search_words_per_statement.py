"""search words of new customers and properties written once per statement, not once per row

Revision ID: 0012
"""
from alembic import op

revision = "0012"
down_revision = "0011"

# An import writes a thousand customers by one COPY: a row trigger ran a thousand INSERTs into search_words (and
# the vocabulary's statement trigger a thousand times behind them). A statement trigger with a transition table
# writes the words of every new row in one INSERT. Updates and deletes keep their row triggers: they change
# one customer at a time, and a property's change rebuilds its customer's address words whole.
_UP = [
    "DROP TRIGGER search_words_of_customer ON customers",
    "DROP TRIGGER search_words_of_property ON properties",
    """CREATE TRIGGER search_words_of_customer AFTER DELETE OR UPDATE OF display_name, company
         ON customers FOR EACH ROW EXECUTE FUNCTION search_words_of_customer()""",
    """CREATE TRIGGER search_words_of_property AFTER DELETE OR UPDATE OF line1, city, postal_code, customer_id
         ON properties FOR EACH ROW EXECUTE FUNCTION search_words_of_property()""",
    """CREATE FUNCTION search_words_of_new_customers() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO search_words (account_id, customer_id, kind, word)
         SELECT n.account_id, n.id, 'n', search_words_of(n.search_name) FROM new_customers n;
         RETURN NULL;
       END $$""",
    """CREATE FUNCTION search_words_of_new_properties() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         -- A new property only adds words: the customer's others keep theirs.
         INSERT INTO search_words (account_id, customer_id, kind, word)
         SELECT DISTINCT n.account_id, n.customer_id, 'a',
                search_words_of(lower(n.line1 || ' ' || n.city || ' ' || n.postal_code)) FROM new_properties n
         ON CONFLICT DO NOTHING;
         RETURN NULL;
       END $$""",
    """CREATE TRIGGER search_words_of_new_customers AFTER INSERT ON customers
         REFERENCING NEW TABLE AS new_customers FOR EACH STATEMENT EXECUTE FUNCTION search_words_of_new_customers()""",
    """CREATE TRIGGER search_words_of_new_properties AFTER INSERT ON properties
         REFERENCING NEW TABLE AS new_properties FOR EACH STATEMENT
         EXECUTE FUNCTION search_words_of_new_properties()""",
]

_DOWN = [
    "DROP TRIGGER search_words_of_new_customers ON customers",
    "DROP TRIGGER search_words_of_new_properties ON properties",
    "DROP FUNCTION search_words_of_new_customers()",
    "DROP FUNCTION search_words_of_new_properties()",
    "DROP TRIGGER search_words_of_customer ON customers",
    "DROP TRIGGER search_words_of_property ON properties",
    """CREATE TRIGGER search_words_of_customer AFTER INSERT OR DELETE OR UPDATE OF display_name, company
         ON customers FOR EACH ROW EXECUTE FUNCTION search_words_of_customer()""",
    """CREATE TRIGGER search_words_of_property AFTER INSERT OR DELETE OR UPDATE OF line1, city, postal_code,
         customer_id ON properties FOR EACH ROW EXECUTE FUNCTION search_words_of_property()""",
]


def upgrade():
    for statement in _UP:
        op.execute(statement)


def downgrade():
    for statement in _DOWN:
        op.execute(statement)
