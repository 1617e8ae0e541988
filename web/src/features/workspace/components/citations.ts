// Where a citation of the AI leads: the facts sheet names every record it cites, under the kind of record it is.
export type Cited = { id: string; label: string; tab: string | null };

const TAB_OF_SECTION: Record<string, string | null> = {
  customer: null, overdue: "invoices", billing: "invoices", jobs: "jobs", estimates: "estimates",
  plans: "maintenance", communications: "communication",
};

function labelOf(record: Record<string, unknown>): string {
  const words = [record.number, record.name, record.subject, record.channel && `${record.channel} ${record.date ?? ""}`.trim()];
  return String(words.find((w) => typeof w === "string" && w) ?? "record");
}

/** Every record the facts name, by id: its label (number, name or subject) and the workspace tab that lists it. */
export function citedRecords(facts: Record<string, unknown> | undefined): Map<string, Cited> {
  const found = new Map<string, Cited>();
  function walk(node: unknown, tab: string | null) {
    if (Array.isArray(node)) return node.forEach((item) => walk(item, tab));
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.id === "string" && !found.has(record.id)) found.set(record.id, { id: record.id, label: labelOf(record), tab });
    for (const [key, value] of Object.entries(record)) if (key !== "id") walk(value, tab);
  }
  for (const [section, value] of Object.entries(facts ?? {})) walk(value, TAB_OF_SECTION[section] ?? null);
  return found;
}
