// The statement's aging buckets, as billing prints them: days past due on the "as of" day.
export const BUCKETS = [["current", "Current"], ["1-30", "1-30 days"], ["31-60", "31-60 days"], ["61-90", "61-90 days"], ["90+", "Over 90 days"]] as const;
export type Bucket = (typeof BUCKETS)[number][0];

const DAY_MS = 86_400_000;

export function bucketOf(dueDate: string, asOf: string): Bucket {
  const late = Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS);
  if (late <= 0) return "current";
  if (late <= 30) return "1-30";
  if (late <= 60) return "31-60";
  if (late <= 90) return "61-90";
  return "90+";
}

/** Open balance per bucket, every bucket present. */
export function age(invoices: { due_date?: string; balance_cents?: number }[], asOf: string): Record<Bucket, number> {
  const buckets = Object.fromEntries(BUCKETS.map(([key]) => [key, 0])) as Record<Bucket, number>;
  for (const invoice of invoices) buckets[bucketOf(invoice.due_date ?? asOf, asOf)] += invoice.balance_cents ?? 0;
  return buckets;
}
