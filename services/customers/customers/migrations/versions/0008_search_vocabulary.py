"""search vocabulary: every distinct word of an account's names and addresses, with a trigram index

Revision ID: 0008
"""
from alembic import op

revision = "0008"
down_revision = "0007"

# A fragment from inside a word ("rti") and a word with a letter off ("hoard") were answered from the trigram GIN
# index of every customer's whole name, whose cost is every customer sharing the fragment's trigrams, each read and
# checked. An account has far fewer distinct words than customers: the words holding the fragment, or like the word
# typed, are found among the distinct words, and their customers are then read from search_words (revision 0006)
# through its btree. The vocabulary only grows (a trigger on search_words adds what is new): a word no customer
# holds any more finds nobody in search_words, which is all it costs.
_UP = [
    """CREATE TABLE search_vocabulary (
         account_id uuid NOT NULL,
         kind char(1) NOT NULL,
         word text COLLATE "C" NOT NULL,
         PRIMARY KEY (account_id, kind, word))""",
    """CREATE FUNCTION search_vocabulary_fill() RETURNS void LANGUAGE sql AS $$
         INSERT INTO search_vocabulary (account_id, kind, word)
         SELECT DISTINCT account_id, kind, word FROM search_words
         ON CONFLICT DO NOTHING $$""",
    "SELECT search_vocabulary_fill()",
    "CREATE INDEX search_vocabulary_trgm ON search_vocabulary USING gin (account_id, kind, word gin_trgm_ops)",
    # Per statement, over the rows it inserted: a customer's words arrive in one INSERT.
    """CREATE FUNCTION search_vocabulary_of_words() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO search_vocabulary (account_id, kind, word)
         SELECT DISTINCT account_id, kind, word FROM new_words
         ON CONFLICT DO NOTHING;
         RETURN NULL;
       END $$""",
    """CREATE TRIGGER search_vocabulary_of_words AFTER INSERT ON search_words
         REFERENCING NEW TABLE AS new_words FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_of_words()""",
]

_DOWN = [
    "DROP TRIGGER IF EXISTS search_vocabulary_of_words ON search_words",
    "DROP FUNCTION IF EXISTS search_vocabulary_of_words()",
    "DROP FUNCTION IF EXISTS search_vocabulary_fill()",
    "DROP TABLE IF EXISTS search_vocabulary",
]


def upgrade():
    for statement in _UP:
        op.execute(statement)


def downgrade():
    for statement in _DOWN:
        op.execute(statement)
