// Where a record the API names (`/invoices/<id>`, a card's link kind) is shown in the workspace: its tab.
const TAB_OF: Record<string, string> = {
  job: "jobs", jobs: "jobs", estimate: "estimates", estimates: "estimates", plan: "maintenance", plans: "maintenance",
  invoice: "invoices", invoices: "invoices", payment: "invoices", payments: "invoices",
  communication: "communication", communications: "communication", note: "notes", notes: "notes",
};

export function tabOfLink(link: string | null | undefined): string | null {
  // links are public API paths (`/api/invoices/<id>`): the record's kind follows the prefix
  const parts = link?.split("/").filter(Boolean) ?? [];
  const kind = parts[0] === "api" ? parts[1] : parts[0];
  return (kind && TAB_OF[kind]) ?? null;
}

export function tabOfKind(kind: string | null | undefined): string | null {
  return (kind && TAB_OF[kind]) ?? null;
}
