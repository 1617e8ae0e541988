import { parseCents } from "./invoice-money";

/** The rule of a money field: an amount typed like 125 or 89.50, more than zero. */
export function amountRule(text: string): string | null {
  const cents = parseCents(text);
  return cents === null || cents === 0 ? "An amount like 125 or 89.50." : null;
}
