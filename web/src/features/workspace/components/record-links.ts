// Where a record the API names (`/invoices/<id>`, a card's link kind) is shown in the workspace: its tab.
const TAB_OF: Record<string, string> = {
  job: "jobs", jobs: "jobs", estimate: "estimates", estimates: "estimates", plan: "maintenance", plans: "maintenance",
  invoice: "invoices", invoices: "invoices", payment: "invoices", payments: "invoices",
  communication: "communication", communications: "communication", note: "notes", notes: "notes",
};

export function tabOfLink(link: string | null | undefined): string | null {
  const kind = link?.split("/").filter(Boolean)[0];
  return (kind && TAB_OF[kind]) ?? null;
}

export function tabOfKind(kind: string | null | undefined): string | null {
  return (kind && TAB_OF[kind]) ?? null;
}
