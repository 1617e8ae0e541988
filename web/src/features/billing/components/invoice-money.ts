// An invoice's arithmetic as billing does it, in integer cents: each line is quantity × unit price and its tax
// is amount × rate, each rounded half-up per line; the totals are plain sums. The page previews exactly what
// the API will store, and never goes through a float (0.1 + 0.2 stays 30 cents).
import { centsToText, parseCents } from "@/lib/money";

export { centsToText, parseCents };

const QUANTITY = /^(\d{1,7})(?:\.(\d{1,2}))?$/;
const RATE = /^(\d{1,3})(?:\.(\d{1,3}))?$/;

/** A typed quantity ("1.5") in hundredths (150), or null when it is not a positive one with at most two decimals. */
export function parseHundredths(text: string): number | null {
  const match = QUANTITY.exec(text.trim());
  if (!match) return null;
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return hundredths > 0 && hundredths <= 100_000_000 ? hundredths : null;
}

/** A typed tax rate in percent ("8.25") in thousandths of a percent (8250), or null; empty reads as no tax. */
export function parseRate(text: string): number | null {
  if (!text.trim()) return 0;
  const match = RATE.exec(text.trim());
  if (!match) return null;
  const thousandths = Number(match[1]) * 1000 + Number((match[2] ?? "").padEnd(3, "0"));
  return thousandths <= 100_000 ? thousandths : null;
}

/** n / d rounded half-up, for non-negative integers. */
function divideHalfUp(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

export type LineText = { quantity: string; price: string; tax_rate: string };
export type LineFigures = { amount: number; tax: number };

/** A line's amount and tax in cents, or null while any of its figures is not a number yet. */
export function lineFigures(line: LineText): LineFigures | null {
  const hundredths = parseHundredths(line.quantity);
  const cents = parseCents(line.price);
  const rate = parseRate(line.tax_rate);
  if (hundredths === null || cents === null || rate === null) return null;
  const amount = divideHalfUp(hundredths * cents, 100);
  return { amount, tax: divideHalfUp(amount * rate, 100_000) };
}

export type Totals = { subtotal: number; tax: number; total: number };

export function invoiceTotals(lines: LineText[]): Totals {
  const figures = lines.map(lineFigures);
  const subtotal = figures.reduce((sum, f) => sum + (f?.amount ?? 0), 0);
  const tax = figures.reduce((sum, f) => sum + (f?.tax ?? 0), 0);
  return { subtotal, tax, total: subtotal + tax };
}

/** The API's decimal string for a quantity kept in hundredths ("1.5" stays "1.50", "2" stays "2"). */
export function hundredthsText(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const rest = hundredths % 100;
  return rest ? `${whole}.${String(rest).padStart(2, "0")}` : String(whole);
}

export type OpenInvoice = { id: string; due_date?: string; issue_date?: string; balance_cents: number };

/**
 * A payment spread over open invoices the way billing does without instructions: the oldest due first, each
 * up to what it owes; whatever is left stays on account.
 */
export function allocateOldestFirst(amount: number, invoices: OpenInvoice[]): Record<string, number> {
  const oldest = [...invoices].sort((a, b) =>
    (a.due_date ?? "").localeCompare(b.due_date ?? "") || a.id.localeCompare(b.id));
  let left = amount;
  const shares: Record<string, number> = {};
  for (const invoice of oldest) {
    const share = Math.max(0, Math.min(left, invoice.balance_cents));
    shares[invoice.id] = share;
    left -= share;
  }
  return shares;
}

/** The API's decimal string for a rate kept in thousandths of a percent (8250 is "8.25"). */
export function rateText(thousandths: number): string {
  const rest = thousandths % 1000;
  return `${Math.trunc(thousandths / 1000)}${rest ? `.${String(rest).padStart(3, "0").replace(/0+$/, "")}` : ""}`;
}
