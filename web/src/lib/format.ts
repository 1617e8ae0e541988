// Money is integer cents end to end, formatted here once.
export function money(cents: number | null | undefined, currency = "USD"): string {
  if (cents === null || cents === undefined) return "—";
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}

export function day(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric" }) : "—";
}

export function when(iso: string | null | undefined): string {
  return iso
    ? new Date(iso).toLocaleString("en-US", { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" })
    : "—";
}

export function words(value: string | null | undefined): string {
  return value ? value.replaceAll("_", " ") : "";
}
