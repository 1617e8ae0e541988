// Money typed by a person ("1,234.5", "$89") becomes integer cents by string arithmetic: never through a float,
// so 0.1 + 0.2 stays 30 cents and 19.99 × 3 stays 5997.
const AMOUNT = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{0,2}))?$/;

/** Cents for a typed amount, or null when it is not one (empty, negative, letters, more than two decimals). */
export function parseCents(text: string): number | null {
  const match = AMOUNT.exec(text.trim());
  if (!match || (match[1] === undefined && !match[2])) return null;
  const whole = (match[1] ?? "0").replaceAll(",", "");
  const fraction = (match[2] ?? "").padEnd(2, "0");
  return Number(whole) * 100 + Number(fraction);
}

/** The plain decimal string of an amount in cents, as a price field shows it for editing ("12.50"). */
export function centsToText(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}
