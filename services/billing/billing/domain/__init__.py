"""Plain-Python billing rules: money, invoice states, balances, aging, card data."""
