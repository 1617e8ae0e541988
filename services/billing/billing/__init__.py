"""Fieldwork billing: the customer's money — invoices, payments, credits, refunds, balances and statements."""
