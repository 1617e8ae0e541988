"""lifetime revenue beside lifetime value; a void invoice owes nothing

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade():
    op.add_column("customer_summaries", sa.Column("lifetime_revenue_cents", sa.BigInteger(), nullable=False,
                                                  server_default="0"))
    op.alter_column("customer_summaries", "lifetime_revenue_cents", server_default=None)
    # the same sum domain.summary keeps: issued invoices, less credit notes and refunds paid back out
    op.execute("""
        UPDATE customer_summaries AS s SET lifetime_revenue_cents =
            COALESCE((SELECT sum(i.total_cents) FROM invoices i WHERE i.account_id = s.account_id
                      AND i.customer_id = s.customer_id AND i.status IN ('sent', 'viewed', 'partial', 'paid')), 0)
          - COALESCE((SELECT sum(n.amount_cents) FROM credit_notes n WHERE n.account_id = s.account_id
                      AND n.customer_id = s.customer_id), 0)
          - COALESCE((SELECT sum(p.refunded_cents) FROM payments p WHERE p.account_id = s.account_id
                      AND p.customer_id = s.customer_id), 0)""")
    op.execute("ALTER TABLE invoices DROP CONSTRAINT invoices_money")
    op.execute("UPDATE invoices SET balance_cents = 0 WHERE status = 'void' AND balance_cents <> 0")
    op.execute("ALTER TABLE invoices ADD CONSTRAINT invoices_money CHECK ("
               "subtotal_cents >= 0 AND tax_cents >= 0 AND paid_cents >= 0 AND credited_cents >= 0 "
               "AND balance_cents >= 0 AND total_cents = subtotal_cents + tax_cents "
               "AND balance_cents = CASE WHEN status = 'void' THEN 0 "
               "ELSE total_cents - paid_cents - credited_cents END)")
