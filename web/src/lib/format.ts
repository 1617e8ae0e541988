// Money is integer cents end to end, formatted here once.
export function money(cents: number | null | undefined, currency = "USD"): string {
  if (cents === null || cents === undefined) return "—";
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A day as people write it. A date alone ("2027-12-02", a due date) is that calendar day wherever the reader is:
 * read as UTC midnight and shown in their zone, it would be the day before west of Greenwich. */
export function day(iso: string | null | undefined): string {
  if (!iso) return "—";
  const options: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric" };
  return new Date(iso).toLocaleDateString("en-US", DATE_ONLY.test(iso) ? { ...options, timeZone: "UTC" } : options);
}

export function when(iso: string | null | undefined): string {
  return iso
    ? new Date(iso).toLocaleString("en-US", { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" })
    : "—";
}

export function words(value: string | null | undefined): string {
  return value ? value.replaceAll("_", " ") : "";
}
