"""Plain Python rules of insights: facts, rule cards, thresholds, the fact sheet, grounded advice."""
