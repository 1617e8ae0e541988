// Where a record the API names (`/invoices/<id>`, a card's link kind) is shown in the workspace: its tab.
const TAB_OF: Record<string, string> = {
  job: "jobs", jobs: "jobs", estimate: "estimates", estimates: "estimates", plan: "maintenance", plans: "maintenance",
  invoice: "invoices", invoices: "invoices", payment: "invoices", payments: "invoices",
  communication: "communication", communications: "communication", note: "notes", notes: "notes",
};

// Records with a page of their own open it; every other record opens its tab of the workspace.
const PAGE_OF: Record<string, string> = { invoices: "/invoices", jobs: "/jobs", estimates: "/estimates" };

function kindAndId(link: string | null | undefined): [string | undefined, string | undefined] {
  // links are public API paths (`/api/invoices/<id>`): the record's kind follows the prefix, its id the kind
  const parts = link?.split("/").filter(Boolean) ?? [];
  return parts[0] === "api" ? [parts[1], parts[2]] : [parts[0], parts[1]];
}

export function tabOfLink(link: string | null | undefined): string | null {
  const [kind] = kindAndId(link);
  return (kind && TAB_OF[kind]) ?? null;
}

/** Where the page shows the record an API link names: its own page, else its tab of the customer's workspace. */
export function placeOfLink(link: string | null | undefined, customerId: string): string | null {
  const [kind, id] = kindAndId(link);
  if (kind && id && PAGE_OF[kind]) return `${PAGE_OF[kind]}/${id}`;
  const tab = tabOfLink(link);
  return tab ? `/customers/${customerId}/${tab}` : null;
}

export function tabOfKind(kind: string | null | undefined): string | null {
  return (kind && TAB_OF[kind]) ?? null;
}
